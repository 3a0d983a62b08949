import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  BackupError,
  backupFileName,
  backupPglite,
  backupPostgres,
  restorePglite,
  restorePostgres,
} from '../../src/db/backup.js';
import { connectPostgres, type DatabaseHandle, openPglite } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createServices } from '../../src/services/index.js';
import { onPostgres } from '../helpers/db.js';

/** Tables the seed below fills: each must come back with the same, non-zero count. */
const SEEDED = [
  'public.users',
  'public.products',
  'public.promo_codes',
  'public.orders',
  'public.promo_redemptions',
  'public.tickets',
  'public.ticket_messages',
  'public.staff',
  'drizzle.__drizzle_migrations',
];

/** Users, products, a promo code and an order with it, tickets, staff: rows in several tables. */
async function seed(handle: DatabaseHandle): Promise<void> {
  const services = createServices(handle.db, { ownerIds: [] });
  const users = [];
  for (let i = 0; i < 4; i++) {
    users.push(
      await services.users.register({ id: 7_700_000_000 + i, first_name: `User ${i}`, language_code: 'en' }),
    );
  }
  const products = [];
  for (const title of ['Landing', 'Shop', 'Logo']) {
    const created = await services.catalog.create({
      title,
      description: `${title} page`,
      price: 10_000,
      deadlineDays: 5,
    });
    if (!created.ok) throw new Error(`product not created: ${created.reason}`);
    products.push(created.product);
  }
  const promo = await services.promo.create({ code: 'SPRING10', kind: 'percent', value: 10 });
  if (!promo.ok) throw new Error(`promo not created: ${promo.reason}`);
  const order = await services.orders.placeOrder({
    userId: users[0]!.id,
    productId: products[0]!.id,
    email: 'buyer@example.com',
    promoCode: 'SPRING10',
    checkoutKey: 'backup-test-1',
  });
  if (!order.ok) throw new Error(`order not placed: ${order.reason}`);
  for (const user of users.slice(1, 3)) {
    const ticket = await services.tickets.create(user.id, { text: 'My site is down' });
    if (!ticket.ok) throw new Error(`ticket not created: ${ticket.reason}`);
  }
  await services.staff.upsert(users[3]!.telegramId, 'support', users[0]!.telegramId);
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** `count(*)` of every base table in the bot's schemas (public, drizzle), by `schema.table`. */
async function rowCounts(query: Query): Promise<Record<string, number>> {
  const tables = await query(
    `select table_schema as s, table_name as t from information_schema.tables
     where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { s, t } of tables) {
    const [row] = await query(`select count(*)::int as n from "${s}"."${t}"`);
    counts[`${s}.${t}`] = Number(row?.n);
  }
  return counts;
}

function expectSameCounts(source: Record<string, number>, restored: Record<string, number>): void {
  expect(Object.keys(source).filter((t) => t.startsWith('public.')).length).toBeGreaterThan(10);
  expect(restored).toEqual(source);
  for (const table of SEEDED) expect(source[table], table).toBeGreaterThan(0);
}

const temps: string[] = [];
function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `phx-backup-${label}-`));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('backupFileName', () => {
  it('is phoenix-YYYYMMDD-HHMMSS in UTC with the extension of the kind', () => {
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(backupFileName('postgres', at)).toBe('phoenix-20260102-030405.dump');
    expect(backupFileName('pglite', at)).toBe('phoenix-20260102-030405.tar.gz');
  });
});

const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!onPostgres() || !serverUrl)('backup and restore (PostgreSQL)', () => {
  const prefix = `${inject('pgRunPrefix')}_bk${process.pid}`;
  const source = `${prefix}_src`;
  const target = `${prefix}_dst`;
  let admin: pg.Client;
  const urlOf = (name: string) => {
    const u = new URL(serverUrl as string);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const queryOn =
    (url: string): Query =>
    async (sql) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    };

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${source}`);
    await admin.query(`create database ${target}`);
  });
  afterAll(async () => {
    await admin.query(`drop database if exists ${source} with (force)`);
    await admin.query(`drop database if exists ${target} with (force)`);
    await admin.end();
  });

  it('pg_dump of a seeded database restores into an empty one with the same row count in every table', async () => {
    const handle = await connectPostgres(urlOf(source), { max: 4 });
    try {
      await runMigrations(handle);
      await seed(handle);
    } finally {
      await handle.close();
    }
    const outDir = tempDir('pg');
    const result = await backupPostgres(urlOf(source), outDir);
    expect(result.kind).toBe('postgres');
    expect(path.basename(result.path)).toMatch(/^phoenix-\d{8}-\d{6}\.dump$/);
    expect(readdirSync(outDir)).toEqual([path.basename(result.path)]);

    const restored = await restorePostgres(urlOf(target), result.path);
    expect(restored.tables).toBeGreaterThan(10);
    expectSameCounts(await rowCounts(queryOn(urlOf(source))), await rowCounts(queryOn(urlOf(target))));

    // The restored database is a working one: the migrations find nothing left to do.
    const again = await connectPostgres(urlOf(target), { max: 2 });
    try {
      await runMigrations(again);
    } finally {
      await again.close();
    }

    // A database with tables is refused before pg_restore runs, and is left as it was.
    const before = await rowCounts(queryOn(urlOf(source)));
    await expect(restorePostgres(urlOf(source), result.path)).rejects.toThrow(
      /is not empty .*restore only into an empty database/,
    );
    expect(await rowCounts(queryOn(urlOf(source)))).toEqual(before);
  }, 120_000);

  it('says which file belongs to which database, and never prints the password', async () => {
    const dir = tempDir('pg-kind');
    const tarball = path.join(dir, 'x.tar.gz');
    writeFileSync(tarball, Buffer.from([0x1f, 0x8b, 8, 0, 0]));
    await expect(restorePostgres(urlOf(target), tarball)).rejects.toThrow(/embedded database \(PGlite\)/);

    const u = new URL(urlOf(source));
    u.username = 'nobody_here';
    u.password = 's3cret-pw';
    const error = await backupPostgres(u.toString(), dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(String((error as Error).message)).toMatch(/^pg_dump failed: /);
    expect(String((error as Error).message)).not.toContain('s3cret-pw');
    expect(readdirSync(dir)).toEqual(['x.tar.gz']);
  });
});

describe('backup and restore (embedded PGlite)', () => {
  let dataDir: string;
  let backupFile: string;

  beforeAll(async () => {
    dataDir = path.join(tempDir('pgl'), 'data');
    const handle = await openPglite(dataDir);
    try {
      await runMigrations(handle);
      await seed(handle);
    } finally {
      await handle.close();
    }
  });

  const countsIn = async (dir: string) => {
    const db = await PGlite.create(dir);
    try {
      return await rowCounts(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
    } finally {
      await db.close();
    }
  };

  it('the dump of a seeded data dir restores into a new dir with the same row count in every table', async () => {
    const outDir = tempDir('pgl-out');
    const result = await backupPglite(dataDir, outDir);
    expect(result.kind).toBe('pglite');
    expect(path.basename(result.path)).toMatch(/^phoenix-\d{8}-\d{6}\.tar\.gz$/);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    backupFile = result.path;

    const restoredDir = path.join(tempDir('pgl-restored'), 'data');
    const restored = await restorePglite(restoredDir, backupFile);
    expect(restored.tables).toBeGreaterThan(10);
    // Closed cleanly: the restored dir is not mistaken for one in use by the next backup.
    expect(existsSync(path.join(restoredDir, 'postmaster.pid'))).toBe(false);
    expectSameCounts(await countsIn(dataDir), await countsIn(restoredDir));
  }, 120_000);

  it('refuses a data dir in use, a non-empty target, and a dump of the other kind', async () => {
    const open = await openPglite(dataDir);
    try {
      await expect(backupPglite(dataDir, tempDir('pgl-locked'))).rejects.toThrow(
        /is in use .*stop the bot first/,
      );
    } finally {
      await open.close();
    }
    await expect(restorePglite(dataDir, backupFile)).rejects.toThrow(/is not empty .*empty or new directory/);

    const dir = tempDir('pgl-kind');
    const dump = path.join(dir, 'x.dump');
    writeFileSync(dump, 'PGDMP\u0001\u000e');
    const into = path.join(dir, 'new');
    await expect(restorePglite(into, dump)).rejects.toThrow(/is a PostgreSQL dump/);
    await expect(restorePglite(into, path.join(dir, 'missing.tar.gz'))).rejects.toThrow(/no such file/);
    expect(existsSync(into)).toBe(false);

    // A corrupt tarball leaves the empty target dir empty.
    const corrupt = path.join(dir, 'corrupt.tar.gz');
    writeFileSync(corrupt, Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]));
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    await expect(restorePglite(empty, corrupt)).rejects.toThrow(BackupError);
    expect(readdirSync(empty)).toEqual([]);
  }, 60_000);

  it('the CLI prints one line with the file written, and one error line with exit code 1', () => {
    const run = (args: string[], env: Record<string, string>) => {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
      delete childEnv.DATABASE_URL;
      delete childEnv.BOT_TOKEN;
      return spawnSync(process.execPath, ['--import', 'tsx', 'src/db/backup-cli.ts', ...args], {
        env: childEnv,
        encoding: 'utf8',
        timeout: 60_000,
      });
    };
    const outDir = tempDir('cli');
    const ok = run(['backup', '--out', outDir], { DATA_DIR: dataDir });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const [file] = readdirSync(outDir);
    expect(ok.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^backup written: .*${file?.replace(/\./g, '\\.')} \\(embedded database`),
      ),
    ]);

    const refused = run(['restore', path.join(outDir, file as string)], { DATA_DIR: dataDir });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: DATA_DIR .* is not empty/),
    ]);

    const usage = run(['restore'], { DATA_DIR: dataDir });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/^error: restore takes one backup file/);
  }, 120_000);
});
