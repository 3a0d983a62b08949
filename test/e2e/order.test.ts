import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, products, promoCodes, staffNotifications, users } from '../../src/db/schema/index.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';

let h: Harness;
let logoId: number;
let siteId: number;

beforeAll(async () => {
  h = await startHarness({ owners: 2 });
  for (const owner of h.owners) {
    owner.send('/start');
    await owner.reply();
  }
  const rows = await h.db
    .insert(products)
    .values([
      { title: 'Логотип', description: 'Фирменный знак', price: 15000, deadlineDays: 3 },
      { title: 'Сайт', description: 'Сайт-визитка', price: 40000, deadlineDays: 14 },
    ])
    .returning();
  logoId = rows[0]!.id;
  siteId = rows[1]!.id;
  await h.db.insert(promoCodes).values([
    { code: 'Spring20', kind: 'percent', value: 20 },
    { code: 'SITEONLY', kind: 'fixed', value: 5000, productId: siteId },
    { code: 'OLDIE', kind: 'percent', value: 10, expiresAt: new Date(Date.now() - 60_000) },
  ]);
});
afterAll(async () => h?.close());

async function userRow(who: TestUser) {
  const [row] = await h.db.select().from(users).where(eq(users.telegramId, who.id));
  if (!row) throw new Error('user not registered');
  return row;
}

async function ordersOf(who: TestUser) {
  return h.db
    .select()
    .from(orders)
    .where(eq(orders.userId, (await userRow(who)).id));
}

/** Opens the product card by deep link and presses "Order": returns the email prompt. */
async function startCheckout(
  who: TestUser,
  productId: number,
  orderButton = '🛒 Заказать',
): Promise<StoredMessage> {
  who.send(`/start p_${productId}`);
  const card = await who.reply((m) => buttonsOf(m).some((b) => b.data === `ord:new:${productId}`));
  await who.press(card, orderButton);
  return who.reply(/email/i);
}

describe('the ordering dialog', () => {
  it('refuses a bad email and bad promo codes with reasons, then places one order with the discount and notifies every owner', async () => {
    const ivan = await h.startedUser({ firstName: 'Иван', username: 'ivan_p' });
    const prompt = await startCheckout(ivan, logoId);
    expect(textOf(prompt)).toContain('Логотип');
    expect(buttonsOf(prompt).map((b) => b.text)).toEqual(['✖️ Отменить']);

    ivan.send('ivan at mail');
    expect(textOf(await ivan.reply())).toContain('Кажется, в адресе «ivan at mail» ошибка');
    ivan.send('Ivan@Example.com');
    expect(textOf(await ivan.reply())).toContain('Есть промокод?');

    ivan.send('NOSUCH');
    const unknown = await ivan.reply();
    expect(textOf(unknown)).toContain('Промокод «NOSUCH» не найден');
    expect(buttonsOf(unknown).map((b) => b.text)).toContain('Без промокода');
    ivan.send('siteonly');
    expect(textOf(await ivan.reply())).toContain('не действует на эту услугу');
    ivan.send('OLDIE');
    expect(textOf(await ivan.reply())).toContain('Срок действия промокода «OLDIE» истёк');

    ivan.send('spring20');
    const summary = await ivan.reply('Проверьте заказ');
    const text = textOf(summary);
    expect(text).toContain('Услуга: Логотип');
    expect(text).toMatch(/Цена: 15\s000\s₽/);
    expect(text).toMatch(/Скидка: −3\s000\s₽ \(промокод Spring20\)/);
    expect(text).toMatch(/Итого: 12\s000\s₽/);
    expect(text).toContain('Email: ivan@example.com');
    expect(text).toContain('Срок выполнения: 3 дня');
    expect(await ordersOf(ivan)).toHaveLength(0);

    await ivan.press(summary, '✅ Подтвердить');
    const placed = await ivan.reply('оформлен');
    const rows = await ordersOf(ivan);
    expect(rows).toHaveLength(1);
    const order = rows[0]!;
    expect(order).toMatchObject({
      state: 'created',
      productTitle: 'Логотип',
      price: 15000,
      discount: 3000,
      finalPrice: 12000,
      promoCode: 'Spring20',
      email: 'ivan@example.com',
    });
    expect(textOf(placed)).toContain(`Заказ №${order.id} оформлен`);
    expect(textOf(placed)).toContain('Мы сообщим, как только начнём над ним работать');
    expect((await userRow(ivan)).email).toBe('ivan@example.com');
    expect(h.emu.message(ivan.id, summary.message_id)?.reply_markup).toBeUndefined();

    for (const owner of h.owners) {
      const note = await owner.waitFor((m) => textOf(m).includes(`Заказ №${order.id}`));
      expect(textOf(note)).toContain('Новый заказ!');
      expect(textOf(note)).toContain('Клиент: Иван (@ivan_p)');
      expect(textOf(note)).toMatch(/Итого: 12\s000\s₽/);
      expect(buttonsOf(note).map((b) => b.data)).toEqual([`oa:take:${order.id}`, `oa:cancel:${order.id}`]);
    }
    await expect
      .poll(async () => {
        const recorded = await h.db
          .select()
          .from(staffNotifications)
          .where(eq(staffNotifications.entityId, order.id));
        return recorded.map((r) => r.chatId).sort();
      })
      .toEqual(h.owners.map((o) => o.id).sort());
  });

  it('a double tap on Confirm creates one order', async () => {
    const olga = await h.startedUser({ languageCode: 'en' });
    await startCheckout(olga, siteId, '🛒 Order');
    olga.send('olga@example.com');
    const promo = await olga.reply('promo code');
    await olga.press(promo, 'No promo code');
    const summary = await olga.reply('Please check your order');
    expect(textOf(summary)).toContain('Discount: none');
    const data = buttonsOf(summary).find((b) => b.text === '✅ Confirm')!.data!;
    const [first, second] = await Promise.all([
      h.emu.pressButton(olga.id, summary.message_id, data),
      h.emu.pressButton(olga.id, summary.message_id, data),
    ]);
    await olga.waitFor(/Order #\d+ has been placed/);
    const rows = await ordersOf(olga);
    expect(rows).toHaveLength(1);
    expect([first?.text, second?.text]).toContain(
      `Order #${rows[0]!.id} has already been placed; there is no need to press again.`,
    );
    expect(rows[0]).toMatchObject({ finalPrice: 40000, discount: 0, promoCode: null });
    // Only one round of owner notifications.
    const notes = h.emu.botMessages(h.owners[0]!.id).filter((m) => textOf(m).includes(`№${rows[0]!.id}`));
    expect(notes).toHaveLength(1);
  });

  it('an email saved by someone else is accepted without a word about them; the saved email is offered with a button', async () => {
    const shared = await h.startedUser();
    await startCheckout(shared, siteId);
    shared.send('ivan@example.com');
    expect(textOf(await shared.reply())).toContain('Есть промокод?');
    shared.send('/cancel');
    await shared.reply('Хорошо, остановились');

    // A saved email comes back as a button on the next order.
    const again = await h.startedUser();
    await h.db.update(users).set({ email: 'again@example.com' }).where(eq(users.telegramId, again.id));
    const prompt = await startCheckout(again, logoId);
    expect(textOf(prompt)).toContain('чтобы оставить прежний: again@example.com');
    await again.press(prompt, 'Оставить again@example.com');
    expect(textOf(await again.reply())).toContain('Есть промокод?');
  });

  it('Cancel and /cancel leave the dialog with nothing written', async () => {
    const user = await h.startedUser();
    await startCheckout(user, logoId);
    user.send('cancel.me@example.com');
    const promo = await user.reply('Есть промокод?');
    await user.press(promo, 'Без промокода');
    const summary = await user.reply('Проверьте заказ');
    const confirmData = buttonsOf(summary)[0]!.data!;
    await user.press(summary, '✖️ Отменить');
    expect(textOf(await user.reply())).toContain('Оформление заказа прервано');
    expect(await ordersOf(user)).toHaveLength(0);
    expect((await userRow(user)).email).toBeNull();
    // The old summary's Confirm now does nothing.
    const stale = await user.forge(summary.message_id, confirmData);
    expect(stale?.text).toContain('Это оформление уже завершено');
    expect(await ordersOf(user)).toHaveLength(0);

    await startCheckout(user, logoId);
    user.send('/cancel');
    await user.reply('Хорошо, остановились');
    user.send('after@example.com');
    expect(textOf(await user.reply())).not.toContain('Есть промокод?');
    expect(await ordersOf(user)).toHaveLength(0);
  });

  it('survives a bot restart between the email and the confirmation', async () => {
    const user = await h.startedUser();
    await startCheckout(user, siteId);
    user.send('restart@example.com');
    const promo = await user.reply('Есть промокод?');

    await h.restart();

    user.send('SITEONLY');
    const summary = await user.reply('Проверьте заказ');
    expect(textOf(summary)).toContain('Email: restart@example.com');
    expect(textOf(summary)).toMatch(/Итого: 35\s000\s₽/);
    await h.restart();
    await user.press(summary, '✅ Подтвердить');
    await user.reply('оформлен');
    const rows = await ordersOf(user);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ finalPrice: 35000, promoCode: 'SITEONLY', email: 'restart@example.com' });
    expect(promo.message_id).toBeLessThan(summary.message_id);
  });

  it('a product disabled in the middle of the dialog ends it with a clear message', async () => {
    const user = await h.startedUser();
    const [temp] = await h.db
      .insert(products)
      .values({ title: 'Временная', description: 'x', price: 100, deadlineDays: 2 })
      .returning();
    await startCheckout(user, temp!.id);
    user.send('temp@example.com');
    const promo = await user.reply('Есть промокод?');
    await h.db.update(products).set({ isActive: false }).where(eq(products.id, temp!.id));
    await user.press(promo, 'Без промокода');
    expect(textOf(await user.reply())).toContain('Эта услуга больше недоступна');
    expect(await ordersOf(user)).toHaveLength(0);
  });
});
