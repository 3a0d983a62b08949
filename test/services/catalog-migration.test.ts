import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type DatabaseHandle, openPglite } from '../../src/db/client.js';
import { migrationsFolder, runMigrations } from '../../src/db/migrate.js';
import { CatalogService } from '../../src/services/catalog.js';

/**
 * The categories migration on a database that already has services and an order: the migrations up
 * to 0005 are applied from a copy of the folder (its journal cut there), rows are written the old way,
 * then the real folder brings the database up to date.
 */

const CATEGORIES_MIGRATION = '0009_catalog_categories';

let handle: DatabaseHandle;
let folder: string;
let dropDatabase: (() => Promise<void>) | undefined;

async function freshDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite('memory://');
  const name = `cat_migration_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await connectPostgres(u.toString(), { max: 2 });
  dropDatabase = async () => {
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
  return db;
}

async function migrateFrom(dir: string): Promise<void> {
  if (handle.kind === 'postgres')
    await migratePg(handle.db as Parameters<typeof migratePg>[0], { migrationsFolder: dir });
  else await migratePglite(handle.db as Parameters<typeof migratePglite>[0], { migrationsFolder: dir });
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'phoenix-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === CATEGORIES_MIGRATION);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  handle = await freshDatabase();
  await migrateFrom(folder);
});
afterAll(async () => {
  await handle?.close();
  await dropDatabase?.();
  rmSync(folder, { recursive: true, force: true });
});

describe(`migration ${CATEGORIES_MIGRATION}`, () => {
  it('moves every existing service into one default category and keeps them and their orders intact', async () => {
    // One statement per call: PGlite's extended protocol takes one at a time.
    await handle.db.execute(sql`insert into users (telegram_id, first_name) values (42, 'Анна')`);
    await handle.db.execute(sql`insert into products (title, description, price, deadline_days, is_active) values
        ('Лендинг', 'Одностраничный сайт', 45000, 5, true), ('Логотип', 'Фирменный знак', 15000, 3, false)`);
    await handle.db.execute(sql`
      insert into orders (product_id, user_id, product_title, price, deadline_days, final_price, email, checkout_key)
      select p.id, u.id, p.title, p.price, p.deadline_days, p.price, 'a@example.com', 'k1'
      from products p, users u where p.title = 'Лендинг'`);

    await runMigrations(handle);

    const rows = async (query: ReturnType<typeof sql>) => {
      const result = await handle.db.execute(query);
      return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
        string,
        unknown
      >[];
    };
    const cats = await rows(sql`select id, title, title_en, is_active from categories`);
    expect(cats).toEqual([
      { id: expect.any(Number), title: 'Все услуги', title_en: 'All services', is_active: true },
    ]);
    const moved = await rows(sql`select title, is_active, category_id, title_en from products order by id`);
    expect(moved).toEqual([
      { title: 'Лендинг', is_active: true, category_id: cats[0]!.id, title_en: null },
      { title: 'Логотип', is_active: false, category_id: cats[0]!.id, title_en: null },
    ]);
    const orders = await rows(sql`select product_title, product_title_en from orders`);
    expect(orders).toEqual([{ product_title: 'Лендинг', product_title_en: null }]);

    // The moved service is on sale and found as before.
    const catalog = new CatalogService(handle.db);
    expect((await catalog.browse(0, 0, 8)).items.map((p) => p.title)).toEqual(['Лендинг']);
    expect((await catalog.search('лендинга', 10)).items.map((p) => p.title)).toEqual(['Лендинг']);
  });

  it('a service inserted without a category still lands in one (the first by position)', async () => {
    await handle.db.execute(sql`insert into categories (title, position) values ('Первый', -1)`);
    await handle.db.execute(
      sql`insert into products (title, description, price, deadline_days) values ('Баннер', 'Для соцсетей', 5000, 1)`,
    );
    const catalog = new CatalogService(handle.db);
    const view = await catalog.browse(0, 0, 8);
    expect(view.categories.map((c) => [c.title, c.count])).toEqual([
      ['Первый', 1],
      ['Все услуги', 1],
    ]);
  });
});
