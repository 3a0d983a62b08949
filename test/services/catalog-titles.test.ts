import { readFileSync } from 'node:fs';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { products } from '../../src/db/schema/index.js';
import { CatalogService } from '../../src/services/catalog.js';
import { createTestDatabase } from '../helpers/db.js';

/** Product titles are unique whatever the letter case: the check, the index and the migration. */

let handle: DatabaseHandle;
let catalog: CatalogService;

beforeAll(async () => {
  handle = await createTestDatabase();
  catalog = new CatalogService(handle.db);
});
afterAll(async () => handle?.close());

const input = (title: string) => ({ title, description: 'Одна страница', price: 5000, deadlineDays: 3 });

describe('case-insensitive product titles', () => {
  it('titleTaken matches any letter case and ignores the product being edited', async () => {
    const created = await catalog.create(input('Лендинг Феникс'));
    if (!created.ok) throw new Error('not created');
    expect(await catalog.titleTaken('лендинг феникс')).toBe(true);
    expect(await catalog.titleTaken('  ЛЕНДИНГ ФЕНИКС ')).toBe(true);
    expect(await catalog.titleTaken('Лендинг Феникс 2')).toBe(false);
    expect(await catalog.titleTaken('лендинг феникс', created.product.id)).toBe(false);
  });

  it('create and update refuse a title that differs only in case (the index decides)', async () => {
    expect(await catalog.create(input('ЛЕНДИНГ феникс'))).toEqual({
      ok: false,
      reason: 'invalid',
      field: 'title',
      error: 'title_taken',
    });
    const other = await catalog.create(input('Магазин'));
    if (!other.ok) throw new Error('not created');
    expect(await catalog.update(other.product.id, { title: 'лендинг ФЕНИКС' })).toMatchObject({
      ok: false,
      error: 'title_taken',
    });
    // A product may change the case of its own title.
    expect(await catalog.update(other.product.id, { title: 'МАГАЗИН' })).toMatchObject({ ok: true });
  });

  it('the migration renames existing duplicates (keeping the oldest title) before creating the index', async () => {
    await handle.db.execute(sql`truncate products restart identity cascade`);
    await handle.db.execute(sql`drop index products_title_lower_uq`);
    const long = `${'Я'.repeat(49)}x`;
    await handle.db.insert(products).values(
      ['Сайт', 'САЙТ', 'сайт', long, long.toUpperCase(), 'Другой'].map((title) => ({
        title,
        description: 'd',
        price: 1,
        deadlineDays: 1,
      })),
    );
    const file = readFileSync(
      new URL('../../drizzle/0005_staff_copies_title_case.sql', import.meta.url),
      'utf8',
    );
    const statements = file
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => /UPDATE "products"|CREATE UNIQUE INDEX "products_title_lower_uq"/.test(s));
    expect(statements).toHaveLength(2);
    for (const statement of statements) await handle.db.execute(sql.raw(statement));
    const titles = (await handle.db.select().from(products).orderBy(asc(products.id))).map((p) => p.title);
    expect(titles).toEqual([
      'Сайт',
      'САЙТ (#2)',
      'сайт (#3)',
      long,
      `${long.toUpperCase().slice(0, 50 - ' (#5)'.length)} (#5)`,
      'Другой',
    ]);
    expect(await catalog.create(input('сАйТ'))).toMatchObject({ ok: false, error: 'title_taken' });
  });
});
