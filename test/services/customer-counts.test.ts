import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { orders, products, staff, users } from '../../src/db/schema/index.js';
import { AudienceService } from '../../src/services/audiences.js';
import { StatsService } from '../../src/services/stats.js';
import { createTestDatabase } from '../helpers/db.js';

/** Statistics and ad audiences count the studio's customers: owners and staff are left out. */

const NOW = new Date('2026-03-15T09:00:00Z');
const OWNER = 9_100_000_001;
const AGENT = 9_100_000_002;
const ADMIN = 9_100_000_003;
const CUSTOMERS = [9_100_000_010, 9_100_000_011, 9_100_000_012, 9_100_000_013, 9_100_000_014];

let handle: DatabaseHandle;
let stats: StatsService;
let audiences: AudienceService;

beforeAll(async () => {
  handle = await createTestDatabase();
  stats = new StatsService(handle.db, [OWNER]);
  audiences = new AudienceService(handle.db, { defaultLocale: 'ru', ownerIds: [OWNER] });
  const people = [OWNER, AGENT, ADMIN, ...CUSTOMERS];
  const rows = await handle.db
    .insert(users)
    .values(people.map((telegramId) => ({ telegramId, firstName: `P${telegramId % 100}`, createdOn: NOW })))
    .returning();
  const idOf = (telegramId: number) => rows.find((r) => r.telegramId === telegramId)!.id;
  await handle.db.insert(staff).values([
    { telegramId: AGENT, role: 'support' },
    { telegramId: ADMIN, role: 'admin' },
  ]);
  const [product] = await handle.db
    .insert(products)
    .values({ title: 'Landing', description: 'A page', price: 1000, deadlineDays: 3 })
    .returning();
  // Two customers ordered; the owner and an agent placed test orders too.
  const buyers = [CUSTOMERS[0]!, CUSTOMERS[1]!, OWNER, AGENT];
  await handle.db.insert(orders).values(
    buyers.map((telegramId, i) => ({
      productId: product!.id,
      userId: idOf(telegramId),
      state: 'done' as const,
      productTitle: 'Landing',
      price: 1000,
      deadlineDays: 3,
      finalPrice: 1000,
      email: `b${i}@example.com`,
      checkoutKey: `cc${i}`,
      createdOn: NOW,
    })),
  );
});
afterAll(async () => handle?.close());

describe('customers, not staff', () => {
  it('the funnel is 2 of 5: owners and staff are neither users nor buyers', async () => {
    const o = await stats.overview(new Date(NOW.getTime() + 60_000));
    expect(o.users.total).toBe(5);
    expect(o.users.new7).toBe(5);
    expect(o.users.new30).toBe(5);
    expect(o.buyers).toBe(2);
    expect(o.conversion).toBeCloseTo(0.4, 6);
    // Orders and revenue are the studio's real figures, whoever placed them.
    expect(o.orders.done).toBe(4);
    expect(o.revenue).toBe(4000);
  });

  it('the daily chart counts new customers only, and the revenue of done orders', async () => {
    const points = await stats.daily(3, 'UTC', NOW);
    expect(points.at(-1)).toEqual({ day: '2026-03-15', orders: 4, users: 5, revenue: 4000 });
  });

  it('ad audiences leave out the owner and staff', async () => {
    expect(await audiences.count({ kind: 'all' })).toBe(5);
    expect(await audiences.count({ kind: 'customers' })).toBe(2);
    expect(await audiences.count({ kind: 'no_orders' })).toBe(3);
    expect(await audiences.count({ kind: 'language', language: 'ru' })).toBe(5);
    expect(await audiences.languages()).toEqual([{ language: 'ru', users: 5 }]);
  });
});
