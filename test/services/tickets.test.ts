import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { staffNotifications, tickets } from '../../src/db/schema/index.js';
import { StaffService } from '../../src/services/staff.js';
import { type Actor, TICKET_TEXT_MAX, TicketService } from '../../src/services/tickets/index.js';
import { type User, UserService } from '../../src/services/users.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';

const OWNER_TG = 9_100_000_001;

let handle: DatabaseHandle;
let service: TicketService;
let usersService: UserService;
let staffService: StaffService;
let nextTg = 9_200_000_001;

async function person(firstName: string): Promise<User> {
  return usersService.register({ id: nextTg++, first_name: firstName, language_code: 'en' });
}

async function agent(
  firstName: string,
  role: 'support' | 'admin' = 'support',
): Promise<Actor & { user: User }> {
  const user = await person(firstName);
  await staffService.upsert(user.telegramId, role, OWNER_TG);
  return { userId: user.id, role, user };
}

const customerActor = (user: User): Actor => ({ userId: user.id, role: 'customer' });

async function newTicket(text = 'My site is down') {
  const customer = await person('Customer');
  const created = await service.create(customer.id, { text });
  if (!created.ok) throw new Error(`create failed: ${created.reason}`);
  return { customer, ticket: created.ticket };
}

beforeAll(async () => {
  handle = await createTestDatabase({ poolSize: 24 });
  service = new TicketService(handle.db, [OWNER_TG]);
  usersService = new UserService(handle.db);
  staffService = new StaffService(handle.db, [OWNER_TG]);
});
afterAll(async () => handle.close());

describe('TicketService.create', () => {
  it('creates a ticket in state created and stores the problem as the first conversation entry', async () => {
    const { customer, ticket } = await newTicket('  Cannot log in  ');
    expect(ticket.state).toBe('created');
    expect(ticket.text).toBe('Cannot log in');
    expect(ticket.supportUserId).toBeNull();
    const transcript = await service.transcript(ticket.id);
    expect(transcript).toHaveLength(1);
    expect(transcript[0]?.message.text).toBe('Cannot log in');
    expect(transcript[0]?.author.id).toBe(customer.id);
    expect((await service.openTicketOf(customer.id))?.id).toBe(ticket.id);
  });

  it('keeps 200 characters as they are and refuses an empty text', async () => {
    const customer = await person('Exact');
    expect(await service.create(customer.id, { text: '   ' })).toEqual({ ok: false, reason: 'empty' });
    expect(await service.create(customer.id, { photo: 'file-id' })).toEqual({ ok: false, reason: 'empty' });
    expect(await service.openTicketOf(customer.id)).toBeUndefined();
    const ok = await service.create(customer.id, { text: 'я'.repeat(TICKET_TEXT_MAX) });
    expect(ok.ok && ok.ticket.text).toBe('я'.repeat(TICKET_TEXT_MAX));
  });

  it('a longer problem loses nothing: its start is the subject, the whole text the first message', async () => {
    const customer = await person('Long');
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const created = await service.create(customer.id, { text: words });
    if (!created.ok) throw new Error('refused');
    const subject = created.ticket.text;
    expect([...subject].length).toBeLessThanOrEqual(TICKET_TEXT_MAX);
    expect(subject.endsWith('…')).toBe(true);
    expect(words.startsWith(subject.slice(0, -1))).toBe(true);
    expect(words.charAt(subject.length - 1)).toBe(' ');
    const transcript = await service.transcript(created.ticket.id);
    expect(transcript.map((e) => e.message.text)).toEqual([words]);
  });

  it('stores a photo with its caption', async () => {
    const customer = await person('Photo');
    const created = await service.create(customer.id, { text: 'See the error', photo: 'AgAC-photo' });
    expect(created.ok && created.ticket.photo).toBe('AgAC-photo');
  });

  it('allows one open ticket per customer: a second one is refused with the open ticket', async () => {
    const { customer, ticket } = await newTicket();
    const second = await service.create(customer.id, { text: 'Another problem' });
    expect(second).toMatchObject({ ok: false, reason: 'already_open' });
    expect(!second.ok && second.reason === 'already_open' && second.ticket.id).toBe(ticket.id);
  });

  it('two simultaneous creations by one customer leave one open ticket', async () => {
    const customer = await person('Twin');
    const results = await Promise.all([
      service.create(customer.id, { text: 'one' }),
      service.create(customer.id, { text: 'two' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [row] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(tickets)
      .where(eq(tickets.userId, customer.id));
    expect(row?.n).toBe(1);
  });
});

describe('TicketService.take', () => {
  it('gives the ticket to the first agent; the second is told who holds it', async () => {
    const anna = await agent('Anna');
    const boris = await agent('Boris');
    const { ticket } = await newTicket();
    const first = await service.take(ticket.id, anna);
    expect(first.ok && first.ticket.supportUserId).toBe(anna.userId);
    expect(first.ok && first.ticket.state).toBe('in_work');
    const second = await service.take(ticket.id, boris);
    expect(second).toMatchObject({ ok: false, reason: 'taken' });
    expect(!second.ok && second.reason === 'taken' && second.holder?.firstName).toBe('Anna');
    expect((await service.byId(ticket.id))?.supportUserId).toBe(anna.userId);
  });

  it('refuses a customer and changes nothing', async () => {
    const { customer, ticket } = await newTicket();
    expect(await service.take(ticket.id, customerActor(customer))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect((await service.byId(ticket.id))?.state).toBe('created');
  });

  it('refuses a closed or unknown ticket', async () => {
    const anna = await agent('Anna');
    const { customer, ticket } = await newTicket();
    await service.withdraw(ticket.id, customer.id);
    expect(await service.take(ticket.id, anna)).toEqual({ ok: false, reason: 'closed' });
    expect(await service.take(999_999, anna)).toEqual({ ok: false, reason: 'not_found' });
  });

  it.skipIf(!onPostgres())(
    'real concurrency: 2 agents × 500 simultaneous takes leave 0 tickets with two holders',
    async () => {
      const anna = await agent('RaceAnna');
      const boris = await agent('RaceBoris');
      const ids: number[] = [];
      for (let i = 0; i < 500; i++) ids.push((await newTicket(`race ${i}`)).ticket.id);
      const attempts = ids.flatMap((id) => [
        service.take(id, anna).then((r) => ({ id, who: anna.userId, r })),
        service.take(id, boris).then((r) => ({ id, who: boris.userId, r })),
      ]);
      const results = await Promise.all(attempts);
      expect(results).toHaveLength(1000);
      const winners = new Map<number, number>();
      for (const { id, who, r } of results) {
        if (r.ok) {
          expect(winners.has(id)).toBe(false);
          winners.set(id, who);
        } else {
          expect(r.reason).toBe('taken');
        }
      }
      expect(winners.size).toBe(500);
      for (const { id, r } of results) {
        if (!r.ok && r.reason === 'taken') expect(r.holder?.id).toBe(winners.get(id));
      }
      const rows = await handle.db
        .select({ id: tickets.id, state: tickets.state, holder: tickets.supportUserId })
        .from(tickets)
        .where(sql`${tickets.id} = any(${sql.raw(`array[${ids.join(',')}]`)})`);
      expect(rows).toHaveLength(500);
      for (const row of rows) {
        expect(row.state).toBe('in_work');
        expect(row.holder).toBe(winners.get(row.id));
      }
      // Both agents won some: the race really was a race.
      const annaWins = [...winners.values()].filter((w) => w === anna.userId).length;
      expect(annaWins).toBeGreaterThan(0);
      expect(annaWins).toBeLessThan(500);
    },
    120_000,
  );
});

describe('TicketService.addMessage', () => {
  it('stores customer and agent messages in order and sets first_response_at once', async () => {
    const anna = await agent('Anna');
    const { customer, ticket } = await newTicket();
    const early = await service.addMessage(ticket.id, customerActor(customer), 'customer', {
      text: 'hello?',
    });
    expect(early.ok).toBe(true);
    await service.take(ticket.id, anna);
    const reply = await service.addMessage(ticket.id, anna, 'agent', { text: 'Looking into it' });
    expect(reply.ok && reply.ticket.firstResponseAt).toBeInstanceOf(Date);
    const firstResponse = reply.ok ? reply.ticket.firstResponseAt : null;
    const photo = await service.addMessage(ticket.id, anna, 'agent', { photo: 'AgAC-screen', text: 'this' });
    expect(photo.ok && photo.ticket.firstResponseAt?.getTime()).toBe(firstResponse?.getTime());
    const transcript = await service.transcript(ticket.id);
    expect(transcript.map((e) => [e.message.authorRole, e.message.text, e.message.photo])).toEqual([
      ['customer', 'My site is down', null],
      ['customer', 'hello?', null],
      ['agent', 'Looking into it', null],
      ['agent', 'this', 'AgAC-screen'],
    ]);
  });

  it('refuses an agent who does not hold the ticket, and any agent before it is taken; admins may', async () => {
    const anna = await agent('Anna');
    const boris = await agent('Boris');
    const admin = await agent('Ada', 'admin');
    const { ticket } = await newTicket();
    expect(await service.addMessage(ticket.id, anna, 'agent', { text: 'hi' })).toEqual({
      ok: false,
      reason: 'not_taken',
    });
    await service.take(ticket.id, anna);
    expect(await service.addMessage(ticket.id, boris, 'agent', { text: 'hi' })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect((await service.addMessage(ticket.id, admin, 'agent', { text: 'admin here' })).ok).toBe(true);
    expect(
      (await service.addMessage(ticket.id, { userId: boris.userId, role: 'owner' }, 'agent', { text: 'x' }))
        .ok,
    ).toBe(true);
  });

  it('refuses a customer writing to someone else’s ticket or to a closed one', async () => {
    const { customer, ticket } = await newTicket();
    const other = await person('Other');
    expect(await service.addMessage(ticket.id, customerActor(other), 'customer', { text: 'x' })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(await service.addMessage(ticket.id, customerActor(customer), 'agent', { text: 'x' })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    await service.withdraw(ticket.id, customer.id);
    expect(await service.addMessage(ticket.id, customerActor(customer), 'customer', { text: 'x' })).toEqual({
      ok: false,
      reason: 'closed',
    });
  });
});

describe('close, reopen, rate, withdraw', () => {
  it('the holder closes; another agent cannot; the customer rates once, 1–5', async () => {
    const anna = await agent('Anna');
    const boris = await agent('Boris');
    const { customer, ticket } = await newTicket();
    await service.take(ticket.id, anna);
    expect(await service.close(ticket.id, boris)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await service.close(ticket.id, customerActor(customer))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(await service.rate(ticket.id, customer.id, 5)).toEqual({ ok: false, reason: 'not_closed' });
    const closed = await service.close(ticket.id, anna);
    expect(closed.ok && closed.ticket.state).toBe('closed');
    expect(closed.ok && closed.ticket.closedAt).toBeInstanceOf(Date);
    expect(await service.openTicketOf(customer.id)).toBeUndefined();
    expect(await service.close(ticket.id, anna)).toEqual({ ok: false, reason: 'closed' });

    expect(await service.rate(ticket.id, customer.id, 6)).toEqual({ ok: false, reason: 'bad_rating' });
    const other = await person('Other');
    expect(await service.rate(ticket.id, other.id, 4)).toEqual({ ok: false, reason: 'not_found' });
    expect((await service.rate(ticket.id, customer.id, 4)).ok).toBe(true);
    expect(await service.rate(ticket.id, customer.id, 1)).toEqual({ ok: false, reason: 'already_rated' });
    expect((await service.byId(ticket.id))?.rating).toBe(4);
  });

  it('an agent cannot close a ticket nobody took; an admin can', async () => {
    const anna = await agent('Anna');
    const admin = await agent('Ada', 'admin');
    const { ticket } = await newTicket();
    expect(await service.close(ticket.id, anna)).toEqual({ ok: false, reason: 'forbidden' });
    expect((await service.close(ticket.id, admin)).ok).toBe(true);
  });

  it('reopen returns the ticket in work to the same agent while they are still staff', async () => {
    const anna = await agent('Anna');
    const boris = await agent('Boris');
    const { customer, ticket } = await newTicket();
    await service.take(ticket.id, anna);
    await service.close(ticket.id, anna);
    await service.rate(ticket.id, customer.id, 3);
    expect(await service.reopen(ticket.id, boris)).toEqual({ ok: false, reason: 'forbidden' });
    const reopened = await service.reopen(ticket.id, anna);
    expect(reopened.ok && reopened.ticket.state).toBe('in_work');
    expect(reopened.ok && reopened.ticket.supportUserId).toBe(anna.userId);
    expect(reopened.ok && reopened.ticket.closedAt).toBeNull();
    expect(reopened.ok && reopened.ticket.rating).toBeNull();
    expect((await service.openTicketOf(customer.id))?.id).toBe(ticket.id);
    expect(await service.reopen(ticket.id, anna)).toEqual({ ok: false, reason: 'not_closed' });
  });

  it('reopening a rated ticket keeps its rating history; the next closing is rated again', async () => {
    const anna = await agent('Anna');
    const { customer, ticket } = await newTicket();
    await service.take(ticket.id, anna);
    await service.close(ticket.id, anna);
    expect((await service.rate(ticket.id, customer.id, 2)).ok).toBe(true);
    expect((await service.reopen(ticket.id, anna)).ok).toBe(true);
    expect((await service.ratingsOf(ticket.id)).map((r) => r.rating)).toEqual([2]);
    await service.close(ticket.id, anna);
    expect((await service.rate(ticket.id, customer.id, 5)).ok).toBe(true);
    expect(await service.rate(ticket.id, customer.id, 4)).toEqual({ ok: false, reason: 'already_rated' });
    expect((await service.ratingsOf(ticket.id)).map((r) => r.rating)).toEqual([2, 5]);
    expect((await service.byId(ticket.id))?.rating).toBe(5);
  });

  it('reopen puts the ticket back in the pool when its agent has left the staff', async () => {
    const anna = await agent('Anna');
    const admin = await agent('Ada', 'admin');
    const { ticket } = await newTicket();
    await service.take(ticket.id, anna);
    await service.close(ticket.id, anna);
    await staffService.remove(anna.user.telegramId);
    const reopened = await service.reopen(ticket.id, admin);
    expect(reopened.ok && reopened.ticket.state).toBe('created');
    expect(reopened.ok && reopened.ticket.supportUserId).toBeNull();
  });

  it('reopen is refused while the customer has another open ticket', async () => {
    const admin = await agent('Ada', 'admin');
    const { customer, ticket } = await newTicket();
    await service.withdraw(ticket.id, customer.id);
    expect((await service.create(customer.id, { text: 'new one' })).ok).toBe(true);
    expect(await service.reopen(ticket.id, admin)).toEqual({ ok: false, reason: 'customer_has_open' });
  });

  it('withdraw closes only the customer’s own open ticket and reports its previous state', async () => {
    const anna = await agent('Anna');
    const { customer, ticket } = await newTicket();
    const other = await person('Other');
    expect(await service.withdraw(ticket.id, other.id)).toEqual({ ok: false, reason: 'not_found' });
    await service.take(ticket.id, anna);
    const withdrawn = await service.withdraw(ticket.id, customer.id);
    expect(withdrawn.ok && withdrawn.previousState).toBe('in_work');
    expect(withdrawn.ok && withdrawn.ticket.state).toBe('closed');
    expect(await service.withdraw(ticket.id, customer.id)).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('redirect', () => {
  it('the holder hands the ticket to an active agent; others and bad targets are refused', async () => {
    const anna = await agent('Anna');
    const boris = await agent('Boris');
    const carl = await agent('Carl');
    const paused = await agent('Paula');
    await staffService.setPaused(paused.user.telegramId, true);
    const stranger = await person('Stranger');
    const { ticket } = await newTicket();
    expect(await service.redirect(ticket.id, anna, boris.userId)).toEqual({ ok: false, reason: 'forbidden' });
    await service.take(ticket.id, anna);
    expect(await service.redirect(ticket.id, carl, boris.userId)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await service.redirect(ticket.id, anna, stranger.id)).toEqual({ ok: false, reason: 'bad_target' });
    expect(await service.redirect(ticket.id, anna, paused.userId)).toEqual({
      ok: false,
      reason: 'bad_target',
    });
    expect(await service.redirect(ticket.id, anna, anna.userId)).toEqual({ ok: false, reason: 'same_agent' });
    const moved = await service.redirect(ticket.id, anna, boris.userId);
    expect(moved).toMatchObject({ ok: true, previousAgentUserId: anna.userId });
    expect((await service.byId(ticket.id))?.supportUserId).toBe(boris.userId);
    expect(await service.redirect(ticket.id, anna, carl.userId)).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('an admin assigns a ticket nobody took', async () => {
    const admin = await agent('Ada', 'admin');
    const boris = await agent('Boris');
    const { ticket } = await newTicket();
    const moved = await service.redirect(ticket.id, admin, boris.userId);
    expect(moved.ok && moved.ticket.state).toBe('in_work');
    expect(moved.ok && moved.ticket.supportUserId).toBe(boris.userId);
  });

  it('redirectTargets lists unpaused staff who started the bot, without the excluded one', async () => {
    const anna = await agent('ZzAnna');
    const paused = await agent('ZzPaused');
    await staffService.setPaused(paused.user.telegramId, true);
    const targets = await service.redirectTargets(anna.userId);
    const ids = targets.map((u) => u.id);
    expect(ids).not.toContain(anna.userId);
    expect(ids).not.toContain(paused.userId);
    expect((await service.redirectTargets(null)).map((u) => u.id)).toContain(anna.userId);
  });
});

describe('lists, release, notifications', () => {
  it('tabs: open for all staff, in work mine (all for admins), closed; customers see nothing', async () => {
    const db = await createTestDatabase();
    try {
      const s = new TicketService(db.db, [OWNER_TG]);
      const u = new UserService(db.db);
      const st = new StaffService(db.db, [OWNER_TG]);
      const mk = async (name: string) => u.register({ id: nextTg++, first_name: name });
      const annaUser = await mk('Anna');
      const borisUser = await mk('Boris');
      await st.upsert(annaUser.telegramId, 'support', OWNER_TG);
      await st.upsert(borisUser.telegramId, 'support', OWNER_TG);
      const anna: Actor = { userId: annaUser.id, role: 'support' };
      const boris: Actor = { userId: borisUser.id, role: 'support' };
      const admin: Actor = { userId: (await mk('Owner')).id, role: 'owner' };
      const ids: number[] = [];
      for (let i = 0; i < 7; i++) {
        const c = await mk(`C${i}`);
        const r = await s.create(c.id, { text: `problem ${i}` });
        if (r.ok) ids.push(r.ticket.id);
      }
      await s.take(ids[0]!, anna);
      await s.take(ids[1]!, boris);
      await s.take(ids[2]!, anna);
      await s.close(ids[2]!, anna);

      expect(await s.counts(anna)).toEqual({ open: 4, work: 1, closed: 1 });
      expect(await s.counts(admin)).toEqual({ open: 4, work: 2, closed: 1 });
      const page0 = await s.list('open', anna, 0, 3);
      const page1 = await s.list('open', anna, 1, 3);
      expect(page0.total).toBe(4);
      expect(page0.items.map((v) => v.ticket.id)).toEqual(ids.slice(3, 6));
      expect(page1.items.map((v) => v.ticket.id)).toEqual([ids[6]]);
      expect((await s.list('work', anna, 0, 5)).items.map((v) => v.agent?.firstName)).toEqual(['Anna']);
      expect((await s.list('work', admin, 0, 5)).items).toHaveLength(2);
      expect((await s.list('closed', boris, 0, 5)).items[0]?.customer.firstName).toBe('C2');
      expect(await s.list('open', { userId: annaUser.id, role: 'customer' }, 0, 5)).toEqual({
        items: [],
        total: 0,
      });

      const released = await s.releaseTicketsOf(anna.userId);
      expect(released.map((t) => t.id)).toEqual([ids[0]]);
      expect((await s.byId(ids[0]!))?.state).toBe('created');
      expect((await s.byId(ids[0]!))?.supportUserId).toBeNull();
      expect((await s.byId(ids[2]!))?.state).toBe('closed');
      expect((await s.byId(ids[1]!))?.supportUserId).toBe(boris.userId);
    } finally {
      await db.close();
    }
  });

  it('recipients: unpaused support agents, opted-in admins and opted-in owners, each once', async () => {
    const db = await createTestDatabase();
    try {
      const u = new UserService(db.db);
      const st = new StaffService(db.db, [OWNER_TG]);
      const s = new TicketService(db.db, [OWNER_TG]);
      const reg = (id: number, name: string) => u.register({ id, first_name: name });
      await reg(OWNER_TG, 'Owner');
      await reg(9_300_000_001, 'Sam');
      await reg(9_300_000_002, 'Paused');
      await reg(9_300_000_003, 'Admin');
      await st.upsert(9_300_000_001, 'support', OWNER_TG);
      await st.upsert(9_300_000_002, 'support', OWNER_TG);
      await st.upsert(9_300_000_003, 'admin', OWNER_TG);
      await st.upsert(9_300_000_004, 'support', OWNER_TG); // never pressed Start
      await st.setPaused(9_300_000_002, true);
      const names = async () => (await s.notificationRecipients()).map((r) => r.firstName).sort();
      expect(await names()).toEqual(['Sam']);

      await s.setNotifications(9_300_000_003, 'admin', true);
      await s.setNotifications(OWNER_TG, 'owner', true);
      await s.setNotifications(OWNER_TG, 'owner', true);
      expect(await names()).toEqual(['Admin', 'Owner', 'Sam']);
      expect(await s.notificationsEnabled(OWNER_TG, 'owner')).toBe(true);

      await s.setNotifications(9_300_000_001, 'support', false);
      await s.setNotifications(OWNER_TG, 'owner', false);
      expect(await names()).toEqual(['Admin']);
      expect(await s.notificationsEnabled(9_300_000_001, 'support')).toBe(false);
      expect(await s.notificationsEnabled(OWNER_TG, 'owner')).toBe(false);
      await s.setNotifications(9_300_000_002, 'support', true);
      expect(await names()).toEqual(['Admin', 'Paused']);
    } finally {
      await db.close();
    }
  });

  it('notification messages are claimed once; relays resolve exactly', async () => {
    const { ticket } = await newTicket();
    await service.recordNotification(ticket.id, 111, 5);
    await service.recordNotification(ticket.id, 222, 7);
    const [a, b] = await Promise.all([
      service.claimNotifications(ticket.id),
      service.claimNotifications(ticket.id),
    ]);
    expect([...(a ?? []), ...(b ?? [])].sort((x, y) => x.chatId - y.chatId)).toEqual([
      { chatId: 111, messageId: 5 },
      { chatId: 222, messageId: 7 },
    ]);
    const [left] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(staffNotifications)
      .where(eq(staffNotifications.entityId, ticket.id));
    expect(left?.n).toBe(0);

    await service.recordRelay(ticket.id, 111, 42);
    expect(await service.ticketOfRelay(111, 42)).toBe(ticket.id);
    expect(await service.ticketOfRelay(111, 43)).toBeUndefined();
    expect(await service.ticketOfRelay(222, 42)).toBeUndefined();
  });
});
