import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, promoCodes } from '../../src/db/schema/index.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';
import { openAdminSection, startWithOwner } from './admin-flow.js';

let h: Harness;
let owner: TestUser;
let productId: number;

beforeAll(async () => {
  ({ h, owner } = await startWithOwner());
  const created = await h.deps.services.catalog.create({
    title: 'Сайт-визитка',
    description: 'Пять страниц',
    price: 10000,
    deadlineDays: 5,
  });
  if (!created.ok) throw new Error('product not created');
  productId = created.product.id;
});
afterAll(async () => h?.close());

async function answer(text: string): Promise<StoredMessage> {
  owner.send(text);
  return owner.reply();
}

async function promoByCode(code: string) {
  const [row] = await h.db.select().from(promoCodes).where(sql`lower(${promoCodes.code}) = lower(${code})`);
  return row;
}

function openPromos(): Promise<StoredMessage> {
  return openAdminSection(owner, '🏷 Промокоды', 'Промокоды');
}

/** A customer goes through B's checkout up to the promo step and sends `code`; returns the bot's answer. */
async function tryCode(buyer: TestUser, code: string, email: string): Promise<StoredMessage> {
  buyer.send(`/start p_${productId}`);
  const card = await buyer.reply('Сайт-визитка');
  await buyer.press(card, '🛒 Заказать');
  await buyer.reply('Укажите email');
  buyer.send(email);
  await buyer.reply('промокод');
  buyer.send(code);
  return buyer.reply();
}

describe('promo codes in the admin panel', () => {
  it('creates a code through the wizard with reasons for wrong values; a customer redeems it', async () => {
    const list = await openPromos();
    await owner.press(list, '➕ Новый промокод');
    await owner.reply('Введите код');
    expect(textOf(await answer('ab'))).toContain('Такой код не подойдёт');
    expect(textOf(await answer('весна'))).toContain('Такой код не подойдёт');
    expect(textOf(await answer('Spring-25'))).toContain('Введите скидку');
    expect(textOf(await answer('150%'))).toContain('процент от 1 до 100');
    const askProduct = await answer('25%');
    expect(textOf(askProduct)).toContain('На какую услугу');
    expect(buttonsOf(askProduct).map((b) => b.text)).toEqual(['Все услуги', 'Сайт-визитка', '✖ Отмена']);
    await owner.press(askProduct, 'Сайт-визитка');
    await owner.reply('До какой даты');
    expect(textOf(await answer('32.13.2030'))).toContain('Не получилось прочитать дату');
    expect(textOf(await answer('01.01.2020'))).toContain('Эта дата уже прошла');
    const askMax = await answer('31.12.2099');
    expect(textOf(askMax)).toContain('Сколько раз всего');
    const refusedMax = await answer('0');
    expect(textOf(refusedMax)).toContain('Лимит должен быть целым числом больше 0');
    await owner.press(refusedMax, 'Без лимита');
    const askPerUser = await owner.reply('один клиент');
    await owner.press(askPerUser, '1 раз (по умолчанию)');
    const summary = await owner.reply('Проверьте промокод');
    expect(textOf(summary)).toContain('Код: Spring-25');
    expect(textOf(summary)).toContain('Скидка: 25%');
    expect(textOf(summary)).toContain('Услуга: Сайт-визитка');
    expect(textOf(summary)).toContain('Действует до: 31.12.2099');
    expect(textOf(summary)).toContain('Использований: 0 из ∞');
    expect(await promoByCode('Spring-25')).toBeUndefined();
    await owner.press(summary, '💾 Сохранить');
    await owner.reply('Промокод Spring-25 создан');
    expect(await promoByCode('spring-25')).toMatchObject({
      code: 'Spring-25',
      kind: 'percent',
      value: 25,
      productId,
      maxUses: null,
      perUserLimit: 1,
      isActive: true,
    });

    // Unique regardless of letter case.
    const again = await openPromos();
    await owner.press(again, '➕ Новый промокод');
    await owner.reply('Введите код');
    expect(textOf(await answer('SPRING-25'))).toContain('Такой код уже есть');
    owner.send('/cancel');
    await owner.reply();

    const buyer = await h.startedUser();
    const accepted = await tryCode(buyer, 'spring-25', 'spring@example.com');
    expect(textOf(accepted)).toContain('Скидка: −2\u00a0500\u00a0₽ (промокод Spring-25)');
    await buyer.press(accepted, '✅ Подтвердить');
    await buyer.reply('оформлен');
    const [placed] = await h.db.select().from(orders).where(eq(orders.email, 'spring@example.com'));
    expect(placed).toMatchObject({ discount: 2500, finalPrice: 7500, promoCode: 'Spring-25' });
  });

  it('edits fields, shows usage in the list, disables (customers are refused), enables and deletes it', async () => {
    const list = await openPromos();
    expect(buttonsOf(list).map((b) => b.text)).toContain('Spring-25 · 25% · 1/∞');
    await owner.press(list, 'Spring-25 · 25% · 1/∞');
    const view = await owner.waitFor((m) => m.message_id === list.message_id && textOf(m).includes('Статус'));
    expect(textOf(view)).toContain('Использований: 1 из ∞');

    await owner.press(view, '💸 Скидка');
    await owner.reply('Введите скидку');
    expect(textOf(await answer('ноль'))).toContain('процент от 1 до 100');
    owner.send('500');
    await owner.reply('Промокод обновлён');
    // The code's screen is redrawn where it was: no second copy of it.
    const onView = (text: string) =>
      owner.waitFor((m) => m.message_id === view.message_id && textOf(m).includes(text));
    const afterValue = await onView('Скидка: 500\u00a0₽');

    await owner.press(afterValue, '🔢 Лимит');
    await owner.reply('Сколько раз всего');
    owner.send('5');
    await owner.reply('Промокод обновлён');
    const afterMax = await onView('Использований: 1 из 5');

    await owner.press(afterMax, '🛍 Услуга');
    const pick = await owner.reply('На какую услугу');
    expect((await owner.press(pick, 'Все услуги'))?.text).toBe('✅ Промокод обновлён.');
    const afterProduct = await onView('Услуга: Все услуги');
    const answered = await owner.waitFor(
      (m) => m.message_id === pick.message_id && textOf(m).includes('обновлён'),
    );
    expect(buttonsOf(answered)).toEqual([]);

    await owner.press(afterProduct, '📅 Срок');
    const askExpiry = await owner.reply('До какой даты');
    await owner.press(askExpiry, 'Сделать бессрочным');
    const afterExpiry = await onView('Действует до: бессрочно');
    expect(
      owner.botMessages().filter((m) => m.message_id >= view.message_id && textOf(m).includes('Статус')),
    ).toHaveLength(1);
    expect(await promoByCode('Spring-25')).toMatchObject({
      kind: 'fixed',
      value: 500,
      maxUses: 5,
      productId: null,
      expiresAt: null,
    });

    await owner.press(afterExpiry, '🚫 Отключить');
    const disabled = await owner.waitFor(
      (m) => m.message_id === afterExpiry.message_id && textOf(m).includes('Статус: 🚫 отключён'),
    );
    const second = await h.startedUser();
    expect(textOf(await tryCode(second, 'SPRING-25', 'second@example.com'))).toContain(
      'Промокод «SPRING-25» отключён.',
    );
    second.send('/cancel');
    await second.reply();

    await owner.press(disabled, '✅ Включить');
    const enabled = await owner.waitFor(
      (m) => m.message_id === disabled.message_id && textOf(m).includes('Статус: активен'),
    );
    expect(textOf(await tryCode(second, 'SPRING-25', 'second@example.com'))).toContain(
      'Скидка: −500\u00a0₽ (промокод Spring-25)',
    );
    second.send('/cancel');
    await second.reply();

    await owner.press(enabled, '🗑 Удалить');
    const confirm = await owner.waitFor(
      (m) => m.message_id === enabled.message_id && textOf(m).includes('сохранят'),
    );
    await owner.press(confirm, '🗑 Да, удалить');
    const listed = await owner.waitFor(
      (m) => m.message_id === enabled.message_id && textOf(m).includes('Промокоды'),
    );
    expect(buttonsOf(listed).some((b) => b.text.includes('Spring-25'))).toBe(false);
    expect(await promoByCode('Spring-25')).toBeUndefined();
    const [kept] = await h.db.select().from(orders).where(eq(orders.email, 'spring@example.com'));
    expect(kept).toMatchObject({
      discount: 2500,
      finalPrice: 7500,
      promoCode: 'Spring-25',
      promoCodeId: null,
    });
    expect(textOf(await tryCode(second, 'Spring-25', 'second@example.com'))).toContain('не найден');
  });
});
