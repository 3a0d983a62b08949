import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import {
  broadcastDeliveries,
  broadcastRuns,
  broadcasts,
  orders,
  products,
  promoCodes,
  sessions,
  users,
} from '../../src/db/schema/index.js';
import { nextOccurrence, parseLocalDateTime } from '../../src/jobs/schedule.js';
import { AudienceService } from '../../src/services/audiences.js';
import { BroadcastService } from '../../src/services/broadcasts/index.js';
import { CampaignService } from '../../src/services/campaigns.js';
import { StaffService } from '../../src/services/staff.js';
import { UserService } from '../../src/services/users.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';

let handle: DatabaseHandle;
let bc: BroadcastService;
let audiences: AudienceService;
let campaigns: CampaignService;
let userService: UserService;
let nextTelegramId = 8_000_000_000;

beforeAll(async () => {
  handle = await createTestDatabase();
  bc = new BroadcastService(handle.db, { defaultLocale: 'ru', ownerIds: [] });
  audiences = new AudienceService(handle.db, { defaultLocale: 'ru', ownerIds: [] });
  campaigns = new CampaignService(handle.db);
  userService = new UserService(handle.db);
});
afterAll(async () => handle.close());

async function clean() {
  await handle.db.execute(
    sql`truncate broadcast_deliveries, broadcast_runs, broadcast_clicks, broadcasts, campaign_sends,
        campaign_settings, product_announcements, job_leases, promo_redemptions, orders, promo_codes,
        products, sessions, users restart identity cascade`,
  );
}

async function user(profile: { language?: string | null } = {}) {
  return userService.register({
    id: nextTelegramId++,
    first_name: 'U',
    ...(profile.language === null ? {} : { language_code: profile.language ?? 'ru' }),
  });
}

async function product(title: string, isActive = true) {
  const [row] = await handle.db
    .insert(products)
    .values({ title, description: 'd', price: 1000, deadlineDays: 3, isActive })
    .returning();
  if (!row) throw new Error('no product');
  return row;
}

async function order(userId: number, productId: number, createdOn = new Date()) {
  await handle.db.insert(orders).values({
    userId,
    productId,
    productTitle: 'x',
    price: 1000,
    deadlineDays: 3,
    finalPrice: 1000,
    email: `${userId}-${Math.random()}@example.com`,
    checkoutKey: `${userId}-${Math.random()}`,
    createdOn,
  });
}

async function orderSession(telegramId: number, productId: number, updatedAt: Date, step = 'email') {
  await handle.db.insert(sessions).values({
    key: String(telegramId),
    value: { dialog: { name: 'order', step, data: { productId } } },
    updatedAt,
  });
}

const deliveriesOf = (runId: number) =>
  handle.db.select().from(broadcastDeliveries).where(eq(broadcastDeliveries.runId, runId));

describe('audiences', () => {
  beforeEach(clean);

  it('count each segment and never include opted-out or blocked users', async () => {
    const p = await product('Site');
    const buyer = await user();
    const browser = await user({ language: 'en' });
    const noLang = await user({ language: null });
    const optedOut = await user();
    const blocked = await user();
    await userService.setAdsOptOut(optedOut.id, true);
    await userService.markBlocked(blocked.telegramId);
    await order(buyer.id, p.id);
    await order(optedOut.id, p.id);
    await orderSession(browser.telegramId, p.id, new Date());

    expect(await audiences.count({ kind: 'all' })).toBe(3);
    expect(await audiences.count({ kind: 'customers' })).toBe(1);
    expect(await audiences.count({ kind: 'no_orders' })).toBe(2);
    expect(await audiences.count({ kind: 'abandoned' })).toBe(1);
    expect(await audiences.count({ kind: 'language', language: 'en' })).toBe(1);
    // Users without a language code belong to the default locale's audience.
    expect(await audiences.count({ kind: 'language', language: 'ru' })).toBe(2);
    expect(noLang.languageCode).toBeNull();
  });
});

describe('BroadcastService', () => {
  beforeEach(clean);

  it('confirming "now" creates one run with one delivery per reachable user, once', async () => {
    const a = await user();
    const b = await user();
    const opted = await user();
    await userService.setAdsOptOut(opted.id, true);
    const draft = await bc.createDraft(1, { text: '<b>Hi</b>' });
    const [first, second] = await Promise.all([
      bc.confirm(draft.id, new Date(), 1),
      bc.confirm(draft.id, new Date(), 1),
    ]);
    const oks = [first, second].filter((r) => r.ok);
    expect(oks).toHaveLength(1);
    const run = oks[0]?.ok ? oks[0].run : undefined;
    expect(run?.total).toBe(2);
    const rows = await deliveriesOf(run?.id ?? 0);
    expect(rows.map((r) => r.userId).sort()).toEqual([a.id, b.id].sort());
  });

  it('recovery requeues claimed rows and counts in-flight rows as delivered-unconfirmed', async () => {
    for (let i = 0; i < 6; i++) await user();
    const draft = await bc.createDraft(1, { text: 'x' });
    await bc.confirm(draft.id, new Date(), null);
    const claimed = await bc.claim('dead', 4);
    expect(claimed).toHaveLength(4);
    await bc.markSending(
      'dead',
      claimed.slice(0, 2).map((r) => r.id),
    );
    await bc.finish('dead', [{ id: claimed[0]?.id ?? 0, state: 'sent', messageId: 5 }]);
    // A second claimer cannot take rows that are claimed.
    const other = await bc.claim('alive', 10);
    expect(other).toHaveLength(2);
    await bc.release(
      'alive',
      other.map((r) => r.id),
    );
    const recovered = await bc.recover('alive');
    expect(recovered).toEqual({ released: 2, unconfirmed: 1 });
    const states = (await handle.db.select().from(broadcastDeliveries)).map((r) => r.state).sort();
    expect(states).toEqual(['pending', 'pending', 'pending', 'pending', 'sent', 'unconfirmed']);
    // A dead holder's late result no longer changes a row it lost.
    await bc.finish('dead', [{ id: claimed[1]?.id ?? 0, state: 'failed', error: 'late' }]);
    const [row] = await handle.db
      .select()
      .from(broadcastDeliveries)
      .where(eq(broadcastDeliveries.id, claimed[1]?.id ?? 0));
    expect(row?.state).toBe('unconfirmed');
  });

  it('the lease has one holder until it expires', async () => {
    expect(await bc.acquireLease('job', 'a', 60_000)).toBe(true);
    expect(await bc.acquireLease('job', 'b', 60_000)).toBe(false);
    expect(await bc.acquireLease('job', 'a', 60_000)).toBe(true);
    await handle.db.execute(sql`update job_leases set expires_at = now() - interval '1 second'`);
    expect(await bc.acquireLease('job', 'b', 60_000)).toBe(true);
    expect(await bc.acquireLease('job', 'a', 60_000)).toBe(false);
  });

  it('pause stops claiming, cancel drops what is pending, a finished run is marked done', async () => {
    for (let i = 0; i < 3; i++) await user();
    const draft = await bc.createDraft(1, { text: 'x' });
    const confirmed = await bc.confirm(draft.id, new Date(), 1);
    const runId = confirmed.ok ? (confirmed.run?.id ?? 0) : 0;
    expect(await bc.pause(runId)).toBe(true);
    expect(await bc.claim('h', 10)).toHaveLength(0);
    expect(await bc.resume(runId)).toBe(true);
    const [one] = await bc.claim('h', 1);
    await bc.markSending('h', [one?.id ?? 0]);
    await bc.finish('h', [{ id: one?.id ?? 0, state: 'sent' }]);
    expect(await bc.cancel(runId)).toBe(true);
    expect(await bc.cancel(runId)).toBe(false);
    const progress = await bc.progress(runId);
    expect(progress).toMatchObject({ total: 3, sent: 1, cancelled: 2, pending: 0 });
  });

  it('a broadcast scheduled a minute ahead fires once, when due', async () => {
    await user();
    const now = new Date('2030-01-01T10:00:00Z');
    const draft = await bc.createDraft(1, { text: 'x' });
    await bc.updateDraft(draft.id, { scheduleKind: 'once', nextRunAt: new Date(now.getTime() + 60_000) });
    expect((await bc.confirm(draft.id, now, 1)).ok).toBe(true);
    const next = nextOccurrence('Europe/Moscow');
    expect(await bc.fireDue(now, next)).toBeUndefined();
    const run = await bc.fireDue(new Date(now.getTime() + 61_000), next);
    expect(run?.total).toBe(1);
    expect(await bc.fireDue(new Date(now.getTime() + 3_600_000), next)).toBeUndefined();
    expect((await bc.get(draft.id))?.state).toBe('sent');
  });

  it('a daily broadcast fires on each day at its local time', async () => {
    await user();
    const tz = 'Europe/Moscow';
    const draft = await bc.createDraft(1, { text: 'x' });
    const first = parseLocalDateTime('2030-01-01 09:30', tz);
    expect(first?.toISOString()).toBe('2030-01-01T06:30:00.000Z');
    await bc.updateDraft(draft.id, { scheduleKind: 'daily', cron: '30 9 * * *', nextRunAt: first ?? null });
    await bc.confirm(draft.id, new Date('2030-01-01T00:00:00Z'), null);
    const next = nextOccurrence(tz);
    const fired: string[] = [];
    for (let hour = 0; hour < 72; hour++) {
      const at = new Date(Date.UTC(2030, 0, 1, hour, 45));
      const run = await bc.fireDue(at, next);
      if (run) fired.push(run.scheduledFor.toISOString());
    }
    expect(fired).toEqual([
      '2030-01-01T06:30:00.000Z',
      '2030-01-02T06:30:00.000Z',
      '2030-01-03T06:30:00.000Z',
    ]);
    expect((await bc.get(draft.id))?.nextRunAt?.toISOString()).toBe('2030-01-04T06:30:00.000Z');
  });

  it.skipIf(!onPostgres())('two schedulers racing fire a due broadcast once', async () => {
    for (let i = 0; i < 50; i++) await user();
    const now = new Date();
    const draft = await bc.createDraft(1, { text: 'x' });
    await bc.updateDraft(draft.id, { scheduleKind: 'once', nextRunAt: new Date(now.getTime() - 1000) });
    await bc.confirm(draft.id, now, null);
    const other = await createTestDatabaseSibling();
    const next = nextOccurrence('UTC');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? bc : other).fireDue(new Date(), next)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const runs = await handle.db.select().from(broadcastRuns).where(eq(broadcastRuns.broadcastId, draft.id));
    expect(runs).toHaveLength(1);
    expect(await deliveriesOf(runs[0]?.id ?? 0)).toHaveLength(50);
  });

  it('stats count deliveries by state, clicks, and orders within 7 days after a click', async () => {
    const p = await product('Shop');
    const [a, b, c] = [await user(), await user(), await user()];
    const draft = await bc.createDraft(1, { text: 'x' });
    const confirmed = await bc.confirm(draft.id, new Date(), 1);
    const runId = confirmed.ok ? (confirmed.run?.id ?? 0) : 0;
    const claimed = await bc.claim('h', 10);
    await bc.markSending(
      'h',
      claimed.map((r) => r.id),
    );
    await bc.finish('h', [
      { id: claimed[0]?.id ?? 0, state: 'sent' },
      { id: claimed[1]?.id ?? 0, state: 'blocked' },
      { id: claimed[2]?.id ?? 0, state: 'failed', error: 'x' },
    ]);
    expect(await bc.recordClick(draft.id, a.id, p.id)).toBe(true);
    expect(await bc.recordClick(draft.id, a.id, p.id)).toBe(true);
    expect(await bc.recordClick(draft.id, b.id, p.id)).toBe(true);
    expect(await bc.recordClick(9999, b.id, p.id)).toBe(false);
    await order(a.id, p.id, new Date(Date.now() + 3 * 86_400_000));
    await order(b.id, p.id, new Date(Date.now() + 8 * 86_400_000));
    await order(c.id, p.id, new Date(Date.now() + 86_400_000));
    await order(a.id, p.id, new Date(Date.now() - 86_400_000));
    expect(await bc.stats(draft.id)).toMatchObject({
      runs: 1,
      total: 3,
      delivered: 1,
      blocked: 1,
      failed: 1,
      clicks: 3,
      clickers: 2,
      orders: 1,
    });
    expect(await bc.finishRuns()).toEqual([runId]);
  });
});

describe('CampaignService', () => {
  beforeEach(clean);

  it('reminds a user who stopped at the email step once per product, after N hours', async () => {
    await campaigns.setEnabled('abandoned', true);
    await campaigns.setDelay('abandoned', 2);
    const p = await product('Landing');
    const q = await product('Shop');
    const u = await user();
    const fresh = await user();
    const now = new Date();
    await orderSession(u.telegramId, p.id, now);
    await orderSession(fresh.telegramId, q.id, new Date(now.getTime() + 90 * 60_000));
    expect((await campaigns.sweep(new Date(now.getTime() + 60 * 60_000))).abandoned).toBe(0);
    const later = new Date(now.getTime() + 2 * 3_600_000 + 60_000);
    expect((await campaigns.sweep(later)).abandoned).toBe(1);
    expect((await campaigns.sweep(new Date(later.getTime() + 1000))).abandoned).toBe(0);
    const rows = await handle.db.select().from(broadcastDeliveries);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: u.id, vars: { productId: p.id, product: 'Landing' } });
    // Later the same user abandons another product: a new reminder, for that product.
    await handle.db
      .update(sessions)
      .set({ value: { dialog: { name: 'order', step: 'email', data: { productId: q.id } } } })
      .where(eq(sessions.key, String(u.telegramId)));
    expect((await campaigns.sweep(new Date(later.getTime() + 4 * 3_600_000))).abandoned).toBe(2);
  });

  it('wins back inactive users with a personal single-use promo code, once per inactive spell', async () => {
    await campaigns.setEnabled('winback', true);
    await campaigns.setDelay('winback', 30);
    const idle = await user();
    await user();
    await handle.db
      .update(users)
      .set({ lastSeenAt: new Date(Date.now() - 40 * 86_400_000) })
      .where(eq(users.id, idle.id));
    expect((await campaigns.sweep(new Date())).winback).toBe(1);
    expect((await campaigns.sweep(new Date())).winback).toBe(0);
    const codes = await handle.db.select().from(promoCodes);
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ ownerUserId: idle.id, maxUses: 1, kind: 'percent', value: 10 });
    const [delivery] = await handle.db.select().from(broadcastDeliveries);
    expect(delivery?.vars).toMatchObject({ code: codes[0]?.code });
  });

  it('follows up N hours after /start users who have not ordered', async () => {
    await campaigns.setEnabled('followup', true);
    await campaigns.setDelay('followup', 24);
    const p = await product('Bot');
    const waiting = await user();
    const buyer = await user();
    await order(buyer.id, p.id);
    const tomorrow = new Date(Date.now() + 25 * 3_600_000);
    expect((await campaigns.sweep(tomorrow)).followup).toBe(1);
    expect((await campaigns.sweep(tomorrow)).followup).toBe(0);
    const [delivery] = await handle.db.select().from(broadcastDeliveries);
    expect(delivery?.userId).toBe(waiting.id);
  });

  it('announces a new product and a re-enabled one to everyone, once per transition', async () => {
    await product('Old');
    await campaigns.sweep(new Date());
    await campaigns.setEnabled('new_product', true);
    await user();
    await user();
    expect((await campaigns.sweep(new Date())).new_product).toBe(0);
    const p = await product('Fresh');
    expect((await campaigns.sweep(new Date())).new_product).toBe(2);
    expect((await campaigns.sweep(new Date())).new_product).toBe(0);
    await handle.db.update(products).set({ isActive: false }).where(eq(products.id, p.id));
    expect((await campaigns.sweep(new Date())).new_product).toBe(0);
    await handle.db.update(products).set({ isActive: true }).where(eq(products.id, p.id));
    expect((await campaigns.sweep(new Date())).new_product).toBe(2);
    const carrier = await campaigns.carrier('new_product');
    expect((await handle.db.select().from(broadcasts).where(eq(broadcasts.id, carrier)))[0]?.kind).toBe(
      'campaign',
    );
  });

  it('automatic campaigns reach customers only: owners and staff are left out', async () => {
    const owner = await user();
    const agent = await user();
    const customerRow = await user();
    await new StaffService(handle.db, []).upsert(agent.telegramId, 'support', owner.telegramId);
    const studio = new CampaignService(handle.db, [owner.telegramId]);
    await product('Old');
    await studio.sweep(new Date());
    await studio.setEnabled('new_product', true);
    await product('Fresh');
    expect((await studio.sweep(new Date())).new_product).toBe(1);
    const recipients = await handle.db
      .select({ userId: broadcastDeliveries.userId })
      .from(broadcastDeliveries);
    expect(recipients.map((r) => r.userId)).toEqual([customerRow.id]);
  });

  it('switched-off campaigns queue nothing', async () => {
    const p = await product('X');
    const u = await user();
    await orderSession(u.telegramId, p.id, new Date(Date.now() - 10 * 3_600_000));
    expect(await campaigns.sweep(new Date())).toEqual({
      new_product: 0,
      abandoned: 0,
      winback: 0,
      followup: 0,
    });
  });
});

/** A second connection pool to the same database (a second bot instance). */
async function createTestDatabaseSibling(): Promise<BroadcastService> {
  const { connectPostgres } = await import('../../src/db/client.js');
  const url = (handle as DatabaseHandle & { url?: string }).url;
  if (!url) throw new Error('no database url');
  const sibling = await connectPostgres(url, { max: 4 });
  afterAll(() => sibling.close());
  return new BroadcastService(sibling.db, { defaultLocale: 'ru', ownerIds: [] });
}
