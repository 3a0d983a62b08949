import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { categories, products } from '../../src/db/schema/index.js';
import { CatalogService, localizedTitle } from '../../src/services/catalog.js';
import { CategoryService, validateCategoryEmoji } from '../../src/services/categories.js';
import { createTestDatabase } from '../helpers/db.js';

/** Browsing (categories, a category's page) and search, straight against the database. */

let handle: DatabaseHandle;
let catalog: CatalogService;
let cats: CategoryService;
let design: number;
let web: number;
let hidden: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  catalog = new CatalogService(handle.db);
  cats = new CategoryService(handle.db);
  const [d, w, x] = await handle.db
    .insert(categories)
    .values([
      { title: 'Дизайн', titleEn: 'Design', emoji: '🎨', position: 2 },
      { title: 'Сайты', position: 1 },
      { title: 'Архив', position: 3, isActive: false },
    ])
    .returning();
  design = d!.id;
  web = w!.id;
  hidden = x!.id;
  await handle.db.insert(products).values([
    {
      title: 'Логотип',
      titleEn: 'Logo',
      description: 'Фирменный знак',
      descriptionEn: 'A brand mark',
      price: 15000,
      deadlineDays: 3,
      categoryId: design,
    },
    { title: 'Баннер', description: 'Для соцсетей', price: 5000, deadlineDays: 1, categoryId: design },
    {
      title: 'Лендинг',
      titleEn: 'Landing page',
      description: 'Одностраничный сайт',
      price: 45000,
      deadlineDays: 5,
      categoryId: web,
    },
    {
      title: 'Магазин',
      description: 'Интернет-магазин',
      price: 90000,
      deadlineDays: 30,
      categoryId: web,
      isActive: false,
    },
    { title: 'Старый сайт', description: 'Снят с продажи', price: 1, deadlineDays: 1, categoryId: hidden },
  ]);
});
afterAll(async () => handle?.close());

describe('browsing', () => {
  it('lists visible categories in position order with counts of services on sale', async () => {
    const view = await catalog.browse(0, 0, 5);
    // The migration's default category is empty here, the disabled one is hidden.
    expect(view.categories.map((c) => [c.title, c.count])).toEqual([
      ['Сайты', 1],
      ['Дизайн', 2],
    ]);
    expect(view.category).toBeUndefined();
    expect(view.items).toEqual([]);
  });

  it('a category page is paged and clamped; a disabled or unknown category says so', async () => {
    const first = await catalog.browse(design, 0, 1);
    expect(first.items.map((p) => p.title)).toEqual(['Логотип']);
    expect([first.page, first.pages, first.total]).toEqual([0, 2, 2]);
    const past = await catalog.browse(design, 7, 1);
    expect(past.items.map((p) => p.title)).toEqual(['Баннер']);
    expect(past.page).toBe(1);
    const off = await catalog.browse(hidden, 0, 5);
    expect([off.categoryDisabled, off.categoryMissing, off.items.length]).toEqual([true, false, 0]);
    const missing = await catalog.browse(999_999, 0, 5);
    expect([missing.categoryDisabled, missing.categoryMissing]).toEqual([false, true]);
  });

  it('a card of a service in a disabled category is unavailable, and byIdActive refuses it', async () => {
    const [old] = await handle.db.select().from(products).where(eq(products.title, 'Старый сайт'));
    expect(await catalog.card(old!.id)).toEqual({ status: 'unavailable' });
    expect(await catalog.byIdActive(old!.id)).toBeUndefined();
    expect(await catalog.card(2_000_000_000)).toEqual({ status: 'not_found' });
  });
});

describe('search', () => {
  const titles = async (q: string) => (await catalog.search(q, 50)).items.map((p) => p.title);

  it('finds a Russian word form through morphology ("лендинга" → "Лендинг") and a part of a word', async () => {
    expect(await titles('лендинга')).toEqual(['Лендинг']);
    expect(await titles('ЛЕНД')).toEqual(['Лендинг']);
    expect(await titles('фирменного знака')).toEqual(['Логотип']);
  });

  it('finds English texts, and never a disabled service or one in a disabled category', async () => {
    expect(await titles('landing pages')).toEqual(['Лендинг']);
    expect(await titles('brand')).toEqual(['Логотип']);
    expect(await titles('магазин')).toEqual([]);
    expect(await titles('старый')).toEqual([]);
  });

  it('an empty query lists every service on sale in catalog order; syntax characters are only separators', async () => {
    expect(await titles('')).toEqual(['Лендинг', 'Логотип', 'Баннер']);
    expect(await titles("лендинг' & !:*")).toEqual(['Лендинг']);
    expect((await catalog.search('', 2, 1)).items.map((p) => p.title)).toEqual(['Логотип', 'Баннер']);
  });

  it('localizedTitle falls back to Russian', () => {
    expect(localizedTitle({ title: 'Баннер', titleEn: null }, 'en')).toBe('Баннер');
    expect(localizedTitle({ title: 'Логотип', titleEn: 'Logo' }, 'en')).toBe('Logo');
    expect(localizedTitle({ title: 'Логотип', titleEn: 'Logo' }, 'ru')).toBe('Логотип');
  });
});

describe('categories', () => {
  it('moves a category up and down, refuses at the ends', async () => {
    const order = async () => (await cats.listWithCounts()).map((c) => c.title);
    expect(await order()).toEqual(['Все услуги', 'Сайты', 'Дизайн', 'Архив']);
    expect(await cats.move(design, 'up')).toBe(true);
    expect(await order()).toEqual(['Все услуги', 'Дизайн', 'Сайты', 'Архив']);
    expect(await cats.move(hidden, 'down')).toBe(false);
  });

  it('deleting a category with services needs a target and moves them all; the last one stays', async () => {
    expect(await cats.delete(web)).toEqual({ ok: false, reason: 'has_products' });
    expect(await cats.delete(web, web)).toEqual({ ok: false, reason: 'target_not_found' });
    expect(await cats.delete(web, design)).toEqual({ ok: true, moved: 2 });
    expect((await catalog.browse(design, 0, 10)).items.map((p) => p.title)).toEqual([
      'Логотип',
      'Баннер',
      'Лендинг',
    ]);
    const created = await cats.create({ title: 'дизайн' });
    expect(created).toMatchObject({ ok: false, error: 'title_taken' });
  });
});

describe('category fields', () => {
  it('an emoji is a pictograph or a flag of a few code points, never letters or markup', () => {
    for (const ok of ['🎨', '🇬🇧', '👩‍💻', '❤️'])
      expect(validateCategoryEmoji(ok), ok).toEqual({ ok: true, value: ok });
    for (const bad of ['', 'a', '1', '🎨 a', '<b>', '🎨🎨🎨🎨🎨🎨🎨🎨🎨']) {
      expect(validateCategoryEmoji(bad), bad).toEqual({ ok: false, error: 'emoji_invalid' });
    }
  });

  it('an English title is optional and its limit is the Russian one', async () => {
    const created = await cats.create({ title: 'Боты', titleEn: 'B'.repeat(51) });
    expect(created).toMatchObject({ ok: false, field: 'titleEn', error: 'title_too_long' });
    const ok = await cats.create({ title: 'Боты', titleEn: '  Bots  ' });
    expect(ok).toMatchObject({ ok: true, category: { titleEn: 'Bots' } });
  });
});
