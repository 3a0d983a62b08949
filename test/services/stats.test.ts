import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { orders, products, tickets, users } from '../../src/db/schema/index.js';
import { dailyChartSvg, niceScale, renderDailyChart } from '../../src/services/chart.js';
import { StatsService } from '../../src/services/stats.js';
import { createTestDatabase } from '../helpers/db.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-03-15T09:00:00Z');
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY - hours * 60 * 60 * 1000);

let handle: DatabaseHandle;
let stats: StatsService;

/** A small deterministic generator so the data is varied but the test repeatable. */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

type State = 'created' | 'in_work' | 'done' | 'cancelled';
const STATES: State[] = ['created', 'in_work', 'done', 'cancelled'];

const userRows: { telegramId: number; firstName: string; createdOn: Date; blockedAt: Date | null }[] = [];
const orderRows: { userIndex: number; state: State; finalPrice: number; createdOn: Date }[] = [];
const ticketRows: {
  userIndex: number;
  state: 'created' | 'in_work' | 'closed';
  createdAt: Date;
  firstResponseAt: Date | null;
  rating: number | null;
}[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  stats = new StatsService(handle.db);
  const rnd = lcg(42);
  for (let i = 0; i < 40; i++) {
    userRows.push({
      telegramId: 8_000_000_000 + i,
      firstName: `U${i}`,
      createdOn: ago(rnd(45), rnd(24)),
      blockedAt: rnd(5) === 0 ? ago(1) : null,
    });
  }
  const inserted = await handle.db.insert(users).values(userRows).returning({ id: users.id });
  const [product] = await handle.db
    .insert(products)
    .values({ title: 'Landing', description: 'A page', price: 1000, deadlineDays: 3 })
    .returning();
  for (let i = 0; i < 60; i++) {
    orderRows.push({
      userIndex: rnd(25),
      state: STATES[rnd(4)] as State,
      finalPrice: 100 * (1 + rnd(50)),
      createdOn: ago(rnd(35), rnd(24)),
    });
  }
  await handle.db.insert(orders).values(
    orderRows.map((o, i) => ({
      productId: product!.id,
      userId: inserted[o.userIndex]!.id,
      state: o.state,
      productTitle: 'Landing',
      price: o.finalPrice,
      deadlineDays: 3,
      finalPrice: o.finalPrice,
      email: `u${o.userIndex}@example.com`,
      checkoutKey: `k${i}`,
      createdOn: o.createdOn,
    })),
  );
  // One open ticket per user at most (a database rule): open tickets only for distinct users.
  for (let i = 0; i < 30; i++) {
    const closed = i >= 8;
    const createdAt = ago(rnd(20), rnd(24));
    const answered = closed || rnd(2) === 0;
    ticketRows.push({
      userIndex: i,
      state: closed ? 'closed' : i % 2 === 0 ? 'created' : 'in_work',
      createdAt,
      firstResponseAt: answered ? new Date(createdAt.getTime() + (60 + rnd(7200)) * 1000) : null,
      rating: closed && rnd(3) > 0 ? 1 + rnd(5) : null,
    });
  }
  await handle.db.insert(tickets).values(
    ticketRows.map((t) => ({
      userId: inserted[t.userIndex]!.id,
      text: 'help',
      state: t.state,
      createdAt: t.createdAt,
      firstResponseAt: t.firstResponseAt,
      rating: t.rating,
    })),
  );
});
afterAll(async () => handle?.close());

describe('StatsService.overview', () => {
  it('matches figures computed independently from the inserted rows', async () => {
    const o = await stats.overview(NOW);
    const within = (d: Date, days: number) => d.getTime() >= NOW.getTime() - days * DAY;
    expect(o.users).toEqual({
      total: userRows.length,
      new7: userRows.filter((u) => within(u.createdOn, 7)).length,
      new30: userRows.filter((u) => within(u.createdOn, 30)).length,
      blocked: userRows.filter((u) => u.blockedAt).length,
    });
    for (const state of STATES) {
      expect(o.orders[state]).toBe(orderRows.filter((r) => r.state === state).length);
    }
    expect(o.revenue).toBe(
      orderRows.filter((r) => r.state === 'done').reduce((sum, r) => sum + r.finalPrice, 0),
    );
    const buyers = new Set(orderRows.map((r) => r.userIndex)).size;
    expect(o.buyers).toBe(buyers);
    expect(o.conversion).toBeCloseTo(buyers / userRows.length, 10);
    expect(o.tickets).toEqual({
      open: ticketRows.filter((t) => t.state !== 'closed').length,
      closed: ticketRows.filter((t) => t.state === 'closed').length,
    });
    const answered = ticketRows.filter((t) => t.firstResponseAt);
    const meanResponse =
      answered.reduce((sum, t) => sum + (t.firstResponseAt!.getTime() - t.createdAt.getTime()) / 1000, 0) /
      answered.length;
    expect(o.avgFirstResponseSeconds).toBeCloseTo(meanResponse, 3);
    const rated = ticketRows.filter((t) => t.rating !== null);
    expect(o.ratedTickets).toBe(rated.length);
    expect(o.avgRating).toBeCloseTo(rated.reduce((sum, t) => sum + t.rating!, 0) / rated.length, 6);
  });

  it('gives zeros and nulls on an empty database', async () => {
    const empty = await createTestDatabase();
    try {
      const o = await new StatsService(empty.db).overview(NOW);
      expect(o.users.total).toBe(0);
      expect(o.conversion).toBe(0);
      expect(o.revenue).toBe(0);
      expect(o.orders).toEqual({ created: 0, in_work: 0, done: 0, cancelled: 0 });
      expect(o.avgFirstResponseSeconds).toBeNull();
      expect(o.avgRating).toBeNull();
    } finally {
      await empty.close();
    }
  });
});

describe('StatsService.daily', () => {
  it('counts orders and new users per calendar day of the studio time zone over 30 days', async () => {
    const timeZone = 'Europe/Moscow';
    const points = await stats.daily(30, timeZone, NOW);
    expect(points).toHaveLength(30);
    const dayOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
    expect(points.at(-1)?.day).toBe(dayOf(NOW));
    expect(points[0]?.day).toBe(dayOf(ago(29)));
    for (const point of points) {
      expect(point.orders, point.day).toBe(orderRows.filter((r) => dayOf(r.createdOn) === point.day).length);
      expect(point.users, point.day).toBe(userRows.filter((u) => dayOf(u.createdOn) === point.day).length);
    }
    const inWindow = orderRows.filter((r) => points.some((p) => p.day === dayOf(r.createdOn))).length;
    expect(points.reduce((sum, p) => sum + p.orders, 0)).toBe(inWindow);
  });
});

describe('chart rendering', () => {
  const points = Array.from({ length: 30 }, (_, i) => ({
    label: `${i + 1}.03`,
    orders: i % 4,
    users: i % 7,
  }));
  const texts = { title: 'Заказы и пользователи', orders: 'Заказы', users: 'Новые пользователи' };

  it('renders a PNG of the declared size', () => {
    const png = renderDailyChart(points, texts);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(1000);
    expect(png.readUInt32BE(20)).toBe(520);
  });

  it('draws the labels with the shipped font (the image changes when only the text changes)', () => {
    const blank = renderDailyChart(
      points.map((p) => ({ ...p, label: '' })),
      { title: '', orders: '', users: '' },
    );
    const labelled = renderDailyChart(points, texts);
    expect(labelled.equals(blank)).toBe(false);
    expect(dailyChartSvg(points, texts)).toContain('Новые пользователи');
  });

  it('escapes label text inside the SVG', () => {
    expect(dailyChartSvg(points, { ...texts, title: 'a <b> & c' })).toContain('a &lt;b&gt; &amp; c');
  });

  it('picks a round y scale', () => {
    expect(niceScale(0)).toEqual({ top: 5, step: 1 });
    expect(niceScale(7)).toEqual({ top: 8, step: 2 });
    expect(niceScale(43)).toEqual({ top: 50, step: 10 });
  });
});
