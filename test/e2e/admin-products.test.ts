import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, products } from '../../src/db/schema/index.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';
import { openAdminSection, startWithOwner } from './admin-flow.js';

let h: Harness;
let owner: TestUser;
let customer: TestUser;

beforeAll(async () => {
  ({ h, owner } = await startWithOwner());
  customer = await h.startedUser({ firstName: 'Покупатель' });
});
afterAll(async () => h?.close());

const photoId = (m: StoredMessage) => m.photo?.at(-1)?.file_unique_id;

/** The owner's live admin screen of the product titled `title`. */
const screenOf = (title: string) =>
  owner.botMessages().findLast((m) => textOf(m).startsWith('Услуга #') && textOf(m).includes(title));

function openProducts(): Promise<StoredMessage> {
  return openAdminSection(owner, '🛍 Услуги', 'Услуг');
}

/** Sends `text` and returns the bot's next answer. */
async function answer(text: string): Promise<StoredMessage> {
  owner.send(text);
  return owner.reply();
}

async function productByTitle(title: string) {
  const [row] = await h.db.select().from(products).where(eq(products.title, title));
  return row;
}

/** The customer orders the product shown on `card` through B's checkout (optionally with a promo code). */
async function order(buyer: TestUser, card: StoredMessage, email: string, promo?: string) {
  await buyer.press(card, '🛒 Заказать');
  await buyer.reply('Укажите email');
  buyer.send(email);
  const askPromo = await buyer.reply('промокод');
  if (promo === undefined) await buyer.press(askPromo, 'Без промокода');
  else buyer.send(promo);
  const summary = await buyer.reply(/Проверьте заказ|Промокод/);
  return summary;
}

describe('creating a product through the wizard', () => {
  it('refuses wrong values with a reason, keeps the others, previews the card and shows it in /catalog as previewed', async () => {
    const list = await openProducts();
    await owner.press(list, '➕ Новая услуга');
    expect(textOf(await owner.reply())).toContain('Введите название услуги');

    const refusedTitle = await answer('Я'.repeat(51));
    expect(textOf(refusedTitle)).toContain('Название слишком длинное: можно не больше 50 символов.');
    expect(textOf(refusedTitle)).toContain('Введите название услуги');

    expect(textOf(await answer('Лендинг <Феникс> & Co'))).toContain('Введите описание');
    const askEnglish = await answer('Одностраничный сайт под ключ');
    expect(textOf(askEnglish)).toContain('Введите название услуги по-английски');
    expect(buttonsOf(askEnglish).map((b) => b.text)).toEqual(['Только по-русски', '✖ Отмена']);
    expect(textOf(await answer('Landing <Phoenix> & Co'))).toContain('Введите описание по-английски');
    expect(textOf(await answer('A turnkey one-page website'))).toContain('Пришлите фото');

    expect(textOf(await answer('не фото'))).toContain('Это не фото');
    const photo = owner.sendPhoto();
    expect(textOf(await owner.reply())).toContain('Введите цену');

    for (const bad of ['abc', '-5']) {
      const refused = await answer(bad);
      expect(textOf(refused), bad).toContain('Не получилось прочитать цену');
      expect(textOf(refused), bad).toContain('Введите цену');
    }
    expect(textOf(await answer('15000'))).toContain('Введите срок');

    const refusedDeadline = await answer('0');
    expect(textOf(refusedDeadline)).toContain('Не получилось прочитать срок');
    owner.send('7');
    expect(textOf(await owner.reply())).toContain('Так услугу увидят клиенты');
    const preview = await owner.reply((m) => m.photo !== undefined);
    expect(photoId(preview)).toBe(photo.photo?.at(-1)?.file_unique_id);
    expect(textOf(preview)).toContain('Лендинг <Феникс> & Co');
    expect(textOf(preview)).toContain('Одностраничный сайт под ключ');
    expect(textOf(preview)).toContain('15\u00a0000\u00a0₽');
    expect(await productByTitle('Лендинг <Феникс> & Co')).toBeUndefined();

    await owner.press(preview, '💾 Сохранить');
    const created = await owner.reply('создан');
    expect(textOf(created)).toContain('Лендинг <Феникс> & Co');
    // The product screen replaces the photo preview and "created" follows it, as without a photo.
    expect(screenOf('Лендинг <Феникс> & Co')?.message_id).toBeLessThan(created.message_id);
    const saved = await productByTitle('Лендинг <Феникс> & Co');
    expect(saved).toMatchObject({
      description: 'Одностраничный сайт под ключ',
      price: 15000,
      deadlineDays: 7,
    });
    expect(saved?.image).toBe(photo.photo_file_id);
    expect(saved).toMatchObject({
      titleEn: 'Landing <Phoenix> & Co',
      descriptionEn: 'A turnkey one-page website',
    });
    // One category: the wizard did not ask for it.
    expect(owner.botMessages().some((m) => textOf(m).includes('Выберите раздел каталога'))).toBe(false);

    customer.send('/catalog');
    const services = await customer.reply('Лендинг <Феникс> & Co');
    await customer.press(services, /Лендинг <Феникс> & Co/);
    const card = await customer.reply((m) => m.photo !== undefined);
    expect(textOf(card)).toBe(textOf(preview));
    expect(card.html).toBe(preview.html);
    expect(photoId(card)).toBe(photoId(preview));
  });

  it('refuses a taken title (in any letter case) at the title step, and one taken meanwhile at save', async () => {
    const list = await openProducts();
    await owner.press(list, '➕ Новая услуга');
    await owner.reply('Введите название');
    const refusedAtStep = await answer('ЛЕНДИНГ <феникс> & CO');
    expect(textOf(refusedAtStep)).toContain('Услуга с таким названием уже есть.');
    expect(textOf(refusedAtStep)).toContain('Введите название услуги');

    await answer('Лендинг Lite');
    const askEnglish = await answer('Другое описание');
    await owner.press(askEnglish, 'Только по-русски');
    const askPhoto = await owner.reply('Пришлите фото');
    await owner.press(askPhoto, 'Без фото');
    await owner.reply('Введите цену');
    await answer('900');
    owner.send('3');
    const preview = await owner.reply((m) => textOf(m).includes('Другое описание'));
    // Another admin saves the same title, in other letters, while this one looks at the preview.
    const rival = await h.deps.services.catalog.create({
      title: 'ЛЕНДИНГ LITE',
      description: 'Чужой',
      price: 1,
      deadlineDays: 1,
    });
    if (!rival.ok) throw new Error('rival not created');
    await owner.press(preview, '💾 Сохранить');
    const refused = await owner.reply('Услуга с таким названием уже есть.');
    expect(textOf(refused)).toContain('Введите название услуги');
    await h.deps.services.catalog.delete(rival.product.id);

    owner.send('Лендинг Lite');
    await owner.reply('Так услугу увидят клиенты');
    const second = await owner.reply((m) => textOf(m).includes('Лендинг Lite'));
    expect(second.photo).toBeUndefined();
    expect(textOf(second)).toContain('Другое описание');
    expect(textOf(second)).toContain('900\u00a0₽');
    await owner.press(second, '💾 Сохранить');
    const created = await owner.reply('создан');
    expect(screenOf('Лендинг Lite')?.message_id).toBeLessThan(created.message_id);
    expect(await productByTitle('Лендинг Lite')).toMatchObject({ price: 900, deadlineDays: 3, image: null });
  });
});

describe('managing a product', () => {
  it('edits one field (updated_on changes), disables and enables it, and lists disabled products marked', async () => {
    const before = (await productByTitle('Лендинг Lite'))!;
    const list = await openProducts();
    await owner.press(list, 'Лендинг Lite');
    const view = await owner.waitFor(
      (m) => m.message_id === list.message_id && textOf(m).includes('Лендинг Lite'),
    );
    await owner.press(view, '💰 Цена');
    await owner.reply('Введите цену');
    expect(textOf(await answer('дорого'))).toContain('Не получилось прочитать цену');
    owner.send('1200');
    await owner.reply('Услуга обновлена');
    // The product screen the edit was opened from is updated; no second product screen is sent.
    const edited = await owner.waitFor(
      (m) => m.message_id === view.message_id && textOf(m).includes('Цена: 1\u00a0200\u00a0₽'),
    );
    expect(
      owner.botMessages().filter((m) => m.message_id >= view.message_id && textOf(m).startsWith('Услуга #')),
    ).toHaveLength(1);
    const after = (await productByTitle('Лендинг Lite'))!;
    expect(after.price).toBe(1200);
    expect(after.title).toBe(before.title);
    expect(after.updatedOn.getTime()).toBeGreaterThan(before.updatedOn.getTime());

    await owner.press(edited, '✏️ Название');
    await owner.reply('Введите название');
    expect(textOf(await answer('лендинг <феникс> & co'))).toContain('Услуга с таким названием уже есть.');
    owner.send('Лендинг Pro');
    await owner.reply('Услуга обновлена');
    const renamed = await owner.waitFor(
      (m) => m.message_id === view.message_id && textOf(m).includes('Лендинг Pro'),
    );

    await owner.press(renamed, '🚫 Отключить');
    const disabled = await owner.waitFor(
      (m) => m.message_id === renamed.message_id && textOf(m).includes('отключена'),
    );
    expect((await productByTitle('Лендинг Pro'))?.isActive).toBe(false);
    customer.send('/catalog');
    const catalog = await customer.reply();
    expect(textOf(catalog)).not.toContain('Лендинг Pro');
    customer.send(`/start p_${after.id}`);
    expect(textOf(await customer.reply())).toContain('недоступна');

    await owner.press(disabled, '◀ Назад');
    const marked = await owner.waitFor(
      (m) => m.message_id === disabled.message_id && textOf(m).includes('Услуги'),
    );
    expect(buttonsOf(marked).map((b) => b.text)).toContain('🚫 Лендинг Pro');

    await owner.press(marked, '🚫 Лендинг Pro');
    const again = await owner.waitFor(
      (m) => m.message_id === marked.message_id && textOf(m).includes('Лендинг Pro'),
    );
    await owner.press(again, '✅ Включить');
    await owner.waitFor((m) => m.message_id === again.message_id && textOf(m).includes('в каталоге'));
    customer.send(`/start p_${after.id}`);
    expect(textOf(await customer.reply())).toContain('Лендинг Pro');
  });

  it('deletes after a confirmation screen; the product leaves catalog and lists, its orders keep title and price', async () => {
    const product = (await productByTitle('Лендинг Pro'))!;
    customer.send(`/start p_${product.id}`);
    const card = await customer.reply('Лендинг Pro');
    const summary = await order(customer, card, 'buyer@example.com');
    await customer.press(summary, '✅ Подтвердить');
    await customer.reply('оформлен');

    const list = await openProducts();
    await owner.press(list, 'Лендинг Pro');
    const view = await owner.waitFor(
      (m) => m.message_id === list.message_id && textOf(m).includes('Лендинг Pro'),
    );
    await owner.press(view, '🗑 Удалить');
    const confirm = await owner.waitFor(
      (m) => m.message_id === view.message_id && textOf(m).includes('навсегда'),
    );
    await owner.press(confirm, '✖ Отмена');
    await owner.waitFor((m) => m.message_id === view.message_id && textOf(m).includes('Статус'));
    expect(await productByTitle('Лендинг Pro')).toBeDefined();

    await owner.press(view, '🗑 Удалить');
    await owner.waitFor((m) => m.message_id === view.message_id && textOf(m).includes('навсегда'));
    await owner.press(view, '🗑 Да, удалить');
    const listed = await owner.waitFor(
      (m) => m.message_id === view.message_id && textOf(m).includes('Услуги'),
    );
    expect(buttonsOf(listed).map((b) => b.text)).not.toContain('Лендинг Pro');
    expect(await productByTitle('Лендинг Pro')).toBeUndefined();

    const [kept] = await h.db.select().from(orders).where(eq(orders.email, 'buyer@example.com'));
    expect(kept).toMatchObject({
      productId: null,
      productTitle: 'Лендинг Pro',
      price: 1200,
      finalPrice: 1200,
    });
    customer.send('/orders');
    const mine = textOf(await customer.reply('Мои заказы'));
    expect(mine).toContain('Лендинг Pro');
    expect(mine).toContain('1\u00a0200\u00a0₽');
    customer.send(`/start p_${product.id}`);
    expect(textOf(await customer.reply())).not.toContain('Лендинг Pro');
  });
});
