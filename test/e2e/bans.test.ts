import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bans, products, sessions, ticketMessages, tickets } from '../../src/db/schema/index.js';
import { buttonsOf, type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';
import { agent, customer, openCard, openTicket, userRow } from './support-flow.js';

// Banning (issue 17, part 1): through the real bot, the emulator and the staff UI.
let h: Harness;
let admin: TestUser;
let support: TestUser;
let productId: number;

beforeAll(async () => {
  h = await startHarness();
  const [product] = await h.db
    .insert(products)
    .values({ title: 'Logo', description: 'A sign of your own', price: 15000, deadlineDays: 3 })
    .returning();
  productId = product!.id;
  admin = await agent(h, 'Ada', 'admin');
  support = await agent(h, 'Sam', 'support');
  const owner = h.owners[0]!;
  owner.send('/start');
  await owner.reply();
}, 60_000);
afterAll(async () => h?.close());

const handled = () => h.deps.metrics.value('phoenix_updates_total');

/** Row counts of what a customer's actions could change. */
async function footprint() {
  const [row] = (
    (await h.db.execute(sql`select
      (select count(*) from orders)::int as orders,
      (select count(*) from tickets)::int as tickets,
      (select count(*) from ticket_messages)::int as messages,
      (select count(*) from sessions)::int as sessions,
      (select count(*) from bans)::int as bans`)) as unknown as { rows: Record<string, number>[] }
  ).rows;
  return row;
}

/** Runs `act` and waits until the bot has handled `updates` more updates. */
async function settle(updates: number, act: () => unknown): Promise<void> {
  const before = handled();
  await act();
  await expect.poll(handled, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + updates);
}

const restrictions = (who: TestUser) =>
  who.botMessages().filter((m) => textOf(m).includes('access to this bot has been restricted'));

/** The ban dialog after its first question: reason → duration → confirm; resolves with the result screen. */
async function finishBan(who: TestUser, reason: string, duration: string) {
  who.send(reason);
  const days = await who.reply('For how long');
  await who.press(days, duration);
  const confirm = await who.waitFor((m) => m.message_id === days.message_id && textOf(m).startsWith('Ban '));
  await who.press(confirm, '🚫 Ban');
  const done = await who.waitFor((m) => m.message_id === days.message_id && textOf(m).includes('is banned'));
  // The ended dialog's session row goes just after the answer.
  await expect
    .poll(
      async () =>
        (
          await h.db
            .select()
            .from(sessions)
            .where(eq(sessions.key, String(who.id)))
        ).length,
    )
    .toBe(0);
  return done;
}

describe('a customer banned from a ticket card', () => {
  let bob: TestUser;
  let ticketId: number;

  it('the ban closes their open ticket with a note and is recorded', async () => {
    bob = await customer(h, 'Bob');
    const ticket = await openTicket(h, bob, 'You are all useless!!!');
    ticketId = ticket.id;
    // Support agents see no ban button on the card; admins do.
    const agentCard = await openCard(support, ticketId);
    expect(buttonsOf(agentCard).map((b) => b.text)).not.toContain('🚫 Ban the customer');
    const card = await openCard(admin, ticketId);
    expect(buttonsOf(card).map((b) => b.text)).toContain('🚫 Ban the customer');
    await admin.press(card, '🚫 Ban the customer');
    const ask = await admin.reply('Banning Bob');
    expect(textOf(ask)).toContain(`id ${bob.id}`);
    const done = await finishBan(admin, 'Insults to the team', '7 days');
    expect(textOf(done)).toContain(`ticket #${ticketId} was closed`);

    const [closed] = await h.db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(closed?.state).toBe('closed');
    const notes = await h.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId));
    expect(notes.at(-1)?.text).toBe('Closed: the customer was banned. Reason: Insults to the team');
    expect(notes.at(-1)?.authorRole).toBe('agent');
    // The support agent's "new ticket" notice says why it closed (agents' copies are redrawn).
    await support.waitFor(
      (m) => textOf(m).includes(`Ticket #${ticketId} from Bob was closed: Ada`) && buttonsOf(m).length === 0,
    );

    const bob_ = await userRow(h, bob);
    const [ban] = await h.db.select().from(bans).where(eq(bans.userId, bob_.id));
    expect(ban?.reason).toBe('Insults to the team');
    expect(ban?.bannedBy).toBe(admin.id);
    expect(ban?.liftedAt).toBeNull();
    const days = (ban!.until!.getTime() - ban!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);
  });

  it('/catalog, /support, plain text, buttons and forged callbacks get the restriction and change nothing', async () => {
    const before = await footprint();
    const seen = restrictions(bob).length;
    await settle(1, () => bob.send('/catalog'));
    const notice = await bob.waitFor((m) => textOf(m).includes('restricted until'));
    expect(textOf(notice)).toMatch(/restricted until \d/);
    await settle(3, () => {
      bob.send('/support');
      bob.send('I want to order');
      bob.send('/start');
    });
    // A button of an older message and forged data: answered (the spinner stops), nothing done.
    const older = bob.botMessages().find((m) => buttonsOf(m).some((b) => b.data));
    expect(older).toBeDefined();
    const pressed = await bob.press(older!, buttonsOf(older!).find((b) => b.data)!.text);
    expect(pressed?.text).toBe('Access restricted');
    const forged = await bob.forge(older!.message_id, `tk:t:${ticketId}`);
    expect(forged?.text).toBe('Access restricted');
    expect(await bob.forge(older!.message_id, `ck:o:${productId}`)).toMatchObject({
      text: 'Access restricted',
    });

    expect(await footprint()).toEqual(before);
    // One notice for all of it; no catalog card, no ticket prompt, no greeting.
    expect(restrictions(bob).length - seen).toBe(1);
    const last = bob.botMessages().at(-1);
    expect(textOf(last!)).toContain('restricted until');
  });

  it('one notice per while: the next one comes only after an hour', async () => {
    const bob_ = await userRow(h, bob);
    const seen = restrictions(bob).length;
    await settle(1, () => bob.send('hello?'));
    expect(restrictions(bob).length).toBe(seen);
    // An hour later (the notice's time moved back rather than the clock forward).
    await h.db
      .update(bans)
      .set({ noticedAt: sql`now() - interval '61 minutes'` })
      .where(eq(bans.userId, bob_.id));
    await settle(1, () => bob.send('hello??'));
    await expect.poll(() => restrictions(bob).length).toBe(seen + 1);
  });

  it('banned users are left out of broadcast audiences and of a running broadcast', async () => {
    const carl = await customer(h, 'Carl');
    const { audiences, broadcasts } = h.deps.services;
    const reachable = await audiences.count({ kind: 'all' });
    const draft = await broadcasts.createDraft(h.owners[0]!.id, { text: 'Spring sale' });
    const confirmed = await broadcasts.confirm(draft.id, new Date(), null);
    const run = confirmed.ok ? confirmed.run : undefined;
    if (!run) throw new Error('broadcast not confirmed');
    expect(run.total).toBe(reachable);
    await expect.poll(async () => (await broadcasts.run(run.id))?.state, { timeout: 20_000 }).toBe('done');
    const ads = (who: TestUser) => who.botMessages().filter((m) => textOf(m).includes('Spring sale'));
    expect(ads(carl)).toHaveLength(1);
    expect(ads(bob)).toHaveLength(0);
    // Bob is not counted; Carl (a customer) and nobody of the staff is.
    expect(reachable).toBe(1);
  });

  it('unban from /admin → Banned restores them, and the lifting is recorded', async () => {
    admin.send('/admin');
    const menu = await admin.reply('Admin panel');
    await admin.press(menu, '🚫 Banned');
    const list = await admin.waitFor(
      (m) => m.message_id === menu.message_id && textOf(m).includes('Banned users'),
    );
    expect(textOf(list)).toContain('Insults to the team');
    expect(textOf(list)).toContain('by Ada');
    const answer = await admin.press(list, '✅ Unban Bob');
    expect(answer?.text).toBe('Bob is unbanned.');
    await admin.waitFor((m) => m.message_id === menu.message_id && textOf(m).includes('Nobody is banned'));

    const bob_ = await userRow(h, bob);
    const [ban] = await h.db.select().from(bans).where(eq(bans.userId, bob_.id));
    expect(ban?.liftedBy).toBe(admin.id);
    expect(ban?.liftedAt).not.toBeNull();
    bob.send('/catalog');
    await bob.reply('Logo');
  });
});

describe('banning by @username, a temporary ban, and who cannot be banned', () => {
  it('a ban for a day from "Ban someone" stops an order being placed; once it ends they are back, with nothing written', async () => {
    const dora = await h.startedUser({ firstName: 'Dora', username: 'dora_b', languageCode: 'en' });
    dora.send('/catalog');
    // The catalog's list, then the service's card (edited in place).
    const services = await dora.reply('Logo');
    await dora.press(services, /Logo/);
    const card = await dora.waitFor(
      (m) => m.message_id === services.message_id && textOf(m).includes('Price'),
    );
    await dora.press(card, '🛒 Order');
    await dora.waitFor('Please send your email address');
    // The session (the open order dialog) is written back just after the reply.
    const sessionOf = async () =>
      (
        await h.db
          .select()
          .from(sessions)
          .where(eq(sessions.key, String(dora.id)))
      ).length;
    await expect.poll(sessionOf).toBe(1);

    admin.send('/admin');
    const menu = await admin.reply('Admin panel');
    await admin.press(menu, '🚫 Banned');
    const list = await admin.waitFor(
      (m) => m.message_id === menu.message_id && textOf(m).includes('Banned users'),
    );
    await admin.press(list, '🚫 Ban someone');
    await admin.reply('Who do you want to ban');
    admin.send('@nobody_here_at_all');
    await admin.reply('Nobody with that ID');
    admin.send('@Dora_B');
    await admin.reply('Banning Dora');
    const done = await finishBan(admin, 'Fake orders', '1 day');
    expect(textOf(done)).toMatch(/Dora .* is banned until/);

    // The order dialog stopped: the email now reaches nothing.
    const [after] = await h.db
      .select()
      .from(sessions)
      .where(eq(sessions.key, String(dora.id)));
    expect(after).toBeUndefined();
    const before = await footprint();
    await settle(1, () => dora.send('dora@example.com'));
    await dora.waitFor('restricted until');
    expect(await footprint()).toEqual(before);

    // The day is over (its end moved back rather than the clock forward): normal again.
    const dora_ = await userRow(h, dora);
    await h.db.update(bans).set({ until: sql`now() - interval '1 second'` }).where(eq(bans.userId, dora_.id));
    const [expired] = await h.db.select().from(bans).where(eq(bans.userId, dora_.id));
    dora.send('/catalog');
    await dora.reply('Logo');
    const [untouched] = await h.db.select().from(bans).where(eq(bans.userId, dora_.id));
    expect(untouched).toEqual(expired);
    expect(await h.deps.services.audiences.count({ kind: 'all' })).toBeGreaterThanOrEqual(1);

    // Banned again later: the expired ban is closed at its end and a new one recorded.
    const again = await h.deps.services.bans.ban({
      userId: dora_.id,
      reason: 'Again',
      bannedBy: admin.id,
      days: 0,
    });
    expect(again.ok).toBe(true);
    const history = await h.deps.services.bans.historyOf(dora_.id);
    expect(history.map((b) => [b.reason, b.liftedAt === null])).toEqual([
      ['Again', true],
      ['Fake orders', false],
    ]);
    expect(history[0]?.until).toBeNull();
    await settle(1, () => dora.send('/start'));
    await dora.waitFor((m) => textOf(m) === '🚫 Your access to this bot has been restricted.');
  });

  it('staff and owners cannot be banned: refused clearly, nothing recorded', async () => {
    const before = await footprint();
    admin.send('/admin');
    const menu = await admin.reply('Admin panel');
    await admin.press(menu, '🚫 Banned');
    const list = await admin.waitFor(
      (m) => m.message_id === menu.message_id && textOf(m).includes('Banned users'),
    );
    await admin.press(list, '🚫 Ban someone');
    await admin.reply('Who do you want to ban');
    admin.send(String(support.id));
    await admin.reply(/Sam .* is a staff member or an owner: they can't be banned/);
    admin.send(String(h.owners[0]!.id));
    await admin.reply(/is a staff member or an owner/);
    // The card button too (a support agent's ticket card of their own would offer it to an admin).
    const samRow = await userRow(h, support);
    const refused = await admin.forge(menu.message_id, `adb:b:${samRow.id}`);
    expect(refused?.show_alert).toBe(true);
    expect(refused?.text).toContain("can't be banned");
    const service = await h.deps.services.bans.ban({
      userId: samRow.id,
      reason: 'x',
      bannedBy: admin.id,
      days: 1,
    });
    expect(service).toEqual({ ok: false, reason: 'staff' });
    expect(await footprint()).toMatchObject({ bans: before!.bans });
  });

  it('a customer or a support agent pressing a ban button (forged) is refused before anything runs', async () => {
    const eve = await customer(h, 'Eve');
    const eveRow = await userRow(h, eve);
    const greeting = eve.botMessages().at(-1)!;
    const byCustomer = await eve.forge(greeting.message_id, `adb:b:${eveRow.id}`);
    expect(byCustomer?.show_alert).toBe(true);
    const last = support.botMessages().at(-1)!;
    const bySupport = await support.forge(last.message_id, `adb:u:1:0`);
    expect(bySupport?.show_alert).toBe(true);
    expect(await h.deps.services.bans.activeOf(eveRow.id)).toBeUndefined();
  });

  it('a ban from the admin order card', async () => {
    const fay = await customer(h, 'Fay');
    const fayRow = await userRow(h, fay);
    const placed = await h.deps.services.orders.placeOrder({
      userId: fayRow.id,
      productId,
      email: 'fay@example.com',
      promoCode: null,
      checkoutKey: 'fay-order-1',
    });
    if (!placed.ok) throw new Error('order not placed');
    const orderId = placed.order.id;
    admin.send('/admin');
    const menu = await admin.reply('Admin panel');
    await admin.forge(menu.message_id, `ado:v:${orderId}:c:0`);
    const card = await admin.waitFor(
      (m) => m.message_id === menu.message_id && textOf(m).includes(`#${orderId}`),
    );
    await admin.press(card, '🚫 Ban the customer');
    await admin.reply('Banning Fay');
    await finishBan(admin, 'Chargebacks', 'Forever');
    const ban = await h.deps.services.bans.activeOf(fayRow.id);
    expect(ban?.until).toBeNull();
    expect(ban?.reason).toBe('Chargebacks');
  });
});
