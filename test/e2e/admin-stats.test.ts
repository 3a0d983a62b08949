import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, products, staff, tickets, users } from '../../src/db/schema/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';
import { openAdminSection, startWithOwner } from './admin-flow.js';

let h: Harness;
let owner: TestUser;

const DAY = 24 * 60 * 60 * 1000;
const now = Date.now();
const ago = (days: number) => new Date(now - days * DAY);

beforeAll(async () => {
  ({ h, owner } = await startWithOwner());
});
afterAll(async () => h?.close());

/** Inserts a known data set: the expected figures below are computed from these arrays alone. */
async function seed() {
  const userAges = [0, 1, 3, 6, 8, 12, 20, 29, 31, 40, 60];
  const blocked = new Set([2, 5, 9]);
  const inserted = await h.db
    .insert(users)
    .values(
      userAges.map((days, i) => ({
        telegramId: 9_100_000_000 + i,
        firstName: `S${i}`,
        createdOn: ago(days),
        blockedAt: blocked.has(i) ? ago(0) : null,
      })),
    )
    .returning({ id: users.id });
  // The last seeded person is a support agent: not a customer.
  await h.db.insert(staff).values({ telegramId: 9_100_000_000 + userAges.length - 1, role: 'support' });
  const [product] = await h.db
    .insert(products)
    .values({ title: 'Stats product', description: 'x', price: 5000, deadlineDays: 5 })
    .returning();
  const orderSpec = [
    { user: 0, state: 'done', price: 15000, days: 1 },
    { user: 0, state: 'done', price: 2500, days: 2 },
    { user: 1, state: 'created', price: 5000, days: 0 },
    { user: 3, state: 'in_work', price: 7000, days: 4 },
    { user: 4, state: 'cancelled', price: 9000, days: 10 },
    { user: 6, state: 'done', price: 1234, days: 12 },
  ] as const;
  await h.db.insert(orders).values(
    orderSpec.map((o, i) => ({
      productId: product!.id,
      userId: inserted[o.user]!.id,
      state: o.state,
      productTitle: 'Stats product',
      price: o.price,
      deadlineDays: 5,
      finalPrice: o.price,
      email: `s${i}@example.com`,
      checkoutKey: `stats-${i}`,
      createdOn: ago(o.days),
    })),
  );
  const ticketSpec = [
    { user: 0, state: 'closed', responseMin: 10, rating: 5 },
    { user: 1, state: 'closed', responseMin: 30, rating: 4 },
    { user: 2, state: 'closed', responseMin: null, rating: null },
    { user: 3, state: 'in_work', responseMin: 20, rating: null },
    { user: 4, state: 'created', responseMin: null, rating: null },
  ] as const;
  const created = ago(3);
  await h.db.insert(tickets).values(
    ticketSpec.map((t) => ({
      userId: inserted[t.user]!.id,
      text: 'help',
      state: t.state,
      createdAt: created,
      firstResponseAt: t.responseMin === null ? null : new Date(created.getTime() + t.responseMin * 60_000),
      rating: t.rating,
    })),
  );
  return { userAges, blocked, orderSpec, ticketSpec };
}

describe('statistics screen', () => {
  it('on a new install the chart is a sentence, not a month of zeros', async () => {
    const screen = await openAdminSection(owner, '📊 Статистика', 'Статистика');
    // Only the owner has started the bot, and the owner is not a customer.
    expect(textOf(screen)).toContain('Клиенты: 0\n');
    await owner.press(screen, '📈 30 дней');
    const answer = await owner.reply(/📈/);
    expect(answer.photo).toBeUndefined();
    expect(textOf(answer)).toBe(
      '📈 За последние 30 дней не было ни заказов, ни новых клиентов. График появится, когда они будут.',
    );
    expect(buttonsOf(answer).map((b) => b.text)).toEqual(['7 дней', '• 30 дней', '90 дней']);
  });

  it('shows the figures of the database and sends the chart as a PNG photo, redrawn in place for another period', async () => {
    const { userAges, blocked, orderSpec, ticketSpec } = await seed();
    // Customers only: the seeded users but the agent; the owner (who pressed Start) is not counted.
    const totalUsers = userAges.length - 1;
    const new7 = userAges.filter((d) => d < 7).length;
    const new30 = userAges.filter((d) => d < 30).length;
    const countState = (s: string) => orderSpec.filter((o) => o.state === s).length;
    const revenue = orderSpec.filter((o) => o.state === 'done').reduce((sum, o) => sum + o.price, 0);
    const buyers = new Set(orderSpec.map((o) => o.user)).size;
    const answered = ticketSpec.filter((t) => t.responseMin !== null);
    const meanMinutes = answered.reduce((sum, t) => sum + (t.responseMin ?? 0), 0) / answered.length;
    const rated = ticketSpec.filter((t) => t.rating !== null);
    const meanRating = rated.reduce((sum, t) => sum + (t.rating ?? 0), 0) / rated.length;

    const screen = await openAdminSection(owner, '📊 Статистика', 'Статистика');
    const text = textOf(screen);
    expect(text).toContain(`Клиенты: ${totalUsers}\n`);
    expect(text).toContain(`новых за 7 дней: ${new7}, за 30 дней: ${new30}`);
    expect(text).toContain(`заблокировали бота: ${blocked.size}`);
    expect(text).toContain(
      `Заказы: новые ${countState('created')}, в работе ${countState('in_work')}, выполнены ${countState('done')}, отменены ${countState('cancelled')}`,
    );
    const rub = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 })
      .format(revenue)
      .replace(/\s/g, '\u00a0');
    expect(text).toContain(`Выручка (выполненные заказы): ${rub}\u00a0₽`);
    expect(text).toContain(
      `Конверсия: ${((buyers / totalUsers) * 100).toFixed(1).replace('.', ',')}\u00a0% (заказывали ${buyers} из ${totalUsers})`,
    );
    expect(text).toContain(
      `Тикеты: открыты ${ticketSpec.filter((t) => t.state !== 'closed').length}, закрыты ${ticketSpec.filter((t) => t.state === 'closed').length}`,
    );
    expect(text).toContain(`Среднее время первого ответа: ${Math.round(meanMinutes)} мин`);
    expect(text).toContain(
      `Средняя оценка: ${meanRating.toFixed(2).replace('.', ',')} (всего оценок: ${rated.length})`,
    );

    await owner.press(screen, '📈 30 дней');
    const photo = await owner.reply((m) => m.photo !== undefined);
    const bytes = h.emu.fileBytes(photo.photo_file_id!);
    expect(bytes?.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes?.readUInt32BE(16)).toBe(960);
    const inWindow = orderSpec.filter((o) => o.days < 30).length;
    const revenue30 = orderSpec
      .filter((o) => o.days < 30 && o.state === 'done')
      .reduce((sum, o) => sum + o.price, 0);
    const rub30 = new Intl.NumberFormat('ru-RU').format(revenue30).replace(/\s/g, '\u00a0');
    expect(textOf(photo)).toContain(`заказов — ${inWindow}, выручка — ${rub30}\u00a0₽`);
    expect(buttonsOf(photo).map((b) => b.text)).toEqual(['7 дней', '• 30 дней', '90 дней']);

    // Another period replaces the picture of the same message.
    const monthFile = photo.photo_file_id;
    await owner.press(photo, '7 дней');
    const week = await owner.waitFor(
      (m) => m.message_id === photo.message_id && buttonsOf(m).some((b) => b.text === '• 7 дней'),
    );
    expect(week.photo_file_id).not.toBe(monthFile);
    expect(textOf(week)).toContain(`заказов — ${orderSpec.filter((o) => o.days < 7).length},`);
  });
});
