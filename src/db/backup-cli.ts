import { ConfigError, loadConfig } from '../config.js';
import { BackupError, backup, DEFAULT_BACKUP_DIR, restore } from './backup.js';

/**
 * `npm run backup [-- --out DIR]` and `npm run restore <file>`: one line on success (the file
 * written, or what was restored), one line on stderr and exit code 1 on an error.
 */

const USAGE = 'usage: backup-cli.ts backup [--out DIR] | backup-cli.ts restore <file>';

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

function parseBackupArgs(args: string[]): { outDir: string } {
  let outDir = DEFAULT_BACKUP_DIR;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--out') {
      const value = args[++i];
      if (!value) fail('--out needs a folder');
      outDir = value;
    } else if (arg.startsWith('--out=')) {
      outDir = arg.slice('--out='.length);
      if (!outDir) fail('--out needs a folder');
    } else {
      fail(`unknown argument "${arg}"; ${USAGE}`);
    }
  }
  return { outDir };
}

function kb(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

const [command, ...args] = process.argv.slice(2);
try {
  const config = loadConfig();
  if (command === 'backup') {
    const { outDir } = parseBackupArgs(args);
    const result = await backup(config, outDir);
    const source = result.kind === 'postgres' ? 'PostgreSQL' : `embedded database in ${config.dataDir}`;
    console.log(`backup written: ${result.path} (${source}, ${kb(result.bytes)})`);
  } else if (command === 'restore') {
    const [file, ...rest] = args;
    if (!file || rest.length > 0) fail(`restore takes one backup file; ${USAGE}`);
    const result = await restore(config, file);
    const target = result.kind === 'postgres' ? result.target : `the embedded database in ${result.target}`;
    console.log(`restored ${file} into ${target} (${result.tables} tables in public)`);
  } else {
    fail(USAGE);
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupError) fail(error.message);
  fail(error instanceof Error ? error.message : String(error));
}
