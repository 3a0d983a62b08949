import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';
import { openAdminSection, startWithOwner } from './admin-flow.js';

let h: Harness;
let owner: TestUser;
let orderIds: number[] = [];

beforeAll(async () => {
  ({ h, owner } = await startWithOwner());
  const { catalog, promo, orders, users } = h.deps.services;
  const product = await catalog.create({
    title: 'Интернет-магазин',
    description: 'Под ключ',
    price: 40000,
    deadlineDays: 30,
  });
  if (!product.ok) throw new Error('no product');
  await promo.create({ code: 'MINUS10', kind: 'percent', value: 10 });
  orderIds = [];
  for (let i = 0; i < 7; i++) {
    const buyer = await h.startedUser({ firstName: `Buyer${i}` });
    const row = (await users.byTelegramId(buyer.id))!;
    const placed = await orders.placeOrder({
      userId: row.id,
      productId: product.product.id,
      email: `buyer${i}@example.com`,
      promoCode: i === 0 ? 'minus10' : null,
      checkoutKey: `board-${i}`,
    });
    if (!placed.ok) throw new Error('order not placed');
    orderIds.push(placed.order.id);
  }
  await orders.take(orderIds[6]!, (await users.byTelegramId(owner.id))!.id);
});
afterAll(async () => h?.close());

function openBoard(): Promise<StoredMessage> {
  return openAdminSection(owner, '📦 Заказы', 'Выберите состояние');
}

describe('orders board', () => {
  it('shows orders by state with counts, paginated, and a card with customer, email, product, price, promo, executor', async () => {
    const board = await openBoard();
    const labels = buttonsOf(board).map((b) => b.text);
    expect(labels).toContain('🆕 новый (6)');
    expect(labels).toContain('🛠 в работе (1)');
    expect(labels).toContain('✅ выполнен (0)');

    await owner.press(board, '🆕 новый (6)');
    const page1 = await owner.waitFor(
      (m) => m.message_id === board.message_id && textOf(m).includes('всего: 6'),
    );
    const firstPage = buttonsOf(page1).filter((b) => b.data?.startsWith('ado:v:'));
    expect(firstPage).toHaveLength(5);
    await owner.press(page1, '▶');
    const page2 = await owner.waitFor(
      (m) => m.message_id === board.message_id && buttonsOf(m).some((b) => b.text === '2/2'),
    );
    const onSecond = buttonsOf(page2).filter((b) => b.data?.startsWith('ado:v:'));
    expect(onSecond).toHaveLength(1);
    expect(onSecond[0]?.text).toContain(`№${orderIds[0]}`);

    await owner.press(page2, new RegExp(`^№${orderIds[0]} `));
    const card = await owner.waitFor(
      (m) => m.message_id === board.message_id && textOf(m).includes('Клиент'),
    );
    const text = textOf(card);
    expect(text).toContain(`Заказ №${orderIds[0]}`);
    expect(text).toContain('Клиент: Buyer0');
    expect(text).toContain('Email: buyer0@example.com');
    expect(text).toContain('Услуга: Интернет-магазин');
    expect(text).toContain('Цена: 40\u00a0000\u00a0₽');
    expect(text).toContain('Скидка: −4\u00a0000\u00a0₽ (промокод MINUS10)');
    expect(text).toContain('Итого: 36\u00a0000\u00a0₽');
    expect(text).toContain('Ответственный: —');
    expect(buttonsOf(card).map((b) => b.data)).toEqual([
      `oa:take:${orderIds[0]}`,
      `oa:cancel:${orderIds[0]}`,
      // Ban the customer (issue 17).
      expect.stringMatching(/^adb:b:\d+$/),
      'ado:l:c:1',
    ]);

    await owner.press(card, '🛠 Взять в работу');
    await expect.poll(async () => (await h.deps.services.orders.byId(orderIds[0]!))?.state).toBe('in_work');

    const again = await openBoard();
    expect(buttonsOf(again).map((b) => b.text)).toContain('🛠 в работе (2)');
    await owner.press(again, '🛠 в работе (2)');
    const inWork = await owner.waitFor(
      (m) => m.message_id === again.message_id && textOf(m).includes('всего: 2'),
    );
    await owner.press(inWork, new RegExp(`^№${orderIds[0]} `));
    const taken = await owner.waitFor(
      (m) => m.message_id === again.message_id && textOf(m).includes('Ответственный'),
    );
    expect(textOf(taken)).toContain(`Ответственный: ${owner.firstName}`);
    expect(buttonsOf(taken).map((b) => b.data)).toContain(`oa:done:${orderIds[0]}`);
  });
});
