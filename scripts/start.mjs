// `npm start`: builds dist/ when it is missing or older than src/ (scripts/build.mjs, well under a
// second), then runs dist/main.js in this very process — one node process under npm, no TypeScript
// loader in between. Production runs `node dist/main.js` directly (Dockerfile, deploy/).
// Source maps stay off, as in production: Node keeps every module's map in memory once they are on
// (18 MB of resident memory at idle, measured), and dist/ mirrors src/ file by file, so a stack trace
// already names the file. `NODE_OPTIONS=--enable-source-maps npm start` maps it to TypeScript lines.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt, isBuildCurrent } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, '.build.lock');
/** A lock older than this was left by a build that died; it is taken over. */
const STALE_LOCK_MS = 60_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Several `npm start` at once (tests, two terminals) build one at a time; the others wait and reuse it. */
async function buildOnce() {
  for (;;) {
    if (isBuildCurrent()) return;
    try {
      mkdirSync(lock);
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {}
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else await sleep(100);
      continue;
    }
    try {
      await ensureBuilt();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
}

try {
  await buildOnce();
} catch (error) {
  process.stderr.write(`could not build dist/: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
await import(pathToFileURL(join(root, 'dist', 'main.js')).href);
