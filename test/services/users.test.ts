import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { sessions, users } from '../../src/db/schema/index.js';
import { StaffService } from '../../src/services/staff.js';
import { TicketService } from '../../src/services/tickets/index.js';
import { LAST_SEEN_PRECISION_MS, UserService } from '../../src/services/users.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';

let handle: DatabaseHandle;
let service: UserService;

beforeAll(async () => {
  handle = await createTestDatabase();
  service = new UserService(handle.db);
});
afterAll(async () => handle.close());

describe('UserService.register', () => {
  it('stores a Telegram id above 2^32 and refreshes the profile on the next contact', async () => {
    const first = await service.register({ id: 7_000_000_001, first_name: 'Ivan', language_code: 'ru' });
    expect(first.telegramId).toBe(7_000_000_001);
    const second = await service.register({
      id: 7_000_000_001,
      first_name: 'Ivan',
      username: 'ivan',
      language_code: 'en',
    });
    expect(second.id).toBe(first.id);
    expect(second.username).toBe('ivan');
    expect(second.languageCode).toBe('en');
    expect(second.lastSeenAt.getTime()).toBeGreaterThanOrEqual(first.lastSeenAt.getTime());
    expect(second.createdOn.getTime()).toBe(first.createdOn.getTime());
  });

  it('clears the blocked mark when the user talks to the bot again', async () => {
    await service.register({ id: 42, first_name: 'A' });
    await service.markBlocked(42);
    expect((await service.byTelegramId(42))?.blockedAt).toBeInstanceOf(Date);
    await service.register({ id: 42, first_name: 'A' });
    expect((await service.byTelegramId(42))?.blockedAt).toBeNull();
  });

  it.skipIf(!onPostgres())(
    'simultaneous first contacts of one user leave exactly one row (PostgreSQL)',
    async () => {
      const id = 9_100_000_000;
      await Promise.all(Array.from({ length: 30 }, () => service.register({ id, first_name: 'Race' })));
      const rows = await handle.db.select().from(users).where(eq(users.telegramId, id));
      expect(rows).toHaveLength(1);
    },
  );
});

describe('UserService.identify (one statement per update for a returning user)', () => {
  /** The row version: it changes only when the row is written. */
  const version = async (telegramId: number) => {
    const result = (await handle.db.execute(
      sql`select xmin::text as v from users where telegram_id = ${telegramId}`,
    )) as unknown as { rows: { v: string }[] };
    return result.rows[0]?.v;
  };

  it('creates the row on first contact, then writes nothing while nothing changed', async () => {
    const profile = { id: 7_300_000_001, first_name: 'Olga', language_code: 'ru' };
    const first = await service.identify(profile, String(profile.id));
    expect(first.user.telegramId).toBe(profile.id);
    expect(first).toMatchObject({ staffRole: null, openTicketId: null, session: null });
    const written = await version(profile.id);
    const again = await service.identify(profile, String(profile.id));
    expect(again.user.id).toBe(first.user.id);
    expect(await version(profile.id)).toBe(written);

    // A new username is written at once.
    const renamed = await service.identify({ ...profile, username: 'olga' }, String(profile.id));
    expect(renamed.user.username).toBe('olga');
    expect(await version(profile.id)).not.toBe(written);
  });

  it('refreshes a last-seen mark older than the precision, and clears a blocked mark', async () => {
    const profile = { id: 7_300_000_002, first_name: 'Pavel' };
    await service.identify(profile, String(profile.id));
    const old = new Date(Date.now() - LAST_SEEN_PRECISION_MS - 60_000);
    await handle.db.update(users).set({ lastSeenAt: old }).where(eq(users.telegramId, profile.id));
    const seen = await service.identify(profile, String(profile.id));
    expect(seen.user.lastSeenAt.getTime()).toBeGreaterThan(old.getTime() + 60_000);

    await service.markBlocked(profile.id);
    const back = await service.identify(profile, String(profile.id));
    expect(back.user.blockedAt).toBeNull();
    expect((await service.byTelegramId(profile.id))?.blockedAt).toBeNull();
  });

  it('reads the staff role, the open ticket and the session in the same statement, fresh every time', async () => {
    const profile = { id: 7_300_000_003, first_name: 'Vera' };
    const key = String(profile.id);
    const { user } = await service.identify(profile, key);
    const staff = new StaffService(handle.db, []);
    await staff.upsert(profile.id, 'support', 1);
    expect((await service.identify(profile, key)).staffRole).toBe('support');
    await staff.remove(profile.id);
    expect((await service.identify(profile, key)).staffRole).toBeNull();

    const ticket = await new TicketService(handle.db, []).create(user.id, { text: 'help' });
    if (!ticket.ok) throw new Error('ticket not created');
    expect((await service.identify(profile, key)).openTicketId).toBe(ticket.ticket.id);

    await handle.db.insert(sessions).values({ key, value: { gatePending: 'catalog' } });
    expect((await service.identify(profile, key)).session).toEqual({ gatePending: 'catalog' });
    expect((await service.identify(profile, 'another-chat')).session).toBeNull();
  });
});

describe('UserService.identify for many senders at once', () => {
  it('reads everyone who asks in the same turn in one statement, each getting their own identity', async () => {
    const profiles = Array.from({ length: 40 }, (_, i) => ({ id: 7_400_000_000 + i, first_name: `U${i}` }));
    for (const p of profiles) await service.register(p);
    const staff = new StaffService(handle.db, []);
    await staff.upsert(profiles[3]!.id, 'admin', 1);
    await handle.db
      .insert(sessions)
      .values({ key: String(profiles[5]!.id), value: { gatePending: 'orders' } });

    const before = handle.statements();
    // Two asks for one sender in the same turn (two chats) are answered alike, each under its own key.
    const asked = [...profiles.map((p) => [p, String(p.id)] as const), [profiles[5]!, 'group-chat'] as const];
    const identities = await Promise.all(asked.map(([p, key]) => service.identify(p, key)));
    expect(handle.statements() - before).toBe(1);

    identities.forEach((identity, i) => {
      expect(identity.user.telegramId).toBe(asked[i]![0].id);
      expect(identity.user.firstName).toBe(asked[i]![0].first_name);
    });
    expect(identities[3]?.staffRole).toBe('admin');
    expect(identities.filter((x) => x.staffRole !== null)).toHaveLength(1);
    expect(identities[5]?.session).toEqual({ gatePending: 'orders' });
    expect(identities.at(-1)?.session).toBeNull();
    expect(identities.at(-1)?.user.id).toBe(identities[5]?.user.id);
  });

  it('a new sender among returning ones: the row is created and read, the others are not held back', async () => {
    const known = { id: 7_400_001_000, first_name: 'Known' };
    await service.register(known);
    const fresh = { id: 7_400_001_001, first_name: 'Fresh', language_code: 'en' };
    const [a, b] = await Promise.all([service.identify(known, 'k'), service.identify(fresh, 'f')]);
    expect(a.user.firstName).toBe('Known');
    expect(b.user).toMatchObject({ telegramId: fresh.id, firstName: 'Fresh', languageCode: 'en' });
  });
});

describe('StaffService', () => {
  it('resolves owners from config, staff from the table, everyone else as customer', async () => {
    const staff = new StaffService(handle.db, [1001]);
    await staff.upsert(2002, 'support', 1001);
    expect(await staff.roleOf(1001)).toBe('owner');
    expect(await staff.roleOf(2002)).toBe('support');
    expect(await staff.roleOf(3003)).toBe('customer');
    await staff.remove(2002);
    expect(await staff.roleOf(2002)).toBe('customer');
  });

  it('an invite link works once and not after it expired', async () => {
    const staff = new StaffService(handle.db, [1001]);
    const token = await staff.createInvite('support', 1001);
    expect(await staff.redeemInvite(token, 5005)).toEqual({ ok: true, role: 'support' });
    expect(await staff.redeemInvite(token, 6006)).toEqual({ ok: false, reason: 'used' });
    const old = await staff.createInvite('support', 1001, new Date(Date.now() - 25 * 3600 * 1000));
    expect(await staff.redeemInvite(old, 6006)).toEqual({ ok: false, reason: 'expired' });
    expect(await staff.redeemInvite('nope', 6006)).toEqual({ ok: false, reason: 'unknown' });
    expect(await staff.roleOf(6006)).toBe('customer');
  });

  it.skipIf(!onPostgres())(
    'two people racing for one invite: exactly one becomes staff (PostgreSQL)',
    async () => {
      const staff = new StaffService(handle.db, []);
      const token = await staff.createInvite('support', 1);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => staff.redeemInvite(token, 8_000_000 + i)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    },
  );
});
