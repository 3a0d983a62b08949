import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { bans, broadcastDeliveries, users as usersTable } from '../../src/db/schema/index.js';
import { AudienceService } from '../../src/services/audiences.js';
import { BanService } from '../../src/services/bans.js';
import { CampaignService } from '../../src/services/campaigns.js';
import { StaffService } from '../../src/services/staff.js';
import { UpdateLog } from '../../src/services/updates.js';
import { UserService } from '../../src/services/users.js';
import { createTestDatabase } from '../helpers/db.js';

const OWNER = 9_100_000_001;
let handle: DatabaseHandle;
let service: BanService;
let users: UserService;

beforeAll(async () => {
  handle = await createTestDatabase();
  service = new BanService(handle.db, [OWNER]);
  users = new UserService(handle.db);
});
afterAll(async () => handle.close());

describe('BanService', () => {
  it('bans once, reads the ban with identify, lifts once, and keeps both in the record', async () => {
    const user = await users.register({ id: 9_100_000_101, first_name: 'Max', username: 'max_b' });
    const banned = await service.ban({ userId: user.id, reason: '  spam  ', bannedBy: OWNER, days: 7 });
    if (!banned.ok) throw new Error('not banned');
    expect(banned.ban.reason).toBe('spam');
    const again = await service.ban({ userId: user.id, reason: 'more', bannedBy: OWNER, days: 0 });
    expect(again).toMatchObject({ ok: false, reason: 'already', ban: { id: banned.ban.id } });

    const identity = await users.identify({ id: user.telegramId, first_name: 'Max', username: 'max_b' }, 'k');
    expect(identity.ban?.id).toBe(banned.ban.id);
    expect(identity.ban?.until?.getTime()).toBe(banned.ban.until?.getTime());
    expect(identity.ban?.noticedAt).toBeNull();

    expect(await service.claimNotice(banned.ban.id)).toBe(true);
    expect(await service.claimNotice(banned.ban.id)).toBe(false);

    const [lifted, second] = await Promise.all([
      service.lift(banned.ban.id, OWNER),
      service.lift(banned.ban.id, OWNER),
    ]);
    expect([lifted, second].filter(Boolean)).toHaveLength(1);
    expect(
      (await users.identify({ id: user.telegramId, first_name: 'Max', username: 'max_b' }, 'k')).ban,
    ).toBeNull();
    const history = await service.historyOf(user.id);
    expect(history).toHaveLength(1);
    expect(history[0]?.liftedBy).toBe(OWNER);
  });

  it('an expired ban ends without a write and is closed at its end when the user is banned again', async () => {
    const user = await users.register({ id: 9_100_000_102, first_name: 'Lea' });
    const first = await service.ban({ userId: user.id, reason: 'a', bannedBy: OWNER, days: 1 });
    if (!first.ok) throw new Error('not banned');
    await handle.db
      .update(bans)
      .set({ until: sql`now() - interval '1 minute'` })
      .where(eq(bans.id, first.ban.id));
    expect(await service.activeOf(user.id)).toBeUndefined();
    expect((await users.identify({ id: user.telegramId, first_name: 'Lea' }, 'k')).ban).toBeNull();
    const second = await service.ban({ userId: user.id, reason: 'b', bannedBy: OWNER, days: 30 });
    expect(second.ok).toBe(true);
    const [newest, oldest] = await service.historyOf(user.id);
    expect(newest?.reason).toBe('b');
    expect(oldest?.liftedAt?.getTime()).toBe(oldest?.until?.getTime());
    expect(oldest?.liftedBy).toBeNull();
  });

  it('refuses owners and staff members', async () => {
    const owner = await users.register({ id: OWNER, first_name: 'Owner' });
    const agent = await users.register({ id: 9_100_000_103, first_name: 'Agent' });
    await new StaffService(handle.db, [OWNER]).upsert(agent.telegramId, 'support', OWNER);
    expect(await service.ban({ userId: owner.id, reason: 'x', bannedBy: OWNER, days: 1 })).toEqual({
      ok: false,
      reason: 'staff',
    });
    expect(await service.ban({ userId: agent.id, reason: 'x', bannedBy: OWNER, days: 1 })).toEqual({
      ok: false,
      reason: 'staff',
    });
    expect(await service.historyOf(agent.id)).toEqual([]);
  });

  it('finds a target by Telegram id or @username (any case), not by anything else', async () => {
    const user = await users.register({ id: 9_100_000_104, first_name: 'Ola', username: 'Ola_Nord' });
    expect((await service.findTarget('9100000104'))?.id).toBe(user.id);
    expect((await service.findTarget('@ola_nord'))?.id).toBe(user.id);
    expect((await service.findTarget('OLA_NORD'))?.id).toBe(user.id);
    expect(await service.findTarget('@ol')).toBeUndefined();
    expect(await service.findTarget("x' or 1=1 --")).toBeUndefined();
  });
});

describe('UpdateLog.claim with a sender', () => {
  it('counts the sender’s updates in the window in the claim statement, and a cool-down starts once', async () => {
    const log = new UpdateLog(handle.db);
    const sender = 9_100_000_201;
    const claims = [];
    for (let i = 0; i < 3; i++) claims.push(await log.claim(5_000_000 + i, sender, 60));
    expect(claims.map((c) => [c.claimed, c.recent, c.coolingDown])).toEqual([
      [true, 1, false],
      [true, 2, false],
      [true, 3, false],
    ]);
    // A redelivery is not taken and not counted again.
    expect(await log.claim(5_000_000, sender, 60)).toEqual({ claimed: false, recent: 3, coolingDown: false });
    // Another sender's count is their own.
    expect((await log.claim(5_000_100, sender + 1, 60)).recent).toBe(1);
    expect(await Promise.all([log.startCooldown(sender, 60), log.startCooldown(sender, 60)])).toSatisfy(
      (started: boolean[]) => started.filter(Boolean).length === 1,
    );
    expect((await log.claim(5_000_003, sender, 60)).coolingDown).toBe(true);
  });
});

describe('banned users and advertising', () => {
  it('are left out of audiences and of automatic campaigns (a win-back here) while the ban is in force', async () => {
    const audiences = new AudienceService(handle.db, { defaultLocale: 'ru', ownerIds: [OWNER] });
    const campaigns = new CampaignService(handle.db, [OWNER]);
    await campaigns.setEnabled('winback', true);
    await campaigns.setDelay('winback', 30);
    const idle = await users.register({ id: 9_100_000_301, first_name: 'Idle' });
    const idleBanned = await users.register({ id: 9_100_000_302, first_name: 'IdleBanned' });
    await handle.db
      .update(usersTable)
      .set({ lastSeenAt: new Date(Date.now() - 40 * 86_400_000) })
      .where(sql`${usersTable.id} in (${idle.id}, ${idleBanned.id})`);
    const before = await audiences.count({ kind: 'all' });
    const banned = await service.ban({ userId: idleBanned.id, reason: 'spam', bannedBy: OWNER, days: 0 });
    expect(banned.ok).toBe(true);
    expect(await audiences.count({ kind: 'all' })).toBe(before - 1);
    expect((await campaigns.sweep(new Date())).winback).toBe(1);
    const deliveries = await handle.db.select().from(broadcastDeliveries);
    expect(deliveries.map((d) => d.userId)).toEqual([idle.id]);
  });
});
