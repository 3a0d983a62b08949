// Compiles src/ to dist/ (what the container and a systemd unit run: `node dist/main.js`), and copies
// the sandbox page's static files, which are not TypeScript. Locales, migrations and assets are read
// from the project root by dist/ as by src/ (both sit two folders below it).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
cpSync('src/sandbox/web', 'dist/sandbox/web', {
  recursive: true,
  filter: (path) => !path.endsWith('.ts'),
});
console.log('built dist/');
