import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, products, tickets, users } from '../../src/db/schema/index.js';
import { buttonsOf, CHANNEL, type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';

let h: Harness;
let logoId: number;
let siteId: number;

beforeAll(async () => {
  h = await startHarness();
  const rows = await h.db
    .insert(products)
    .values([
      { title: 'Логотип', description: 'Фирменный знак', price: 15000, deadlineDays: 3 },
      { title: 'Сайт', description: 'Сайт-визитка', price: 40000, deadlineDays: 14 },
    ])
    .returning();
  logoId = rows[0]!.id;
  siteId = rows[1]!.id;
});
afterAll(async () => h?.close());

async function ticketsOf(who: TestUser) {
  const [row] = await h.db.select().from(users).where(eq(users.telegramId, who.id));
  return h.db.select().from(tickets).where(eq(tickets.userId, row!.id));
}

async function startCheckout(who: TestUser, productId: number) {
  who.send(`/start p_${productId}`);
  const card = await who.reply((m) => buttonsOf(m).some((b) => b.data === `ord:new:${productId}`));
  await who.press(card, /🛒/);
  return who.reply(/email/i);
}

describe('commands in the middle of a customer dialog', () => {
  it('/catalog after /support leaves the support dialog: the next message does not become a ticket', async () => {
    const anna = await h.startedUser({ languageCode: 'en' });
    anna.send('/support');
    expect(textOf(await anna.reply())).toContain('describe your question');
    anna.send('/catalog');
    await anna.reply('1. ');
    anna.send('nice logo, how do I pay?');
    expect(textOf(await anna.reply())).toContain("Sorry, I didn't get that");
    expect(await ticketsOf(anna)).toHaveLength(0);
  });

  it('/start with another product mid-checkout ends the old checkout; /help keeps it', async () => {
    const boris = await h.startedUser();
    await startCheckout(boris, siteId);
    boris.send('/help');
    await boris.reply();
    boris.send('boris@example.com');
    expect(textOf(await boris.reply())).toContain('Есть промокод?');

    boris.send(`/start p_${logoId}`);
    await boris.reply('Фирменный знак');
    boris.send('SPRING20');
    const answer = textOf(await boris.reply());
    expect(answer).not.toContain('Промокод');
    expect(answer).toContain('/help');
  });

  it('a command at the order summary keeps the checkout: its Confirm button still places the order', async () => {
    const inna = await h.startedUser({ languageCode: 'en' });
    await startCheckout(inna, logoId);
    inna.send('inna@example.com');
    const promo = await inna.reply('promo code');
    await inna.press(promo, 'No promo code');
    const summary = await inna.reply('Please check your order');
    inna.send('/orders');
    await inna.reply('no orders yet');
    await inna.press(summary, '✅ Confirm');
    expect(textOf(await inna.reply('has been placed'))).toContain('Order #');
  });
});

/** Half of an emoji: what cutting a string by UTF-16 units leaves behind. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('odd input in the checkout', () => {
  it('a long invalid email with emoji is quoted back cut at a whole character', async () => {
    const vera = await h.startedUser();
    await startCheckout(vera, logoId);
    vera.send(`${'a'.repeat(99)}😀😀 and more`);
    const answer = textOf(await vera.reply('ошибка. Email выглядит так'));
    expect(answer).not.toMatch(LONE_SURROGATE);
    expect(answer).toContain(`${'a'.repeat(99)}😀»`);
  });

  it('a long promo code with emoji is quoted back cut at a whole character', async () => {
    const gleb = await h.startedUser();
    await startCheckout(gleb, logoId);
    gleb.send('gleb@example.com');
    await gleb.reply('Есть промокод?');
    gleb.send(`${'P'.repeat(63)}🎁🎁`);
    const answer = textOf(await gleb.reply('не найден'));
    expect(answer).not.toMatch(LONE_SURROGATE);
    expect(answer).toContain(`${'P'.repeat(63)}🎁»`);
  });
});

describe('a photo where the checkout expects text', () => {
  it("asks for text and keeps the step's buttons, so the user can still skip or cancel", async () => {
    const zoya = await h.startedUser({ languageCode: 'en' });
    await startCheckout(zoya, logoId);
    zoya.sendPhoto('my email is on the picture');
    const atEmail = await zoya.reply('Please answer with text');
    expect(buttonsOf(atEmail).map((b) => b.text)).toEqual(['✖️ Cancel']);
    zoya.send('zoya@example.com');
    await zoya.reply('promo code');
    zoya.sendPhoto();
    const atPromo = await zoya.reply('Please answer with text');
    expect(buttonsOf(atPromo).map((b) => b.text)).toEqual(['No promo code', '✖️ Cancel']);
    await zoya.press(atPromo, 'No promo code');
    expect(textOf(await zoya.reply('Please check your order'))).toContain('zoya@example.com');
  });
});

describe('a price changed between the summary and Confirm', () => {
  it('is not ordered at a price the customer never saw: the summary is shown again with the new price', async () => {
    const [row] = await h.db
      .insert(products)
      .values({ title: 'Banner', description: 'A web banner', price: 5000, deadlineDays: 2 })
      .returning();
    const id = row!.id;
    const lena = await h.startedUser({ languageCode: 'en' });
    await startCheckout(lena, id);
    lena.send('lena@example.com');
    const promo = await lena.reply('promo code');
    await lena.press(promo, 'No promo code');
    const summary = await lena.reply('Please check your order');
    expect(textOf(summary)).toContain('₽5,000');

    await h.db.update(products).set({ price: 9000 }).where(eq(products.id, id));
    await lena.press(summary, '✅ Confirm');
    const again = await lena.reply('Total:');
    expect(textOf(again)).toContain('₽9,000');
    expect(lena.botMessages().some((m) => textOf(m).includes('price of this service has changed'))).toBe(
      true,
    );
    const [user] = await h.db.select().from(users).where(eq(users.telegramId, lena.id));
    expect(await h.db.select().from(orders).where(eq(orders.userId, user!.id))).toHaveLength(0);

    await lena.press(again, '✅ Confirm');
    await lena.reply('has been placed');
    const placed = await h.db.select().from(orders).where(eq(orders.userId, user!.id));
    expect(placed.map((o) => o.finalPrice)).toEqual([9000]);
  });
});

describe('/orders: cancelling twice', () => {
  it('a double tap on "Yes, cancel" is answered "cancelled" both times, with no alarming alert', async () => {
    const mira = await h.startedUser({ languageCode: 'en' });
    const [user] = await h.db.select().from(users).where(eq(users.telegramId, mira.id));
    const placed = await h.deps.services.orders.placeOrder({
      userId: user!.id,
      productId: logoId,
      email: 'mira@example.com',
      promoCode: null,
      checkoutKey: 'mira-double-cancel',
    });
    if (!placed.ok) throw new Error('order refused');
    mira.send('/orders');
    const list = await mira.reply('My orders');
    await mira.press(list, `✖️ Cancel #${placed.order.id}`);
    const confirm = await mira.waitFor(
      (m) => m.message_id === list.message_id && textOf(m).includes('Cancel order'),
    );
    const yes = buttonsOf(confirm).find((b) => b.text === 'Yes, cancel')!.data!;
    const answers = await Promise.all([mira.forge(list.message_id, yes), mira.forge(list.message_id, yes)]);
    for (const answer of answers) {
      expect(answer?.text).toBe(`Order #${placed.order.id} has been cancelled.`);
      expect(answer?.show_alert ?? false).toBe(false);
    }
    const [row] = await h.db.select().from(orders).where(eq(orders.id, placed.order.id));
    expect(row?.state).toBe('cancelled');
  });
});

describe('/support in Russian', () => {
  it('a problem longer than 200 characters is accepted whole', async () => {
    const oleg = await h.startedUser();
    oleg.send('/support');
    await oleg.reply('Опишите вопрос');
    const problem = `${'я'.repeat(150)} ${'ю'.repeat(150)}`;
    oleg.send(problem);
    await oleg.reply(/№\d+/);
    const [ticket] = await ticketsOf(oleg);
    expect(ticket?.text).toBe(`${'я'.repeat(150)}…`);
    const transcript = await h.deps.services.tickets.transcript(ticket!.id);
    expect(transcript.map((e) => e.message.text)).toEqual([problem]);
  });
});

describe('the channel gate and product links', () => {
  let gated: Harness;
  let productId: number;
  beforeAll(async () => {
    gated = await startHarness({ channel: true });
    const rows = await gated.db
      .insert(products)
      .values([
        { title: 'First', description: 'The first card', price: 100, deadlineDays: 1 },
        { title: 'Linked', description: 'The linked card', price: 200, deadlineDays: 2 },
      ])
      .returning();
    productId = rows[1]!.id;
  });
  afterAll(async () => gated?.close());

  it('"I\'ve subscribed" after a product link opens that product, not the first catalog page', async () => {
    const dana = gated.user({ languageCode: 'en' });
    dana.send(`/start p_${productId}`);
    const gate = await dana.reply('subscribe to our channel');
    gated.emu.joinChannel(dana.id, CHANNEL.id);
    await dana.press(gate, "I've subscribed");
    const card = await dana.reply('Price');
    expect(textOf(card)).toContain('The linked card');
    expect(buttonsOf(card).map((b) => b.data)).toContain(`ord:new:${productId}`);
  });

  it('"Order" pressed by someone who left the channel comes back to that product after subscribing', async () => {
    const egor = gated.user({ languageCode: 'en' });
    gated.emu.joinChannel(egor.id, CHANNEL.id);
    egor.send(`/start p_${productId}`);
    const card = await egor.reply('The linked card');
    gated.emu.leaveChannel(egor.id, CHANNEL.id);
    gated.deps.gate?.forget(egor.id);
    await egor.press(card, '🛒 Order');
    const gate = await egor.reply('subscribe to our channel');
    gated.emu.joinChannel(egor.id, CHANNEL.id);
    await egor.press(gate, "I've subscribed");
    expect(textOf(await egor.reply('Price'))).toContain('The linked card');
  });
});
