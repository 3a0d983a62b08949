import { eq } from 'drizzle-orm';
import { Api, InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, products, users } from '../../src/db/schema/index.js';
import { makePng, type StoredMessage } from '../../src/sandbox/emulator/index.js';
import {
  buttonsOf,
  type Harness,
  startHarness,
  TEST_TOKEN,
  type TestUser,
  textOf,
} from '../helpers/harness.js';

let h: Harness;
let logoId: number;

beforeAll(async () => {
  h = await startHarness();
  const [row] = await h.db
    .insert(products)
    .values({ title: 'Logo', description: 'A brand mark', price: 15000, deadlineDays: 3 })
    .returning();
  logoId = row!.id;
  await h.deps.services.promo.create({ code: 'SPRING10', kind: 'percent', value: 10 });
});
afterAll(async () => h?.close());

/** The product card (its Order button starts a checkout) is a catalog screen, not a checkout step. */
const isCard = (m: StoredMessage): boolean => textOf(m).includes('A brand mark');

/** Bot messages of the chat that still have buttons, other than the product card. */
const live = (who: TestUser): StoredMessage[] =>
  who.botMessages().filter((m) => buttonsOf(m).length > 0 && !isCard(m));

/** Exactly one live message besides the card, and it is `step`. */
function onlyLive(who: TestUser, step: StoredMessage): void {
  expect(live(who).map((m) => m.message_id)).toEqual([step.message_id]);
}

async function openCard(who: TestUser): Promise<StoredMessage> {
  who.send(`/start p_${logoId}`);
  return who.reply(isCard);
}

async function userRow(who: TestUser) {
  const [row] = await h.db.select().from(users).where(eq(users.telegramId, who.id));
  return row!;
}

describe('checkout: only the current step has live buttons', () => {
  it('through a full checkout with two refusals, each answered prompt loses its buttons', async () => {
    const ann = await h.startedUser({ languageCode: 'en' });
    const card = await openCard(ann);
    await ann.press(card, '🛒 Order');
    const ask = await ann.reply('Please send your email address');
    onlyLive(ann, ask);

    ann.send('not an email');
    const refused = await ann.reply('seems to have a typo');
    onlyLive(ann, refused);
    expect(buttonsOf(refused).map((b) => b.text)).toEqual(['✖️ Cancel']);

    ann.send('ann@example.com');
    const promo = await ann.reply('Do you have a promo code?');
    onlyLive(ann, promo);

    ann.send('NOSUCHCODE');
    const unknown = await ann.reply('does not exist');
    onlyLive(ann, unknown);

    ann.send('spring10');
    const summary = await ann.reply('Please check your order');
    onlyLive(ann, summary);
    expect(textOf(summary)).toContain('SPRING10');

    await ann.press(summary, '✅ Confirm');
    await ann.reply('has been placed');
    expect(live(ann)).toEqual([]);
  });

  it('"Use <saved email>" loses its button once another address is typed', async () => {
    const bob = await h.startedUser({ languageCode: 'en' });
    await h.db
      .update(users)
      .set({ email: `bob${bob.id}@example.com` })
      .where(eq(users.telegramId, bob.id));
    const card = await openCard(bob);
    await bob.press(card, '🛒 Order');
    const ask = await bob.reply('keep the one you used before');
    expect(buttonsOf(ask).map((b) => b.text)).toContain(`Keep bob${bob.id}@example.com`);
    bob.send('other@example.com');
    const promo = await bob.reply('Do you have a promo code?');
    onlyLive(bob, promo);
  });

  it('a promo code refused at Confirm takes the summary’s buttons away and asks for another code', async () => {
    const code = await h.deps.services.promo.create({ code: 'ONCE', kind: 'fixed', value: 1000, maxUses: 1 });
    expect(code.ok).toBe(true);
    const cleo = await h.startedUser({ languageCode: 'en' });
    const card = await openCard(cleo);
    await cleo.press(card, '🛒 Order');
    await cleo.reply('Please send your email address');
    cleo.send('cleo@example.com');
    await cleo.reply('Do you have a promo code?');
    cleo.send('ONCE');
    const summary = await cleo.reply('Please check your order');
    // Someone else uses the last redemption before Cleo confirms.
    const other = await h.startedUser();
    const placed = await h.deps.services.orders.placeOrder({
      userId: (await userRow(other)).id,
      productId: logoId,
      email: 'other-buyer@example.com',
      promoCode: 'ONCE',
      checkoutKey: `once-${other.id}`,
    });
    expect(placed.ok).toBe(true);
    await cleo.press(summary, '✅ Confirm');
    const again = await cleo.reply('No promo code');
    onlyLive(cleo, again);
  });
});

describe('checkout: double taps', () => {
  it('a double tap on "Order" sends one email prompt', async () => {
    const dan = await h.startedUser({ languageCode: 'en' });
    const card = await openCard(dan);
    const data = buttonsOf(card).find((b) => b.text === '🛒 Order')!.data!;
    const [first, second] = await Promise.all([
      dan.forge(card.message_id, data),
      dan.forge(card.message_id, data),
    ]);
    await dan.reply('Please send your email address');
    dan.send('dan@example.com');
    await dan.reply('Do you have a promo code?');
    const prompts = dan.botMessages().filter((m) => textOf(m).includes('Please send your email address'));
    expect(prompts).toHaveLength(1);
    expect([first?.text, second?.text]).toContain(
      'You are already ordering this: send your email as asked in the message below.',
    );
  });

  it('"Order" on a card drawn again below the email prompt starts afresh there', async () => {
    const keeper = await h.startedUser();
    const api = new Api(TEST_TOKEN, { apiRoot: h.emu.apiRoot });
    const sent = await api.sendPhoto(keeper.id, new InputFile(makePng(64, 48), 'p.png'));
    await h.db.insert(products).values({
      title: 'Poster',
      description: 'A poster',
      price: 3000,
      deadlineDays: 2,
      image: sent.photo.at(-1)!.file_id,
    });
    const kim = await h.startedUser({ languageCode: 'en' });
    kim.send('/catalog');
    const list = await kim.reply('1. Logo');
    await kim.press(list, '1. Logo');
    const card = await kim.waitFor((m) => m.message_id === list.message_id && isCard(m));
    await kim.press(card, '🛒 Order');
    const firstPrompt = await kim.reply('Please send your email address');
    // Back to the list (in place), then the photo card (a replacement: now below the prompt),
    // back to the list and the Logo card again (edited in place, still below the prompt).
    await kim.press(card, '◀ Back to the list');
    const listAgain = await kim.waitFor(
      (m) => m.message_id === card.message_id && textOf(m).includes('2. Poster'),
    );
    await kim.press(listAgain, '2. Poster');
    const photoCard = await kim.reply('A poster');
    await kim.press(photoCard, '◀ Back to the list');
    const lowerList = await kim.reply('2. Poster');
    await kim.press(lowerList, '1. Logo');
    const later = await kim.waitFor((m) => m.message_id === lowerList.message_id && isCard(m));
    expect(later.message_id).toBeGreaterThan(firstPrompt.message_id);
    await kim.press(later, '🛒 Order');
    const again = await kim.reply('Please send your email address');
    expect(buttonsOf(h.emu.message(kim.id, firstPrompt.message_id)!)).toEqual([]);
    expect(live(kim).map((m) => m.message_id)).toEqual([again.message_id]);
  });

  it('a double tap on "No promo code" is answered quietly and shows one summary', async () => {
    const eva = await h.startedUser({ languageCode: 'en' });
    const card = await openCard(eva);
    await eva.press(card, '🛒 Order');
    await eva.reply('Please send your email address');
    eva.send('eva@example.com');
    const promo = await eva.reply('Do you have a promo code?');
    const skip = buttonsOf(promo).find((b) => b.text === 'No promo code')!.data!;
    const answers = await Promise.all([eva.forge(promo.message_id, skip), eva.forge(promo.message_id, skip)]);
    for (const answer of answers) {
      expect(answer).not.toBeNull();
      expect(answer?.text).toBeUndefined();
      expect(answer?.show_alert ?? false).toBe(false);
    }
    const summary = await eva.reply('Please check your order');
    expect(eva.botMessages().filter((m) => textOf(m).includes('Please check your order'))).toHaveLength(1);
    onlyLive(eva, summary);
  });
});

describe('checkout: a command at the email step', () => {
  it('says the order is put aside, and its button takes it up again', async () => {
    const fay = await h.startedUser({ languageCode: 'en' });
    const card = await openCard(fay);
    await fay.press(card, '🛒 Order');
    const ask = await fay.reply('Please send your email address');
    fay.send('/orders');
    const note = await fay.reply('has been put aside');
    expect(textOf(note)).toContain('Logo');
    await fay.reply('no orders yet');
    expect(buttonsOf(ask)).toEqual([]);
    expect(buttonsOf(h.emu.message(fay.id, ask.message_id)!)).toEqual([]);

    await fay.press(note, '🛒 Continue ordering');
    await fay.reply('Please send your email address');
    fay.send('fay@example.com');
    await fay.reply('Do you have a promo code?');
  });

  it('/support at the problem step and then /catalog: the customer is told no request was sent', async () => {
    const gus = await h.startedUser({ languageCode: 'en' });
    gus.send('/support');
    await gus.reply('describe your question');
    gus.send('/catalog');
    expect(textOf(await gus.reply('was not sent'))).toContain('/support');
  });
});

describe('checkout: the email step', () => {
  it('a 300-character address is too long, not malformed', async () => {
    const hal = await h.startedUser({ languageCode: 'en' });
    const card = await openCard(hal);
    await hal.press(card, '🛒 Order');
    await hal.reply('Please send your email address');
    hal.send(`${'a'.repeat(288)}@example.com`);
    const answer = textOf(await hal.reply('too long'));
    expect(answer).toContain('at most 254 characters');
    expect(answer).not.toContain('does not look like');
  });

  it('an address another customer uses is accepted, and nobody is told whose it is', async () => {
    const ida = await h.startedUser({ languageCode: 'en' });
    const jon = await h.startedUser({ languageCode: 'en' });
    for (const who of [ida, jon]) {
      const card = await openCard(who);
      await who.press(card, '🛒 Order');
      await who.reply('Please send your email address');
      who.send('family@example.com');
      const promo = await who.reply('Do you have a promo code?');
      await who.press(promo, 'No promo code');
      const summary = await who.reply('Please check your order');
      await who.press(summary, '✅ Confirm');
      await who.reply('has been placed');
    }
    const jonOrders = await h.db
      .select()
      .from(orders)
      .where(eq(orders.userId, (await userRow(jon)).id));
    expect(jonOrders.map((o) => o.email)).toEqual(['family@example.com']);
    expect(jon.botMessages().some((m) => /another user|already used/.test(textOf(m)))).toBe(false);
  });
});
