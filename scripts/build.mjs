// Compiles src/ to dist/ with esbuild, file by file (no bundling: dist/ mirrors src/, so paths read
// through import.meta.url — locales, migrations, assets — resolve from dist/ as from src/), and copies
// the sandbox page's static files. Types are checked by `npm run typecheck`, not here: a build takes
// well under a second, which is what lets `npm start` build a stale dist/ itself (scripts/start.mjs).
//
//   node scripts/build.mjs            build now
//   import { ensureBuilt } from ...   build only when dist/ is missing or older than src/
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src');
const distDir = join(root, 'dist');
/** What the last build was made from: every source file with its size and mtime. */
const stampFile = join(distDir, '.build-stamp.json');
/** Files outside src/ that change what a build produces. */
const inputs = [join(root, 'package.json'), join(root, 'scripts', 'build.mjs')];

function sourceFiles(dir = srcDir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else files.push(path);
  }
  return files.sort();
}

function fingerprint() {
  return [...sourceFiles(), ...inputs].map((path) => {
    const { size, mtimeMs } = statSync(path);
    return `${relative(root, path)}:${size}:${mtimeMs}`;
  });
}

/** True when dist/ was built from exactly the files src/ holds now. */
export function isBuildCurrent() {
  if (!existsSync(stampFile)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    const now = fingerprint();
    return Array.isArray(stamp) && stamp.length === now.length && stamp.every((line, i) => line === now[i]);
  } catch {
    return false;
  }
}

export async function build() {
  const { build: esbuild } = await import('esbuild');
  const stamp = fingerprint();
  const files = sourceFiles();
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });
  await esbuild({
    entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
    outdir: distDir,
    outbase: srcDir,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  // The sandbox page's HTML, CSS and browser scripts are served as they are.
  cpSync(join(srcDir, 'sandbox', 'web'), join(distDir, 'sandbox', 'web'), {
    recursive: true,
    filter: (path) => !path.endsWith('.ts'),
  });
  writeFileSync(stampFile, JSON.stringify(stamp));
}

/** Builds when dist/ is missing or stale; returns whether it built. */
export async function ensureBuilt() {
  if (isBuildCurrent()) return false;
  await build();
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await build();
  console.log('built dist/');
}
