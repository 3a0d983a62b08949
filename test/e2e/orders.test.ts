import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, products, users } from '../../src/db/schema/index.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';
import { startWithOwner } from './admin-flow.js';

let h: Harness;
let owner: TestUser;
let anna: TestUser;
let boris: TestUser;
let sam: TestUser;
let productId: number;

beforeAll(async () => {
  ({ h, owner } = await startWithOwner());
  anna = await h.startedUser({ firstName: 'Anna', languageCode: 'en' });
  boris = await h.startedUser({ firstName: 'Boris', languageCode: 'en' });
  sam = await h.startedUser({ firstName: 'Sam', languageCode: 'en' });
  await h.makeStaff(anna, 'admin');
  await h.makeStaff(boris, 'admin');
  await h.makeStaff(sam, 'support');
  const [row] = await h.db
    .insert(products)
    .values({ title: 'Logo', description: 'A logo', price: 15000, deadlineDays: 3 })
    .returning();
  productId = row!.id;
});
afterAll(async () => h?.close());

const orderRow = async (id: number) => (await h.db.select().from(orders).where(eq(orders.id, id)))[0];
const current = (who: TestUser, m: StoredMessage): StoredMessage => h.emu.message(who.id, m.message_id) ?? m;

/** Orders through the real dialog (no promo) and returns the new order id. */
async function order(customer: TestUser): Promise<number> {
  customer.send(`/start p_${productId}`);
  const card = await customer.reply((m) => buttonsOf(m).some((b) => b.data === `ord:new:${productId}`));
  await customer.press(card, /Order|Заказать/);
  await customer.reply(/email/i);
  customer.send(`c${customer.id}@example.com`);
  const promo = await customer.reply(/promo|промокод/i);
  await customer.press(promo, /No promo code|Без промокода/);
  const summary = await customer.reply(/check your order|Проверьте заказ/);
  await customer.press(summary, /Confirm|Подтвердить/);
  const placed = await customer.reply(/#(\d+)|№(\d+)/);
  const match = /(?:#|№)(\d+)/.exec(textOf(placed));
  return Number(match?.[1]);
}

/** The order card a staff member got (as it is now). */
const noteOf = (who: TestUser, id: number) =>
  who.waitFor((m) => textOf(m).includes(`Order #${id} `) || textOf(m).includes(`Заказ №${id} `));

describe('staff take and complete an order', () => {
  it('every owner and admin (not support) gets the card; take → in work → done; the customer hears both', async () => {
    const eve = await h.startedUser({ firstName: 'Eve', languageCode: 'en' });
    const id = await order(eve);
    const annaNote = await noteOf(anna, id);
    const borisNote = await noteOf(boris, id);
    const ownerNote = await noteOf(owner, id);
    expect(textOf(annaNote)).toContain('New order!');
    expect(textOf(ownerNote)).toContain('Новый заказ!');
    expect(h.emu.botMessages(sam.id).some((m) => textOf(m).includes(`#${id}`))).toBe(false);

    const answer = await anna.press(annaNote, '🛠 Take the order');
    expect(answer?.text).toBe(`Order #${id} is yours now.`);
    const toCustomer = await eve.waitFor(`Your order #${id}`);
    expect(textOf(toCustomer)).toContain(
      `Your order #${id} “Logo” is now in progress. Your contact person: Anna.`,
    );
    expect(await orderRow(id)).toMatchObject({ state: 'in_work' });

    await anna.waitFor((m) => m.message_id === annaNote.message_id && textOf(m).includes('in progress'));
    expect(buttonsOf(current(anna, annaNote)).map((b) => b.data)).toEqual([
      `oa:done:${id}`,
      `oa:cancel:${id}`,
    ]);
    const borisCopy = await boris.waitFor(
      (m) => m.message_id === borisNote.message_id && textOf(m).includes('Assigned to: Anna'),
    );
    expect(buttonsOf(borisCopy)).toEqual([]);
    const ownerCopy = await owner.waitFor(
      (m) => m.message_id === ownerNote.message_id && textOf(m).includes('Ответственный: Anna'),
    );
    expect(textOf(ownerCopy)).toContain('в работе');
    expect(buttonsOf(ownerCopy)).toEqual([]);

    // Boris's old button (as a modified client could still send it): already taken.
    const late = await boris.forge(borisNote.message_id, `oa:take:${id}`);
    expect(late?.text).toBe(`Order #${id} is already assigned to Anna.`);
    expect((await orderRow(id))?.executorUserId).toBe(
      (await h.db.select().from(users).where(eq(users.telegramId, anna.id)))[0]?.id,
    );

    // Done tells the customer, so it asks first; "Not yet" brings the buttons back, nothing changes.
    const ask = await anna.press(current(anna, annaNote), '✅ Done');
    expect(ask?.text).toBe(`Mark order #${id} as done? The customer is told at once.`);
    await anna.waitFor(
      (m) => m.message_id === annaNote.message_id && buttonsOf(m).some((b) => b.text === '✖ Not yet'),
    );
    expect(await orderRow(id)).toMatchObject({ state: 'in_work' });
    await anna.press(current(anna, annaNote), '✖ Not yet');
    await anna.waitFor(
      (m) => m.message_id === annaNote.message_id && buttonsOf(m).some((b) => b.text === '✅ Done'),
    );
    expect(buttonsOf(current(anna, annaNote)).map((b) => b.data)).toEqual([
      `oa:done:${id}`,
      `oa:cancel:${id}`,
    ]);
    expect(eve.botMessages().some((m) => textOf(m).includes('is done'))).toBe(false);
    await anna.press(current(anna, annaNote), '✅ Done');
    await anna.waitFor(
      (m) =>
        m.message_id === annaNote.message_id && buttonsOf(m).some((b) => b.text === '✅ Yes, it is done'),
    );
    await anna.press(current(anna, annaNote), '✅ Yes, it is done');
    const done = await eve.waitFor(`Your order #${id} “Logo” is done`);
    expect(textOf(done)).toContain('Thank you for choosing PHOENIX!');
    expect(await orderRow(id)).toMatchObject({ state: 'done' });
    await boris.waitFor((m) => m.message_id === borisNote.message_id && textOf(m).includes('done'));
    expect(buttonsOf(current(anna, annaNote))).toEqual([]);
  });

  it('two admins pressing Take at once: one wins, the other is told who took it', async () => {
    const customer = await h.startedUser({ languageCode: 'ru' });
    const id = await order(customer);
    const annaNote = await noteOf(anna, id);
    const borisNote = await noteOf(boris, id);
    const [a, b] = await Promise.all([
      anna.press(annaNote, '🛠 Take the order'),
      boris.press(borisNote, '🛠 Take the order'),
    ]);
    const texts = [a?.text, b?.text];
    expect(texts.filter((t) => t?.startsWith(`Order #${id} is yours now`))).toHaveLength(1);
    expect(texts.filter((t) => t?.startsWith(`Order #${id} is already assigned to`))).toHaveLength(1);
    const note = await customer.waitFor(`Ваш заказ №${id}`);
    expect(textOf(note)).toContain('уже в работе');
  });

  it('staff cancel asks for a reason and tells the customer', async () => {
    const customer = await h.startedUser({ languageCode: 'ru' });
    const id = await order(customer);
    const ownerNote = await noteOf(owner, id);
    const annaNote = await noteOf(anna, id);
    await owner.press(ownerNote, '✖️ Отменить заказ');
    expect(textOf(await owner.reply())).toContain(`Напишите причину отмены заказа №${id}`);
    expect((await orderRow(id))?.state).toBe('created');
    owner.send('Нет свободных дизайнеров <до весны>');
    expect(textOf(await owner.reply())).toContain(`Заказ №${id} отменён`);
    const told = await customer.waitFor(`Ваш заказ №${id}`);
    expect(textOf(told)).toContain('отменён');
    expect(textOf(told)).toContain('Причина: Нет свободных дизайнеров <до весны>');
    expect(told.html).toContain('&lt;до весны&gt;');
    expect(await orderRow(id)).toMatchObject({ state: 'cancelled', cancelledBy: 'staff' });
    const annaCopy = await anna.waitFor(
      (m) => m.message_id === annaNote.message_id && textOf(m).includes('cancelled'),
    );
    expect(buttonsOf(annaCopy)).toEqual([]);
  });
});

describe('forged callbacks change nothing', () => {
  it('a customer or a support agent pressing staff actions is refused', async () => {
    const customer = await h.startedUser({ languageCode: 'en' });
    const id = await order(customer);
    const anyMessage = customer.botMessages().at(-1)!;
    for (const data of [
      `oa:take:${id}`,
      `oa:done:${id}`,
      `oa:doney:${id}`,
      `oa:keep:${id}`,
      `oa:cancel:${id}`,
    ]) {
      const answer = await customer.forge(anyMessage.message_id, data);
      expect(answer).toMatchObject({ text: 'You are not allowed to do that.', show_alert: true });
    }
    const samAnswer = await sam.forge(sam.botMessages().at(-1)!.message_id, `oa:take:${id}`);
    expect(samAnswer?.text).toBe('You are not allowed to do that.');
    expect(await orderRow(id)).toMatchObject({ state: 'created', executorUserId: null });
    expect(customer.botMessages().at(-1)?.message_id).toBe(anyMessage.message_id);
  });

  it('an order id beyond int4 (20 digits) is refused as an outdated button before any SQL', async () => {
    const customer = await h.startedUser({ languageCode: 'en' });
    const id = await order(customer);
    const list = customer.botMessages().at(-1)!;
    const huge = '9'.repeat(20);
    for (const data of [`oa:take:${huge}`, `ords:c:${huge}:0`, `ords:y:${huge}:0`, `ord:new:${huge}`]) {
      const answer = await customer.forge(list.message_id, data);
      expect(answer?.text).toBe('This button is out of date.');
    }
    expect((await orderRow(id))?.state).toBe('created');
  });

  it("another customer cannot cancel someone else's order", async () => {
    const victim = await h.startedUser({ languageCode: 'en' });
    const thief = await h.startedUser({ languageCode: 'en' });
    const id = await order(victim);
    thief.send('/orders');
    const list = await thief.reply();
    for (const data of [`ords:c:${id}:0`, `ords:y:${id}:0`]) {
      const answer = await thief.forge(list.message_id, data);
      expect(answer).toMatchObject({ text: 'Order not found.', show_alert: true });
    }
    expect((await orderRow(id))?.state).toBe('created');
  });
});

describe('/orders', () => {
  it('lists my orders newest first with state, price and date, paged in place, and cancels one still created', async () => {
    const me = await h.startedUser({ languageCode: 'en' });
    const first = await order(me);
    const [meRow] = await h.db.select().from(users).where(eq(users.telegramId, me.id));
    const ids = [first];
    for (let i = 0; i < 5; i++) {
      const r = await h.deps.services.orders.placeOrder({
        userId: meRow!.id,
        productId,
        email: `c${me.id}@example.com`,
        promoCode: null,
        checkoutKey: `orders-e2e-${me.id}-${i}`,
      });
      if (!r.ok) throw new Error('order failed');
      ids.push(r.order.id);
    }
    const adminUser = (await h.db.select().from(users).where(eq(users.telegramId, anna.id)))[0]!;
    await h.deps.services.orders.take(ids[5]!, adminUser.id);

    me.send('/orders');
    const list = await me.reply('My orders');
    const text = textOf(list);
    expect(text).toContain('My orders (6)');
    const shown = [...text.matchAll(/#(\d+) · Logo/g)].map((m) => Number(m[1]));
    expect(shown).toEqual(ids.slice(1).reverse());
    expect(text).toContain('₽15,000');
    expect(text).toContain('in progress');
    expect(text).toContain('🆕 new');
    const buttons = buttonsOf(list).map((b) => b.text);
    expect(buttons).not.toContain(`✖️ Cancel #${ids[5]}`);
    expect(buttons).toContain(`✖️ Cancel #${ids[4]}`);
    expect(buttons.slice(-3)).toEqual(['◀', '1/2', '▶']);

    await me.press(list, '▶');
    const page2 = await me.waitFor(
      (m) => m.message_id === list.message_id && textOf(m).includes(`#${first} `),
    );
    expect(textOf(page2)).not.toContain(`#${ids[1]} `);
    expect(me.botMessages().filter((m) => textOf(m).includes('My orders'))).toHaveLength(1);

    await me.press(page2, `✖️ Cancel #${first}`);
    const confirm = await me.waitFor(
      (m) => m.message_id === list.message_id && textOf(m).startsWith('Cancel order'),
    );
    expect((await orderRow(first))?.state).toBe('created');
    const answer = await me.press(confirm, 'Yes, cancel');
    expect(answer?.text).toBe(`Order #${first} has been cancelled.`);
    expect(await orderRow(first)).toMatchObject({ state: 'cancelled', cancelledBy: 'customer' });
    const after = await me.waitFor(
      (m) => m.message_id === list.message_id && textOf(m).includes('cancelled'),
    );
    expect(buttonsOf(after).map((b) => b.text)).not.toContain(`✖️ Cancel #${first}`);
    const annaCopy = await anna.waitFor(
      (m) => textOf(m).includes(`Order #${first} `) && textOf(m).includes('Cancelled by the customer'),
    );
    expect(buttonsOf(annaCopy)).toEqual([]);

    // An order already in work cannot be cancelled by the customer, even with a forged button.
    const refused = await me.forge(list.message_id, `ords:y:${ids[5]}:0`);
    expect(refused?.text).toContain(`Order #${ids[5]} can no longer be cancelled`);
    expect((await orderRow(ids[5]!))?.state).toBe('in_work');
  });

  it('says so when there are no orders', async () => {
    const fresh = await h.startedUser({ languageCode: 'en' });
    fresh.send('/orders');
    expect(textOf(await fresh.reply())).toContain('You have no orders yet');
  });
});
