import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, products } from '../../src/db/schema/index.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';
import { openAdminSection, startWithOwner } from './admin-flow.js';

/** Issue L through the admin panel: categories CRUD, and the product wizard's category step. */

let h: Harness;
let owner: TestUser;
let customer: TestUser;

beforeAll(async () => {
  ({ h, owner } = await startWithOwner());
  customer = await h.startedUser({ firstName: 'Клиент' });
  await h.db.insert(products).values([
    { title: 'Логотип', description: 'Фирменный знак', price: 15000, deadlineDays: 3 },
    { title: 'Баннер', description: 'Для соцсетей', price: 5000, deadlineDays: 1 },
  ]);
});
afterAll(async () => h?.close());

const openCategories = () => openAdminSection(owner, '🗂 Разделы', 'Разделы каталога');

async function answer(text: string): Promise<StoredMessage> {
  owner.send(text);
  return owner.reply();
}

async function categoryByTitle(title: string) {
  const [row] = await h.db.select().from(categories).where(eq(categories.title, title));
  return row;
}

/** The owner's screen `message` once edited in place to contain `text`. */
const edited = (message: StoredMessage, text: string) =>
  owner.waitFor((m) => m.message_id === message.message_id && textOf(m).includes(text));

describe('categories in the admin panel', () => {
  it('lists the default category holding the existing services, and creates one (title, English title, emoji)', async () => {
    const list = await openCategories();
    expect(buttonsOf(list).map((b) => b.text)).toEqual(['Все услуги · 2', '➕ Новый раздел', '◀ Назад']);
    await owner.press(list, '➕ Новый раздел');
    await owner.reply('Введите название раздела по-русски');
    const refused = await answer('все УСЛУГИ');
    expect(textOf(refused)).toContain('Раздел с таким названием уже есть.');
    expect(textOf(await answer('Дизайн'))).toContain('по-английски');
    expect(textOf(await answer('Design'))).toContain('эмодзи');
    expect(textOf(await answer('abc'))).toContain('Это не похоже на эмодзи');
    const preview = await answer('🎨');
    expect(textOf(preview)).toContain('Название: Дизайн');
    expect(textOf(preview)).toContain('По-английски: Design');
    await owner.press(preview, '💾 Сохранить');
    await owner.reply('Раздел «Дизайн» создан');
    expect(await categoryByTitle('Дизайн')).toMatchObject({ titleEn: 'Design', emoji: '🎨', isActive: true });

    // Skipping the optional steps.
    const again = await openCategories();
    await owner.press(again, '➕ Новый раздел');
    await owner.reply('Введите название');
    const askEn = await answer('Сайты');
    await owner.press(askEn, 'Пропустить');
    const askEmoji = await owner.reply('эмодзи');
    await owner.press(askEmoji, 'Без эмодзи');
    await owner.press(await owner.reply('Новый раздел'), '💾 Сохранить');
    await owner.reply('Раздел «Сайты» создан');
    expect(await categoryByTitle('Сайты')).toMatchObject({ titleEn: null, emoji: null });
  });

  it('a new product goes into the category picked in the wizard; an existing one moves from its screen', async () => {
    const list = await openAdminSection(owner, '🛍 Услуги', 'Услуг');
    await owner.press(list, '➕ Новая услуга');
    await owner.reply('Введите название услуги');
    await answer('Лендинг');
    const askEn = await answer('Одностраничный сайт');
    await owner.press(askEn, 'Только по-русски');
    const askPhoto = await owner.reply('Пришлите фото');
    await owner.press(askPhoto, 'Без фото');
    await owner.reply('Введите цену');
    await answer('45000');
    const askCategory = await answer('5');
    expect(textOf(askCategory)).toContain('Выберите раздел каталога');
    expect(textOf(await answer('Сайты'))).toContain('кнопками');
    await owner.press(askCategory, 'Сайты');
    const preview = await owner.reply((m) => textOf(m).includes('Одностраничный сайт'));
    await owner.press(preview, '💾 Сохранить');
    await owner.reply('создан');
    const sites = (await categoryByTitle('Сайты'))!;
    const [landing] = await h.db.select().from(products).where(eq(products.title, 'Лендинг'));
    expect(landing).toMatchObject({ categoryId: sites.id, titleEn: null, descriptionEn: null });

    // Moving "Логотип" into Дизайн from its screen.
    const products2 = await openAdminSection(owner, '🛍 Услуги', 'Услуг');
    await owner.press(products2, 'Логотип');
    const view = await edited(products2, 'Услуга #');
    expect(textOf(view)).toContain('Раздел: Все услуги');
    await owner.press(view, '🗂 Раздел');
    const pick = await owner.reply('Выберите раздел каталога');
    await owner.press(pick, '🎨 Дизайн');
    await edited(view, 'Раздел: Дизайн');
    const design = (await categoryByTitle('Дизайн'))!;
    const [logo] = await h.db.select().from(products).where(eq(products.title, 'Логотип'));
    expect(logo?.categoryId).toBe(design.id);

    // The customer now sees three categories in the admin's order.
    customer.send('/catalog');
    const home = await customer.reply('Каталог услуг');
    expect(buttonsOf(home).map((b) => b.text)).toEqual([
      'Все услуги · 1',
      '🎨 Дизайн · 1',
      'Сайты · 1',
      '🔍 Поиск',
    ]);
  });

  it('renames, reorders, disables and enables a category', async () => {
    const list = await openCategories();
    await owner.press(list, 'Сайты · 1');
    const view = await edited(list, 'Раздел #');
    await owner.press(view, '✏️ Название');
    await owner.reply('Введите название раздела');
    owner.send('Веб-сайты');
    await owner.reply('Раздел обновлён');
    const renamed = await edited(view, 'Веб-сайты');
    await owner.press(renamed, '🇬🇧 По-английски');
    await owner.reply('по-английски');
    owner.send('Websites');
    await owner.reply('Раздел обновлён');
    const withEn = await edited(view, 'По-английски: Websites');

    await owner.press(withEn, '⬆️ Выше');
    await owner.press(withEn, '⬆️ Выше');
    await expect
      .poll(async () =>
        (await h.db.select().from(categories).orderBy(asc(categories.position))).map((c) => c.title),
      )
      .toEqual(['Веб-сайты', 'Все услуги', 'Дизайн']);
    const atTop = await owner.press(withEn, '⬆️ Выше');
    expect(atTop?.text).toBe('Раздел уже с краю списка');

    await owner.press(withEn, '🚫 Отключить');
    const off = await edited(view, 'отключён');
    customer.send('/catalog');
    const home = await customer.reply('Каталог услуг');
    expect(buttonsOf(home).map((b) => b.text)).toEqual(['Все услуги · 1', '🎨 Дизайн · 1', '🔍 Поиск']);
    await owner.press(off, '✅ Включить');
    await edited(view, 'виден клиентам');
    const en = await h.startedUser({ languageCode: 'en' });
    en.send('/catalog');
    const enHome = await en.reply('Our services');
    expect(buttonsOf(enHome).map((b) => b.text)[0]).toBe('Websites · 1');
  });

  it('deleting a category with services asks where they go and moves them; an empty one is deleted after a confirmation', async () => {
    const list = await openCategories();
    await owner.press(list, 'Веб-сайты · 1');
    const view = await edited(list, 'Раздел #');
    await owner.press(view, '🗑 Удалить');
    const ask = await edited(view, 'Куда их перенести');
    expect(buttonsOf(ask).map((b) => b.text)).toEqual(['→ Все услуги', '→ 🎨 Дизайн', '✖ Отмена']);
    const deleted = await owner.press(ask, '→ 🎨 Дизайн');
    expect(deleted?.text).toBe('Раздел удалён, услуги перенесены в «Дизайн».');
    const design = (await categoryByTitle('Дизайн'))!;
    expect(await categoryByTitle('Веб-сайты')).toBeUndefined();
    const [landing] = await h.db.select().from(products).where(eq(products.title, 'Лендинг'));
    expect(landing?.categoryId).toBe(design.id);

    // An empty category: a plain confirmation.
    const created = await h.deps.services.categories.create({ title: 'Пустой' });
    if (!created.ok) throw new Error('not created');
    const again = await openCategories();
    await owner.press(again, 'Пустой · 0');
    const emptyView = await edited(again, 'Раздел #');
    await owner.press(emptyView, '🗑 Удалить');
    const confirm = await edited(emptyView, 'В нём нет услуг');
    await owner.press(confirm, '🗑 Да, удалить');
    await edited(confirm, 'Разделы каталога');
    expect(await categoryByTitle('Пустой')).toBeUndefined();
  });

  it('a support agent cannot use the categories buttons (the role is checked on the server)', async () => {
    const agent = await h.startedUser();
    await h.makeStaff(agent, 'support');
    const design = (await categoryByTitle('Дизайн'))!;
    const message = agent.botMessages().at(-1)!;
    const answered = await agent.forge(message.message_id, `adk:on:${design.id}:0`);
    expect(answered?.text ?? '').not.toBe('');
    expect((await categoryByTitle('Дизайн'))?.isActive).toBe(true);
    await agent.forge(message.message_id, `adk:dely:${design.id}:0`);
    expect(await categoryByTitle('Дизайн')).toBeDefined();
  });
});
