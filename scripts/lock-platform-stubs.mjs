// The npm registry reachable from this workplace serves only the Linux builds of packages that ship
// one prebuilt binary package per platform (biome, rollup, esbuild, resvg…). `npm install` then
// leaves the other platforms out of package-lock.json, and `npm ci` refuses the lock as "missing"
// them. This adds a lock entry for each missing optional platform package, marked with the
// os/cpu/libc its name declares, so `npm ci` skips it as not for this machine instead of fetching it.
// Run after `npm install` changes the lock: `node scripts/lock-platform-stubs.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
  'android',
  'darwin',
  'freebsd',
  'linux',
  'openbsd',
  'netbsd',
  'sunos',
  'win32',
  'aix',
  'openharmony',
];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'riscv64', 'ppc64', 's390x', 'loong64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const base = name.split('/').pop();
  const tokens = base.split('-');
  const os = tokens.find((t) => OS.includes(t)) ?? (tokens.includes('win32') ? 'win32' : undefined);
  let cpu = tokens.find((t) => CPU.includes(t));
  if (!cpu && tokens.includes('arm')) cpu = 'arm';
  if (!cpu && base.includes('wasm')) cpu = 'wasm32';
  const libc =
    tokens.includes('musl') || tokens.includes('musleabihf')
      ? 'musl'
      : tokens.includes('gnu') || tokens.includes('gnueabihf')
        ? 'glibc'
        : undefined;
  return { os, cpu, libc };
}

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${dep}`;
    const nested = key ? `${key}/node_modules/${dep}` : target;
    if (lock.packages[target] || lock.packages[nested]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) continue;
    const stub = { version: range.replace(/^[\^~=]/, ''), optional: true };
    if (entry.dev) stub.dev = true;
    if (os) stub.os = [os];
    if (cpu) stub.cpu = [cpu];
    if (libc) stub.libc = [libc];
    lock.packages[target] = stub;
    added++;
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform entries`);
