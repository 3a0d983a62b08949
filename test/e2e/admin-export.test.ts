import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices, orders, payments, tickets } from '../../src/db/schema/index.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';
import { openAdminSection, startWithOwner } from './admin-flow.js';
import { userRow } from './support-flow.js';

let h: Harness;
let owner: TestUser;
let ivan: TestUser;
let petr: TestUser;

/** RFC 4180 records of a CSV text (quoted cells with doubled quotes and line breaks inside). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  expect(record).toEqual([]);
  return records;
}

const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  ({ h, owner } = await startWithOwner());
  ivan = await h.startedUser({ firstName: 'Иван', username: 'ivan_k' });
  petr = await h.startedUser({ firstName: 'Пётр, "Большой"' });
  const ivanRow = await userRow(h, ivan);
  const petrRow = await userRow(h, petr);
  const order = (userId: number, key: string, extra: Partial<typeof orders.$inferInsert>) => ({
    userId,
    productTitle: 'Лендинг',
    price: 30000,
    deadlineDays: 5,
    finalPrice: 30000,
    email: `${key}@example.com`,
    checkoutKey: `export-${key}`,
    ...extra,
  });
  const [paid] = await h.db
    .insert(orders)
    .values(
      order(ivanRow.id, 'ivan1', {
        promoCode: 'ОСЕНЬ',
        discount: 3000,
        finalPrice: 27000,
        paymentState: 'paid',
      }),
    )
    .returning();
  // Paid by card in two parts (a deposit and the rest), 27,000.50 ₽ in kopecks.
  for (const [kind, amount, charge] of [
    ['deposit', 810_000, 'tg-charge-1'],
    ['remainder', 1_890_050, 'tg-charge-2'],
  ] as const) {
    const [invoice] = await h.db
      .insert(invoices)
      .values({
        payload: `export-${charge}`,
        orderId: paid!.id,
        kind,
        currency: 'RUB',
        amount,
        state: 'paid',
        expiresAt: new Date(Date.now() + DAY),
      })
      .returning();
    await h.db.insert(payments).values({
      orderId: paid!.id,
      invoiceId: invoice!.id,
      currency: 'RUB',
      amount,
      telegramChargeId: charge,
      providerChargeId: `provider-${charge}`,
    });
  }
  await h.db.insert(orders).values([
    order(petrRow.id, 'petr1', {
      productTitle: '=HYPERLINK("x")',
      state: 'cancelled',
      cancelledBy: 'customer',
    }),
    order(ivanRow.id, 'ivan-old', { createdOn: new Date(Date.now() - 40 * DAY) }),
    order(petrRow.id, 'petr-2020', { createdOn: new Date('2020-01-15T12:00:00Z'), state: 'done' }),
  ]);
  await h.db.insert(tickets).values({ userId: ivanRow.id, text: 'Сайт, "не" открывается\nсовсем' });
});
afterAll(async () => h?.close());

/** /admin → Export → `kind` → `period`; resolves with the document the bot sends. */
async function exportVia(
  kind: string,
  period: string,
): Promise<{ message: StoredMessage; csv: string; bytes: Buffer }> {
  const menu = await openAdminSection(owner, '📤 Выгрузка', 'Выгрузка');
  await owner.press(menu, kind);
  await owner.waitFor((m) => m.message_id === menu.message_id && textOf(m).includes('за какой период'));
  const before = owner.botMessages().length;
  await owner.press(menu, period);
  const message = await owner.waitFor(
    (m) => m.document !== undefined && owner.botMessages().indexOf(m) >= before,
    15_000,
  );
  return { message, ...documentOf(message) };
}

function documentOf(message: StoredMessage): { csv: string; bytes: Buffer } {
  const bytes = h.emu.fileBytes(message.document!.file_id);
  if (!bytes) throw new Error('the document has no bytes');
  return { bytes, csv: bytes.toString('utf8') };
}

describe('CSV exports', () => {
  it('exports the orders of 30 days as a CSV with a BOM whose rows match the orders table', async () => {
    const { message, csv, bytes } = await exportVia('🧾 Заказы', '30 дней');
    expect(message.document?.file_name).toMatch(/^orders_\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([
      'Заказ',
      'Создан',
      'Клиент',
      'Имя пользователя',
      'Telegram ID',
      'Email',
      'Услуга',
      'Цена',
      'Промокод',
      'Скидка',
      'Итого',
      'Статус',
      'Взят в работу',
      'Выполнен',
      'Отменён',
      'Оплата',
      'Оплачено',
      'Валюта оплаты',
      'Дата оплаты',
    ]);
    const recent = (await h.db.select().from(orders).orderBy(asc(orders.id))).filter(
      (o) => o.createdOn.getTime() > Date.now() - 30 * DAY,
    );
    expect(rows.map((r) => Number(r[0]))).toEqual(recent.map((o) => o.id));
    for (const [i, o] of recent.entries()) {
      const row = rows[i]!;
      expect(row[5]).toBe(o.email);
      expect(row[7]).toBe(String(o.price));
      expect(row[10]).toBe(String(o.finalPrice));
    }
    const ivanRow = rows.find((r) => r[5] === 'ivan1@example.com')!;
    expect(ivanRow.slice(2, 5)).toEqual(['Иван', 'ivan_k', String(ivan.id)]);
    expect(ivanRow.slice(6, 12)).toEqual(['Лендинг', '30000', 'ОСЕНЬ', '3000', '27000', 'новый']);
    // The payments of the order: both parts summed, in roubles.
    expect(ivanRow.slice(15, 18)).toEqual(['оплачен', '27000.5', 'RUB']);
    expect(ivanRow[18]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const petrRow = rows.find((r) => r[5] === 'petr1@example.com')!;
    // Quoting keeps the comma and quotes of a name; a formula becomes text.
    expect(petrRow[2]).toBe('Пётр, "Большой"');
    expect(csv).toContain('"Пётр, ""Большой"""');
    expect(petrRow[6]).toBe(`'=HYPERLINK("x")`);
    expect(petrRow[11]).toBe('отменён');
    expect(petrRow[14]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(petrRow.slice(15)).toEqual(['не оплачен', '', '', '']);
    expect(textOf(message)).toContain('строк: 2');
  });

  it('exports a typed period, both days included', async () => {
    const menu = await openAdminSection(owner, '📤 Выгрузка', 'Выгрузка');
    await owner.press(menu, '🧾 Заказы');
    await owner.waitFor((m) => m.message_id === menu.message_id && textOf(m).includes('за какой период'));
    await owner.press(menu, '📅 Другие даты');
    await owner.waitFor((m) => m.message_id === menu.message_id && textOf(m).includes('двумя датами'));
    owner.send('15.01.2020 - 1.2.2019');
    await owner.reply('Не получилось разобрать даты');
    owner.send('15.01.2020–15.01.2020');
    const message = await owner.reply((m) => m.document !== undefined, 15_000);
    const [, ...rows] = parseCsv(documentOf(message).csv.slice(1));
    expect(rows.map((r) => r[5])).toEqual(['petr-2020@example.com']);
    expect(rows[0]![11]).toBe('выполнен');
  });

  it('exports customers and tickets with their columns', async () => {
    const customers = await exportVia('👥 Клиенты', 'За всё время');
    const [header, ...rows] = parseCsv(customers.csv.slice(1));
    expect(header).toContain('Заказов');
    // Staff and owners are not customers.
    expect(rows.map((r) => r[0]).sort()).toEqual([String(ivan.id), String(petr.id)].sort());
    const ivanRow = rows.find((r) => r[0] === String(ivan.id))!;
    expect(ivanRow.slice(1, 5)).toEqual(['Иван', 'ivan_k', '', 'ru']);
    expect(ivanRow.slice(7)).toEqual(['2', 'да', 'нет']);

    const exported = await exportVia('🎧 Обращения в поддержку', '7 дней');
    const [ticketHeader, ...ticketRows] = parseCsv(exported.csv.slice(1));
    expect(ticketHeader).toEqual([
      'Обращение',
      'Создан',
      'Клиент',
      'Telegram ID',
      'Вопрос',
      'Статус',
      'Сотрудник',
      'Минут до взятия',
      'Минут до закрытия',
      'Оценка',
    ]);
    expect(ticketRows).toHaveLength(1);
    expect(ticketRows[0]!.slice(2, 7)).toEqual([
      'Иван',
      String(ivan.id),
      'Сайт, "не" открывается\nсовсем',
      'ожидает',
      '',
    ]);
  });

  it('refuses the export to a support agent and a customer, even with forged buttons', async () => {
    const agent = await h.startedUser({ firstName: 'Agent' });
    await h.makeStaff(agent, 'support');
    for (const who of [agent, ivan]) {
      who.send('/start');
      const screen = await who.reply();
      const answer = await who.forge(screen.message_id, 'adx:r:o:all');
      expect(answer?.show_alert).toBe(true);
      const menuAnswer = await who.forge(screen.message_id, 'adx:menu');
      expect(menuAnswer?.show_alert).toBe(true);
      expect(who.botMessages().some((m) => m.document !== undefined)).toBe(false);
      expect(buttonsOf(screen).some((b) => b.data?.startsWith('adx:'))).toBe(false);
    }
  });
});
