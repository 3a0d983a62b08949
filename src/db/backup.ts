import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, openAsBlob, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { redactUrl } from './client.js';

/**
 * Backups and restores of the bot's database.
 *
 * - PostgreSQL (`DATABASE_URL` set): `pg_dump --format=custom` to `phoenix-YYYYMMDD-HHMMSS.dump`,
 *   restored with `pg_restore --no-owner` into an empty database. The client tools come from PATH
 *   and must be of the server's major version or newer.
 * - Embedded PGlite (no `DATABASE_URL`): PGlite's own dump of the data directory
 *   (`dumpDataDir('gzip')`) to `phoenix-YYYYMMDD-HHMMSS.tar.gz`, restored with
 *   `PGlite.create(DATA_DIR, { loadDataDir })` into an empty or new `DATA_DIR`. One process owns a
 *   PGlite data directory, so the bot must be stopped for either.
 *
 * The two formats do not cross: a `.dump` restores into PostgreSQL, a `.tar.gz` into PGlite.
 */

/** A failure a person can fix (a locked data directory, a database that is not empty, …): one line. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Which database a backup file belongs to, told by its first bytes. */
export type BackupKind = 'postgres' | 'pglite';

export interface BackupResult {
  /** The file written. */
  path: string;
  kind: BackupKind;
  bytes: number;
}

export interface RestoreResult {
  /** What was restored into: the redacted URL or the data directory. */
  target: string;
  kind: BackupKind;
  /** Tables in schema `public` after the restore. */
  tables: number;
}

/** Where the database lives: the two fields of the bot's config that choose it. */
export interface DatabaseLocation {
  databaseUrl: string | undefined;
  dataDir: string;
}

/** The default folder of `npm run backup` (relative to the working directory). */
export const DEFAULT_BACKUP_DIR = './backups';

/** The file PostgreSQL (and PGlite) keep in a data directory while it is open. */
const PID_FILE = 'postmaster.pid';

const EXTENSIONS: Record<BackupKind, string> = { postgres: '.dump', pglite: '.tar.gz' };

/** `phoenix-YYYYMMDD-HHMMSS.dump` (or `.tar.gz`), in UTC so that names sort by time on any machine. */
export function backupFileName(kind: BackupKind, now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}`;
  const time = `${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `phoenix-${date}-${time}${EXTENSIONS[kind]}`;
}

/** A path in `outDir` for a new backup that does not overwrite one taken in the same second. */
function freshPath(outDir: string, kind: BackupKind, now: Date): string {
  const name = backupFileName(kind, now);
  let candidate = path.join(outDir, name);
  const ext = EXTENSIONS[kind];
  for (let n = 2; existsSync(candidate); n++) {
    candidate = path.join(outDir, `${name.slice(0, -ext.length)}-${n}${ext}`);
  }
  return candidate;
}

/**
 * Tells a backup file's kind by its first bytes: `PGDMP` is pg_dump's custom format, `1f 8b` a
 * gzip (PGlite's tarball). Throws {@link BackupError} for a missing file or anything else.
 */
export async function detectBackupKind(file: string): Promise<BackupKind> {
  let header: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      header = Buffer.alloc(5);
      const { bytesRead } = await handle.read(header, 0, 5, 0);
      header = header.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BackupError(`${file}: no such file`);
    if (code === 'EISDIR') throw new BackupError(`${file}: is a directory, not a backup file`);
    throw new BackupError(`${file}: cannot read it (${(error as Error).message})`);
  }
  if (header.toString('latin1') === 'PGDMP') return 'postgres';
  if (header[0] === 0x1f && header[1] === 0x8b) return 'pglite';
  throw new BackupError(
    `${file}: not a backup of this bot (expected a pg_dump custom-format .dump or a PGlite .tar.gz)`,
  );
}

/**
 * The connection string without its password, and the password for `PGPASSWORD`: the password
 * then never appears in a command line (`ps`) or in a message.
 */
function splitPassword(url: string): { url: string; password: string | undefined } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new BackupError('DATABASE_URL: is not a valid URL');
  }
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { url: u.toString(), password };
}

/** Runs a PostgreSQL client tool with the password in the environment; rejects with one line. */
function runTool(
  tool: 'pg_dump' | 'pg_restore',
  args: string[],
  password: string | undefined,
): Promise<void> {
  const env = { ...process.env };
  if (password !== undefined) env.PGPASSWORD = password;
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) {
        resolve();
        return;
      }
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(
          new BackupError(
            `${tool} is not on PATH: install the PostgreSQL client tools of the server's major version (e.g. postgresql-client-15)`,
          ),
        );
        return;
      }
      let detail = String(stderr)
        .split('\n')
        .map((line) => line.trim().replace(new RegExp(`^${tool}: (error: )?`), ''))
        .filter(Boolean)
        .join('; ');
      if (password) detail = detail.split(password).join('***');
      reject(new BackupError(`${tool} failed: ${detail || error.message}`));
    });
  });
}

/** Writes `data` to `target` through a `.partial` file, so that a failed backup leaves no file that looks whole. */
async function writeAtomically(target: string, write: (partial: string) => Promise<void>): Promise<number> {
  const partial = `${target}.partial`;
  try {
    await write(partial);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return statSync(target).size;
}

function ensureDir(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new BackupError(`cannot create the backup folder ${outDir}: ${(error as Error).message}`);
  }
}

/**
 * Backs up a PostgreSQL database with `pg_dump --format=custom` to a dated file in `outDir`.
 * The bot may keep running: pg_dump reads one consistent snapshot.
 */
export async function backupPostgres(
  databaseUrl: string,
  outDir: string = DEFAULT_BACKUP_DIR,
  now: Date = new Date(),
): Promise<BackupResult> {
  const { url, password } = splitPassword(databaseUrl);
  ensureDir(outDir);
  const target = freshPath(outDir, 'postgres', now);
  const bytes = await writeAtomically(target, (partial) =>
    runTool('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${url}`], password),
  );
  return { path: target, kind: 'postgres', bytes };
}

/** Throws unless `dataDir` holds a PGlite database that no process has open. */
function assertClosedPgliteDir(dataDir: string): void {
  if (dataDir.startsWith('memory://')) {
    throw new BackupError(`DATA_DIR: ${dataDir} is in memory; there is nothing on disk to back up`);
  }
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(
      `there is no embedded database in ${dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL)`,
    );
  }
  if (existsSync(path.join(dataDir, PID_FILE))) {
    throw new BackupError(
      `the embedded database in ${dataDir} is in use (${PID_FILE} is present): stop the bot first; ` +
        `if it is not running, it did not shut down cleanly — start and stop it once, or delete ${path.join(dataDir, PID_FILE)}`,
    );
  }
}

/**
 * Backs up an embedded PGlite data directory with PGlite's own dump (`dumpDataDir('gzip')`) to a
 * dated `.tar.gz` in `outDir`. The bot must be stopped: one process owns the directory, and a
 * directory in use (its `postmaster.pid` present) is refused.
 */
export async function backupPglite(
  dataDir: string,
  outDir: string = DEFAULT_BACKUP_DIR,
  now: Date = new Date(),
): Promise<BackupResult> {
  assertClosedPgliteDir(dataDir);
  ensureDir(outDir);
  const target = freshPath(outDir, 'pglite', now);
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    throw new BackupError(`cannot open the embedded database in ${dataDir}: ${(error as Error).message}`);
  }
  try {
    const dump = await db.dumpDataDir('gzip');
    const data = new Uint8Array(await dump.arrayBuffer());
    const bytes = await writeAtomically(target, (partial) => writeFile(partial, data));
    return { path: target, kind: 'pglite', bytes };
  } finally {
    await db.close();
  }
}

/** Backs up the database the config points at: PostgreSQL when `databaseUrl` is set, else PGlite. */
export function backup(
  location: DatabaseLocation,
  outDir: string = DEFAULT_BACKUP_DIR,
): Promise<BackupResult> {
  return location.databaseUrl
    ? backupPostgres(location.databaseUrl, outDir)
    : backupPglite(location.dataDir, outDir);
}

/** SQL listing the relations (tables, views, sequences) outside the system schemas. */
const USER_RELATIONS_SQL = `
  select n.nspname as schema, c.relname as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
    and n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'
  order by (n.nspname = 'public') desc, n.nspname, c.relname`;

const PUBLIC_TABLES_SQL = `select count(*)::int as n from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE'`;

function notEmpty(where: string, relations: { schema: string; name: string }[]): BackupError {
  const first = relations[0];
  const more = relations.length > 1 ? ` and ${relations.length - 1} more tables, sequences or views` : '';
  return new BackupError(
    `${where} is not empty (it has ${first?.schema}.${first?.name}${more}): restore only into an empty database`,
  );
}

/**
 * Restores a pg_dump custom-format file into the PostgreSQL database at `databaseUrl`, which must
 * be empty (no tables, views or sequences outside the system schemas): create it with `createdb`.
 * Runs `pg_restore --no-owner --single-transaction`, so a failed restore leaves the database empty.
 */
export async function restorePostgres(databaseUrl: string, file: string): Promise<RestoreResult> {
  const kind = await detectBackupKind(file);
  if (kind !== 'postgres') {
    throw new BackupError(
      `${file} is a backup of the embedded database (PGlite); unset DATABASE_URL to restore it into DATA_DIR`,
    );
  }
  const where = `the database at ${redactUrl(databaseUrl)}`;
  const query = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => {});
      throw new BackupError(
        `cannot connect to PostgreSQL at ${redactUrl(databaseUrl)}: ${(error as Error).message}`,
      );
    }
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  const existing = await query<{ schema: string; name: string }>(USER_RELATIONS_SQL);
  if (existing.length > 0) throw notEmpty(where, existing);

  const { url, password } = splitPassword(databaseUrl);
  await runTool('pg_restore', ['--no-owner', '--single-transaction', `--dbname=${url}`, file], password);
  const [count] = await query<{ n: number }>(PUBLIC_TABLES_SQL);
  return { target: redactUrl(databaseUrl), kind, tables: count?.n ?? 0 };
}

/**
 * Restores a PGlite `.tar.gz` into `dataDir`, which must not exist or be an empty directory.
 * On failure the directory is left as it was found (absent or empty).
 */
export async function restorePglite(dataDir: string, file: string): Promise<RestoreResult> {
  const kind = await detectBackupKind(file);
  if (kind !== 'pglite') {
    throw new BackupError(
      `${file} is a PostgreSQL dump (pg_dump); set DATABASE_URL to an empty PostgreSQL database to restore it`,
    );
  }
  if (dataDir.startsWith('memory://')) {
    throw new BackupError(`DATA_DIR: ${dataDir} is in memory; restore into a directory on disk`);
  }
  const existed = existsSync(dataDir);
  if (existed) {
    if (!statSync(dataDir).isDirectory()) throw new BackupError(`DATA_DIR: ${dataDir} is not a directory`);
    const entries = readdirSync(dataDir);
    if (entries.length > 0) {
      throw new BackupError(
        `DATA_DIR ${dataDir} is not empty (${entries.length} entries): restore only into an empty or new directory`,
      );
    }
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    const blob = await openAsBlob(file);
    const db = await PGlite.create(dataDir, { loadDataDir: blob });
    try {
      const { rows } = await db.query<{ n: number }>(PUBLIC_TABLES_SQL);
      return { target: dataDir, kind, tables: rows[0]?.n ?? 0 };
    } finally {
      await db.close();
    }
  } catch (error) {
    // The directory was absent or empty: put it back that way.
    if (existed) {
      for (const entry of readdirSync(dataDir))
        rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    } else {
      rmSync(dataDir, { recursive: true, force: true });
    }
    if (error instanceof BackupError) throw error;
    throw new BackupError(`cannot restore ${file} into ${dataDir}: ${(error as Error).message}`);
  }
}

/** Restores `file` into the database the config points at (see {@link restorePostgres}, {@link restorePglite}). */
export function restore(location: DatabaseLocation, file: string): Promise<RestoreResult> {
  return location.databaseUrl
    ? restorePostgres(location.databaseUrl, file)
    : restorePglite(location.dataDir, file);
}
