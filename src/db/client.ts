import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The one database type the services see: node-postgres and PGlite both satisfy it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: services accept either. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** True when several connections run statements at the same time (PostgreSQL, not PGlite). */
  concurrent: boolean;
  /**
   * Runs `task` while holding PostgreSQL advisory lock `key` (on a connection of its own), so that
   * instances starting together do it one after another; PGlite has one connection and just runs it.
   */
  exclusive<T>(key: number, task: () => Promise<T>): Promise<T>;
  /**
   * Runs `task` while holding the advisory lock named `key` across every instance on this database
   * (one chat's updates in webhook mode). Lock connections come from a small pool of their own, so a
   * task's own statements never wait behind the locks. PGlite: one process, the task just runs.
   */
  serialized<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** PostgreSQL: the pool's connections (total, idle) and checkouts waiting for one. PGlite: absent. */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /**
   * Statements sent to the database since it was opened (every query, and BEGIN/COMMIT of a
   * transaction): the `phoenix_db_statements_total` counter, and what the pipeline benchmark divides by
   * the updates handled. A plain function, so a copy of the handle (`{ ...handle }`) keeps it live.
   */
  statements: () => number;
  close(): Promise<void>;
}

/** The running total behind {@link DatabaseHandle.statements}. */
interface StatementCount {
  value: number;
}

/**
 * Counts every statement a pooled connection runs, `pool.query` (which runs on a pooled client) and
 * transactions alike: each new client gets a counting `query`, made once per connection, so the hot
 * path allocates nothing (fixed arity, no rest arguments).
 */
function countStatements(pool: pg.Pool, count: StatementCount): void {
  pool.on('connect', (client) => {
    const query = client.query;
    (client as { query: unknown }).query = function (this: unknown, a: unknown, b: unknown, c: unknown) {
      count.value++;
      return (query as (a: unknown, b: unknown, c: unknown) => unknown).call(this, a, b, c);
    };
  });
}

/**
 * A connection that dies while checked out of the pool (a transaction, a lock held, PostgreSQL
 * restarting) emits 'error' with no listener of pg-pool's own: Node would end the process with it.
 * pg already rejects that connection's queries with the error and the pool drops it on release, so
 * the event itself only needs a listener.
 */
function survivesLostConnections(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    client.on('error', () => {
      // Reported to the query that was running on it; the pool discards the client on release.
    });
  });
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Describes a connection string without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'an invalid URL';
  }
}

export interface PostgresOptions {
  /** Pool size; the broadcast sender and the bot share it. */
  max?: number;
  connectTimeoutMs?: number;
}

/**
 * SQLSTATEs and socket errors of a database that is restarting or unreachable for a moment: the
 * statement did not run (or ran in a transaction that was rolled back), so it can be tried again.
 */
const TRANSIENT_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08006', // connection_failure
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);

/** True for an error that a moment later may not happen again (see {@link TRANSIENT_CODES}). */
export function isTransientDatabaseError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
        e.message,
      )
    ) {
      return true;
    }
    current = e.cause;
  }
  return false;
}

/** How long closing the database waits for its connections to close. */
const POOL_END_TIMEOUT_MS = 5000;

/** Waits between the tries of a statement that met a transient error: about 4.5 s in all. */
const RETRY_DELAYS_MS = [100, 250, 500, 1000, 1200, 1500];

/**
 * Makes the pool try a statement (`pool.query`) and a checkout (`pool.connect`, for transactions)
 * again while the database restarts, a few times over a few seconds, before the error reaches a
 * handler: a PostgreSQL blip then costs a user a short wait, not "Something went wrong".
 * A statement inside a transaction is not retried here (the transaction is the caller's).
 */
function retryTransientErrors(pool: pg.Pool): void {
  const retrying =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await call(...args);
        } catch (error) {
          const delay = RETRY_DELAYS_MS[attempt];
          if (delay === undefined || !isTransientDatabaseError(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    };
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  (pool as { query: unknown }).query = (...args: unknown[]) => {
    // The callback form is not used by Drizzle; only the promise form is retried.
    if (typeof args.at(-1) === 'function') return query(...args);
    return retrying(query)(...args);
  };
  (pool as { connect: unknown }).connect = (...args: unknown[]) => {
    if (typeof args[0] === 'function') return (connect as (...a: unknown[]) => unknown)(...args);
    return retrying(connect)();
  };
}

/** Connects to PostgreSQL and proves the connection with `SELECT 1`: fails fast, never hangs. */
export async function connectPostgres(url: string, options: PostgresOptions = {}): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next query.
  });
  const count: StatementCount = { value: 0 };
  countStatements(pool, count);
  survivesLostConnections(pool);
  let lockPool: pg.Pool | undefined;
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason}`);
  }
  // After the probe: start-up fails fast on a database that is not there; later blips are ridden out.
  retryTransientErrors(pool);
  return {
    db: drizzlePg(pool, { schema }) as unknown as Database,
    kind: 'postgres',
    concurrent: true,
    async exclusive(key, task) {
      // A connection outside the pool: the task may need every pooled connection (a pool of one).
      const client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      });
      client.on('error', () => {
        // Its queries are rejected with the error; the lock went with the connection.
      });
      await client.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await task();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        await client.end();
      }
    },
    async serialized(key, task) {
      if (!lockPool) {
        lockPool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 10_000 });
        lockPool.on('error', () => {
          // A lock connection that died released its lock on the server; the pool replaces it.
        });
        countStatements(lockPool, count);
        survivesLostConnections(lockPool);
      }
      const client = await lockPool.connect();
      try {
        await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [key]);
        try {
          return await task();
        } finally {
          await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key]);
        }
      } finally {
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    statements: () => count.value,
    close: async () => {
      // pool.end() waits for every connection to close; one whose server went away during a restart
      // may never report it, so the wait is bounded rather than left to hang the shutdown.
      const ended = Promise.all([lockPool?.end(), pool.end()]).then(() => undefined);
      await Promise.race([
        ended,
        new Promise<void>((resolve) => setTimeout(resolve, POOL_END_TIMEOUT_MS).unref()),
      ]);
    },
  };
}

/**
 * Server settings of the embedded PostgreSQL, given at every start (`-c`, over `postgresql.conf`) and
 * to initdb (so a new `DATA_DIR`'s `postgresql.conf` says the same). PostgreSQL's shared memory is an
 * anonymous mmap, which Emscripten serves from PGlite's WebAssembly memory and zeroes, so every byte of
 * `shared_buffers` is resident from the start: the stock 128MB was 128 of the 151 MB that memory held
 * at idle. The bot's data is a few MB, so 16MB holds it; a page that does not fit is read again from
 * its file in `DATA_DIR`, which the OS keeps cached. work_mem and maintenance_work_mem are taken only
 * while a sort or an index build runs, and stay at PostgreSQL's defaults.
 */
const PGLITE_SETTINGS: Readonly<Record<string, string>> = { shared_buffers: '16MB' };

function pgliteOptions(defaultStartParams: readonly string[]): PGliteOptions {
  const settings = Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  return { startParams: [...defaultStartParams, ...settings], initDbStartParams: settings };
}

/** PGlite and its drizzle driver, loaded only when the embedded database is opened (not on PostgreSQL). */
const loadPglite = async () => ({
  PGlite: (await import('@electric-sql/pglite')).PGlite,
  drizzlePglite: (await import('drizzle-orm/pglite')).drizzle,
});

/** src/db/ or dist/db/ → the project's root. */
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Run by a child node: creates the database cluster in a directory and closes it. */
const CREATE_CLUSTER = `
const [dataDir, options] = process.argv.slice(1);
try {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir, JSON.parse(options));
  await db.close();
} catch (error) {
  // Emscripten's file system throws plain objects ({ name: 'ErrnoError', errno }).
  process.stderr.write(error instanceof Error ? error.message : JSON.stringify(error));
  process.exitCode = 1;
}`;

/**
 * Creates a new database cluster in `dataDir` in a child process. PGlite's initdb starts a second
 * PostgreSQL and copies its whole WebAssembly memory; in the bot's own process that left about 450 MB
 * of garbage that V8 had no reason to collect while the bot sat idle (848 MB idle after a first
 * start, 390 MB after a later one). A child returns all of it to the OS when it exits.
 */
async function createPgliteCluster(dataDir: string, options: PGliteOptions): Promise<void> {
  const args = ['--input-type=module', '--eval', CREATE_CLUSTER, resolve(dataDir), JSON.stringify(options)];
  try {
    // From the project's root the child finds the same @electric-sql/pglite as this module.
    await promisify(execFile)(process.execPath, args, { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    throw new Error(typeof stderr === 'string' && stderr.trim() ? stderr.trim() : String(error));
  }
}

/**
 * Opens (or creates) the embedded PostgreSQL in `dataDir`; `memory://` keeps it in memory (and is
 * created in this process: there is nowhere else for it to live).
 */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://');
  const { PGlite, drizzlePglite } = await loadPglite();
  const options = pgliteOptions(PGlite.defaultStartParams);
  let client: PGlite;
  try {
    if (!inMemory) {
      mkdirSync(dataDir, { recursive: true });
      if (!existsSync(join(dataDir, 'PG_VERSION'))) await createPgliteCluster(dataDir, options);
    }
    client = await PGlite.create(dataDir, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`cannot open the embedded database in ${dataDir}: ${reason}`);
  }
  const count = countPgliteStatements(client);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    kind: 'pglite',
    concurrent: false,
    exclusive: (_key, task) => task(),
    serialized: (_key, task) => task(),
    statements: () => count.value,
    close: () => client.close(),
  };
}

/**
 * PGlite's counterpart of {@link countStatements}: `query` and `exec` of the client and of the object a
 * transaction hands out (PGlite runs those past the client's methods), plus the transaction's BEGIN
 * and COMMIT (or ROLLBACK). The per-statement wrappers are made once (per transaction for its own).
 */
function countPgliteStatements(client: PGlite): StatementCount {
  const count: StatementCount = { value: 0 };
  type Run = (a: unknown, b: unknown, c: unknown) => Promise<never>;
  const counting = (run: Run): Run =>
    function (this: unknown, a, b, c) {
      count.value++;
      return run.call(this, a, b, c);
    };
  const target = client as unknown as { query: Run; exec: Run; transaction: Run };
  target.query = counting(target.query);
  target.exec = counting(target.exec);
  const transaction = target.transaction;
  target.transaction = function (this: unknown, callback, b, c) {
    count.value += 2;
    return transaction.call(
      this,
      (tx: { query: Run; exec: Run }) => {
        tx.query = counting(tx.query);
        tx.exec = counting(tx.exec);
        return (callback as (tx: unknown) => unknown)(tx);
      },
      b,
      c,
    );
  };
  return count;
}

export function openDatabase(config: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<DatabaseHandle> {
  return config.databaseUrl ? connectPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
