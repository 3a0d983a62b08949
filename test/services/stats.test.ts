import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { orders, products, tickets, users } from '../../src/db/schema/index.js';
import {
  activeSpan,
  CHART_MIN_FONT_PX,
  CHART_WIDTH,
  chartHeight,
  dailyChartSvg,
  niceScale,
  renderDailyChart,
} from '../../src/services/chart.js';
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
  const labels = Array.from({ length: 30 }, (_, i) => `${String(i + 1).padStart(2, '0')}.03`);
  const chart = {
    title: 'Статистика с 01.03 по 30.03',
    labels,
    panels: [
      {
        title: 'Выручка: 45 000 ₽',
        values: labels.map((_, i) => (i % 5) * 1500),
        formatTick: (v: number) => `${v / 1000}k`,
      },
      { title: 'Заказы: 42', values: labels.map((_, i) => i % 4) },
      { title: 'Новые клиенты: 87', values: labels.map((_, i) => i % 7) },
    ],
  };

  it('renders a PNG 960 px wide, one panel per series stacked', async () => {
    const png = await renderDailyChart(chart);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(CHART_WIDTH);
    expect(png.readUInt32BE(20)).toBe(chartHeight(3));
    expect(
      (await renderDailyChart({ ...chart, panels: chart.panels.slice(0, 1) })).readUInt32BE(20),
    ).toBeLessThan(chartHeight(3));
  });

  it('every text is at least 12 px when a phone shows the image 480 px wide', () => {
    const svg = dailyChartSvg(chart);
    const sizes = [...svg.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes) * (480 / CHART_WIDTH)).toBeGreaterThanOrEqual(12);
    expect(CHART_MIN_FONT_PX * (480 / CHART_WIDTH)).toBeGreaterThanOrEqual(12);
  });

  it('draws revenue, orders and new customers each on its own axis, with the money ticks formatted', () => {
    const svg = dailyChartSvg(chart);
    for (const title of ['Выручка: 45 000 ₽', 'Заказы: 42', 'Новые клиенты: 87'])
      expect(svg).toContain(title);
    // The revenue axis goes to 6k (max 6000), the orders axis to 3: separate scales.
    expect(svg).toContain('>6k<');
    expect(svg).toContain('>3<');
    // A few dates, not 30 of them, and always the last day.
    const dates = [...svg.matchAll(/>(\d\d\.03)</g)].map((m) => m[1]);
    expect(dates.length).toBeLessThanOrEqual(7);
    expect(dates).toContain('30.03');
  });

  it('draws the labels with the shipped font (the image changes when only the text changes)', async () => {
    const blank = await renderDailyChart({
      title: '',
      labels: labels.map(() => ''),
      panels: chart.panels.map((p) => ({ ...p, title: '' })),
    });
    expect((await renderDailyChart(chart)).equals(blank)).toBe(false);
  });

  it('escapes label text inside the SVG', () => {
    expect(dailyChartSvg({ ...chart, title: 'a <b> & c' })).toContain('a &lt;b&gt; &amp; c');
  });

  it('starts at the first day with activity, keeps at least a week, and gives nothing for a quiet period', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ i, n: i >= 26 ? 1 : 0 }));
    const active = (p: { n: number }) => p.n > 0;
    expect(activeSpan(days, active, 7)?.map((p) => p.i)).toEqual([23, 24, 25, 26, 27, 28, 29]);
    const early = days.map((p) => ({ ...p, n: p.i === 10 ? 1 : 0 }));
    expect(activeSpan(early, active, 7)?.[0]?.i).toBe(10);
    expect(activeSpan(early, active, 7)).toHaveLength(20);
    expect(
      activeSpan(
        days.map((p) => ({ ...p, n: 0 })),
        active,
        7,
      ),
    ).toBeUndefined();
  });

  it('picks a round y scale', () => {
    expect(niceScale(0)).toEqual({ top: 5, step: 1 });
    expect(niceScale(7)).toEqual({ top: 8, step: 2 });
    expect(niceScale(43)).toEqual({ top: 50, step: 10 });
  });
});
