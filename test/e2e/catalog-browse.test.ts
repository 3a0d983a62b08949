import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, orders, products } from '../../src/db/schema/index.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { onPostgres } from '../helpers/db.js';
import { buttonsOf, type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';

/** Issue L: categories → a category's overview list → card, search, deep links, texts per language. */

let h: Harness;
let sites: number;
let design: number;
let landing: number;

beforeAll(async () => {
  h = await startHarness();
  // As the check does it: categories and services inserted by SQL.
  const [s, d] = await h.db
    .insert(categories)
    .values([
      { title: 'Сайты', titleEn: 'Websites', emoji: '🌐', position: 1 },
      { title: 'Дизайн', position: 2 },
    ])
    .returning();
  sites = s!.id;
  design = d!.id;
  const rows = await h.db
    .insert(products)
    .values([
      {
        title: 'Лендинг',
        titleEn: 'Landing page',
        description: 'Одностраничный сайт',
        descriptionEn: 'A one-page website',
        price: 45000,
        deadlineDays: 5,
        categoryId: sites,
      },
      { title: 'Логотип', description: 'Фирменный знак', price: 15000, deadlineDays: 3, categoryId: design },
      // Nine more websites, so the category has two pages of eight.
      ...Array.from({ length: 9 }, (_, i) => ({
        title: `Сайт №${i + 2}`,
        description: 'Многостраничный сайт',
        price: 60000 + i,
        deadlineDays: 10 + i,
        categoryId: sites,
      })),
    ])
    .returning();
  landing = rows[0]!.id;
});
afterAll(async () => h?.close());

const isLive = (m: StoredMessage) => !m.deleted;

async function openCatalog(user: TestUser): Promise<StoredMessage> {
  user.send('/catalog');
  return user.reply(/Каталог услуг|Our services/);
}

/** Presses `button` and waits for the same message (or its replacement) to show `expected`. */
async function pressAndSee(
  user: TestUser,
  message: StoredMessage,
  button: string | RegExp,
  expected: string | RegExp,
) {
  await user.press(message, button);
  const match = (m: StoredMessage) =>
    isLive(m) && (typeof expected === 'string' ? textOf(m).includes(expected) : expected.test(textOf(m)));
  return user.waitFor((m) => m.message_id >= message.message_id && match(m));
}

describe('browsing categories', () => {
  it('/catalog shows both categories with their counts; each lists its services with prices and deadlines', async () => {
    const user = await h.startedUser();
    const home = await openCatalog(user);
    // The migration's default category is empty, so customers do not see it.
    expect(buttonsOf(home).map((b) => b.text)).toEqual(['🌐 Сайты · 10', 'Дизайн · 1', '🔍 Поиск']);

    const list = await pressAndSee(user, home, '🌐 Сайты · 10', '1. Лендинг · 45');
    expect(list.message_id).toBe(home.message_id);
    expect(textOf(list)).toMatch(/Сайты · 10 услуг/);
    expect(textOf(list)).toMatch(/1\. Лендинг · 45\s000\s₽ · 5 дней/);
    expect(textOf(list)).toContain('8. Сайт №8');
    expect(textOf(list)).not.toContain('Сайт №9');
    expect(buttonsOf(list).map((b) => b.text)).toEqual([
      '1. Лендинг',
      ...Array.from({ length: 7 }, (_, i) => `${i + 2}. Сайт №${i + 2}`),
      '◀',
      '1/2',
      '▶',
      '◀ Все разделы',
      '🔍 Поиск',
    ]);

    const second = await pressAndSee(user, list, '▶', '9. Сайт №9');
    expect(second.message_id).toBe(home.message_id);
    expect(textOf(second)).toContain('10. Сайт №10');

    const card = await pressAndSee(user, second, '10. Сайт №10', 'Многостраничный сайт');
    expect(textOf(card)).toMatch(/Цена: 60\s008\s₽/);
    expect(buttonsOf(card).map((b) => b.text)).toEqual(['🛒 Заказать', '◀ К списку услуг']);
    // Back returns to the same page of the same list.
    const back = await pressAndSee(user, card, '◀ К списку услуг', '9. Сайт №9');
    const categoriesAgain = await pressAndSee(user, back, '◀ Все разделы', 'Выберите раздел');
    await pressAndSee(user, categoriesAgain, 'Дизайн · 1', '1. Логотип · 15');
    // Every step was drawn in place: one live catalog message.
    const catalogScreens = user
      .botMessages()
      .filter((m) => isLive(m) && buttonsOf(m).some((b) => b.data?.startsWith('cat:')));
    expect(catalogScreens).toHaveLength(1);
  });

  it('Order works from a card opened from a category list', async () => {
    const user = await h.startedUser();
    const home = await openCatalog(user);
    const list = await pressAndSee(user, home, 'Дизайн · 1', '1. Логотип');
    const card = await pressAndSee(user, list, '1. Логотип', 'Фирменный знак');
    await user.press(card, '🛒 Заказать');
    expect(textOf(await user.reply('Укажите email'))).toContain('Логотип');
  });

  it('an English-speaking customer sees English titles where set, Russian otherwise', async () => {
    const eve = await h.startedUser({ languageCode: 'en' });
    const home = await openCatalog(eve);
    expect(buttonsOf(home).map((b) => b.text)).toEqual(['🌐 Websites · 10', 'Дизайн · 1', '🔍 Search']);
    const list = await pressAndSee(eve, home, '🌐 Websites · 10', 'Landing page');
    expect(textOf(list)).toMatch(/1\. Landing page · ₽45,000 · 5 days/);
    expect(textOf(list)).toContain('2. Сайт №2');
    const card = await pressAndSee(eve, list, '1. Landing page', 'A one-page website');
    expect(textOf(card)).toContain('Lead time: 5 days');
    await eve.press(card, '🛒 Order');
    expect(textOf(await eve.reply('email'))).toContain('Landing page');
  });
});

describe('deep links', () => {
  it('c_<id> opens a category, p_<id> a card from which Order works', async () => {
    const user = await h.startedUser();
    user.send(`/start c_${design}`);
    expect(textOf(await user.reply())).toContain('1. Логотип');
    user.send(`/start p_${landing}`);
    const card = await user.reply('Одностраничный сайт');
    expect(buttonsOf(card).map((b) => b.text)).toEqual(['🛒 Заказать', '📋 Весь каталог']);
    await user.press(card, '🛒 Заказать');
    await user.reply('Укажите email');
    user.send(`/start c_999999`);
    // The checkout put aside first says so, then the link is answered.
    await user.reply('Такого раздела нет');
  });
});

describe('/search', () => {
  it(`finds a Russian word form${onPostgres() ? ' (PostgreSQL morphology)' : ''} and English words, as the overview list`, async () => {
    const user = await h.startedUser();
    user.send('/search лендинга');
    const found = await user.reply('Лендинг');
    expect(textOf(found)).toMatch(/«лендинга» · нашлась 1 услуга/);
    const card = await pressAndSee(user, found, '1. Лендинг', 'Одностраничный сайт');
    expect(buttonsOf(card).map((b) => b.text)).toEqual(['🛒 Заказать', '📋 Весь каталог']);

    const eve = await h.startedUser({ languageCode: 'en' });
    eve.send('/search one-page website');
    expect(textOf(await eve.reply('found'))).toContain('1. Landing page');
  });

  it('nothing found offers the categories; 🔍 asks for the words', async () => {
    const user = await h.startedUser();
    user.send('/search бухгалтерия');
    const none = await user.reply('ничего не нашлось');
    expect(buttonsOf(none).map((b) => b.text)).toEqual(['🗂 Разделы каталога', '🔍 Поиск']);
    await user.press(none, '🔍 Поиск');
    await user.reply('Что ищете?');
    user.send('логот');
    expect(textOf(await user.reply('нашлась'))).toContain('1. Логотип');
    // The question was answered: a later text is not a search.
    user.send('спасибо');
    expect(textOf(await user.reply())).not.toContain('нашл');
  });
});

describe('a disabled category', () => {
  it('hides its services from the list, search and deep links, and its cards can no longer be ordered', async () => {
    const user = await h.startedUser();
    user.send(`/start p_${landing}`);
    const oldCard = await user.reply('Одностраничный сайт');

    await h.db.update(categories).set({ isActive: false }).where(eq(categories.id, sites));
    try {
      // One category left: /catalog goes straight to its list.
      user.send('/catalog');
      const list = await user.reply('Логотип');
      expect(textOf(list)).not.toContain('Лендинг');
      expect(buttonsOf(list).map((b) => b.text)).not.toContain('◀ Все разделы');

      user.send('/search лендинг');
      await user.reply('ничего не нашлось');
      user.send(`/start p_${landing}`);
      expect(textOf(await user.reply())).toContain('недоступна');
      user.send(`/start c_${sites}`);
      expect(textOf(await user.reply())).toContain('Этот раздел сейчас недоступен');

      const before = (await h.db.select().from(orders)).length;
      await user.press(oldCard, '🛒 Заказать');
      await expect
        .poll(() => String(h.emu.callsTo('answerCallbackQuery').at(-1)?.params.text))
        .toContain('недоступна');
      expect((await h.db.select().from(orders)).length).toBe(before);
    } finally {
      await h.db.update(categories).set({ isActive: true }).where(eq(categories.id, sites));
    }
  });
});
