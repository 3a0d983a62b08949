import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, invoices, orders, payments, products, users } from '../../src/db/schema/index.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';
import { openAdminSection } from './admin-flow.js';

const PROVIDER_TOKEN = '1234567:TEST:e2e';

/** Opens the product by deep link, orders it with an email and no promo code, and confirms. */
async function placeOrder(h: Harness, who: TestUser, productId: number): Promise<number> {
  who.send(`/start p_${productId}`);
  const card = await who.reply((m) => buttonsOf(m).some((b) => b.data === `ord:new:${productId}`));
  await who.press(card, '🛒 Заказать');
  await who.reply(/email/i);
  who.send(`buyer${who.id}@example.com`);
  const promo = await who.reply(/промокод/i);
  await who.press(promo, 'Без промокода');
  const summary = await who.reply((m) => buttonsOf(m).some((b) => b.text === '✅ Подтвердить'));
  await who.press(summary, '✅ Подтвердить');
  await who.reply(/оформлен/);
  const [user] = await h.db.select().from(users).where(eq(users.telegramId, who.id));
  const [order] = await h.db
    .select()
    .from(orders)
    .where(eq(orders.userId, user!.id))
    .orderBy(sql`${orders.id} desc`)
    .limit(1);
  return order!.id;
}

const isInvoice = (m: StoredMessage) => m.invoice !== undefined;

async function userOf(h: Harness, who: TestUser) {
  const [row] = await h.db.select().from(users).where(eq(users.telegramId, who.id));
  return row!;
}

async function paymentRows(h: Harness, orderId: number) {
  return h.db.select().from(payments).where(eq(payments.orderId, orderId));
}

async function orderRow(h: Harness, orderId: number) {
  const [row] = await h.db.select().from(orders).where(eq(orders.id, orderId));
  return row!;
}

describe('payments: card and Stars, paid in full', () => {
  let h: Harness;
  let owner: TestUser;
  let logoId: number;

  beforeAll(async () => {
    h = await startHarness({
      env: {
        PAYMENTS_PROVIDER_TOKEN: PROVIDER_TOKEN,
        PAYMENTS_STARS: 'true',
        PAYMENTS_STAR_RATE: '1.5',
      },
    });
    owner = h.owners[0]!;
    owner.send('/start');
    await owner.reply();
    const [logo] = await h.db
      .insert(products)
      .values({ title: 'Логотип', description: 'Фирменный знак & стиль', price: 14_999, deadlineDays: 3 })
      .returning();
    logoId = logo!.id;
  });
  afterAll(async () => h?.close());

  /** Places an order and picks the method on the choice card: the invoice message. */
  async function invoiceFor(
    who: TestUser,
    method: RegExp,
  ): Promise<{ orderId: number; invoice: StoredMessage }> {
    const orderId = await placeOrder(h, who, logoId);
    const choice = await who.waitFor((m) => buttonsOf(m).some((b) => method.test(b.text)));
    expect(textOf(choice)).toContain('Как вам удобнее оплатить заказ №');
    await who.press(choice, method);
    const invoice = await who.waitFor(isInvoice);
    return { orderId, invoice };
  }

  it('sends a card invoice per the Bot API, takes the payment once and tells the customer and the owner', async () => {
    const anna = await h.startedUser({ firstName: 'Анна' });
    const { orderId, invoice } = await invoiceFor(anna, /^💳 Картой/);
    const [row] = await h.db.select().from(invoices).where(eq(invoices.orderId, orderId));
    const call = h.emu.callsTo('sendInvoice').at(-1)!;
    expect(call.ok).toBe(true);
    expect(call.params).toMatchObject({
      chat_id: anna.id,
      title: 'Логотип',
      payload: row!.payload,
      provider_token: PROVIDER_TOKEN,
      currency: 'RUB',
    });
    expect(String(call.params.description)).toContain('Фирменный знак & стиль');
    const prices =
      typeof call.params.prices === 'string' ? JSON.parse(call.params.prices) : call.params.prices;
    expect(prices).toEqual([{ label: `Заказ №${orderId}`, amount: 1_499_900 }]);
    expect(row!.payload).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(buttonsOf(invoice).map((b) => b.text)).toEqual(['Оплатить 14\u00a0999\u00a0₽', 'Оплачу позже']);

    const outcome = await h.emu.payInvoice(anna.id, invoice.message_id);
    expect(outcome.ok).toBe(true);
    expect(textOf(await anna.waitFor(/Оплата получена/))).toContain('14\u00a0999\u00a0₽');
    await owner.waitFor(`💳 Заказ №${orderId} оплачен`);
    await owner.waitFor((m) => textOf(m).includes(`Заказ №${orderId}`) && textOf(m).includes('💳 оплачен'));
    const [payment, ...more] = await paymentRows(h, orderId);
    expect(more).toEqual([]);
    expect(payment).toMatchObject({ currency: 'RUB', amount: 1_499_900, refundState: null });
    expect(payment!.providerChargeId).toBeTruthy();
    expect((await orderRow(h, orderId)).paymentState).toBe('paid');

    // The same invoice again: refused before any money moves.
    const again = await h.emu.sendPreCheckoutQuery(anna.id, {
      currency: 'RUB',
      total_amount: 1_499_900,
      invoice_payload: row!.payload,
    });
    expect(again).toMatchObject({
      ok: false,
      errorMessage: 'Этот счёт уже оплачен — второй раз платить не нужно.',
    });

    // The admin board's card of the order says it is paid, with the owner's refund button.
    const board = await openAdminSection(owner, '📦 Заказы', 'Выберите состояние');
    await owner.press(board, /^🆕 новый/);
    const list = await owner.waitFor(
      (m) => m.message_id === board.message_id && buttonsOf(m).some((b) => b.text.startsWith(`№${orderId} `)),
    );
    await owner.press(list, new RegExp(`^№${orderId} `));
    const boardCard = await owner.waitFor(
      (m) => m.message_id === board.message_id && textOf(m).includes('Клиент'),
    );
    expect(textOf(boardCard)).toContain('Оплата: 💳 оплачен, 14\u00a0999\u00a0₽');
    expect(buttonsOf(boardCard).some((b) => b.data?.startsWith('pay:rq:'))).toBe(true);
  });

  it('writes the invoice in the customer’s language: the English title and description where set', async () => {
    await h.db
      .update(products)
      .set({ titleEn: 'Logo', descriptionEn: 'A brand mark & style' })
      .where(eq(products.id, logoId));
    try {
      const mike = await h.startedUser({ firstName: 'Mike', languageCode: 'en' });
      mike.send(`/start p_${logoId}`);
      const card = await mike.reply((m) => buttonsOf(m).some((b) => b.data === `ord:new:${logoId}`));
      await mike.press(card, '🛒 Order');
      await mike.reply(/email/i);
      mike.send('mike@example.com');
      await mike.press(await mike.reply(/promo/i), 'No promo code');
      await mike.press(
        await mike.reply((m) => buttonsOf(m).some((b) => b.text === '✅ Confirm')),
        '✅ Confirm',
      );
      const choice = await mike.waitFor((m) => buttonsOf(m).some((b) => /^💳 By card/.test(b.text)));
      await mike.press(choice, /^💳 By card/);
      await mike.waitFor(isInvoice);
      const call = h.emu.callsTo('sendInvoice').at(-1)!;
      expect(call.params.title).toBe('Logo');
      expect(String(call.params.description)).toContain('A brand mark & style');
    } finally {
      await h.db.update(products).set({ titleEn: null, descriptionEn: null }).where(eq(products.id, logoId));
    }
  });

  it('sends a Stars invoice in XTR without a provider token, in whole stars rounded up', async () => {
    const boris = await h.startedUser({ firstName: 'Борис' });
    const { orderId, invoice } = await invoiceFor(boris, /^⭐ Звёздами/);
    const call = h.emu.callsTo('sendInvoice').at(-1)!;
    expect(call.params.currency).toBe('XTR');
    expect(call.params.provider_token ?? '').toBe('');
    const prices =
      typeof call.params.prices === 'string' ? JSON.parse(call.params.prices) : call.params.prices;
    expect(prices).toEqual([{ label: `Заказ №${orderId}`, amount: 10_000 }]);
    expect(invoice.invoice?.total_amount).toBe(10_000);
    expect((await h.emu.payInvoice(boris.id, invoice.message_id)).ok).toBe(true);
    await boris.waitFor(/Оплата получена/);
    expect(await paymentRows(h, orderId)).toMatchObject([{ currency: 'XTR', amount: 10_000 }]);
  });

  it('refuses the pre-checkout of a cancelled order, a changed amount, a disabled product, an expired invoice and a forged payload', async () => {
    const vera = await h.startedUser({ firstName: 'Вера' });
    const { orderId, invoice } = await invoiceFor(vera, /^💳 Картой/);
    const [row] = await h.db.select().from(invoices).where(eq(invoices.orderId, orderId));
    const query = { currency: 'RUB', total_amount: row!.amount, invoice_payload: row!.payload };

    expect(await h.emu.sendPreCheckoutQuery(vera.id, { ...query, total_amount: 100 })).toMatchObject({
      ok: false,
      errorMessage: 'Сумма не совпадает со счётом. Откройте /orders — пришлём актуальный счёт.',
    });
    expect(await h.emu.sendPreCheckoutQuery(vera.id, { ...query, invoice_payload: 'forged' })).toMatchObject({
      ok: false,
      errorMessage: 'Этот счёт не найден. Откройте /orders и оплатите заказ оттуда.',
    });

    await h.db.update(products).set({ isActive: false }).where(eq(products.id, logoId));
    try {
      expect(await h.emu.payInvoice(vera.id, invoice.message_id)).toMatchObject({
        ok: false,
        errorMessage: 'Эта услуга сейчас недоступна, поэтому оплату принять не можем.',
      });
    } finally {
      await h.db.update(products).set({ isActive: true }).where(eq(products.id, logoId));
    }
    // A disabled category takes its services off sale: no payment for them either.
    const [logo] = await h.db.select().from(products).where(eq(products.id, logoId));
    await h.db.update(categories).set({ isActive: false }).where(eq(categories.id, logo!.categoryId));
    try {
      expect(await h.emu.payInvoice(vera.id, invoice.message_id)).toMatchObject({
        ok: false,
        errorMessage: 'Эта услуга сейчас недоступна, поэтому оплату принять не можем.',
      });
    } finally {
      await h.db.update(categories).set({ isActive: true }).where(eq(categories.id, logo!.categoryId));
    }

    await h.db
      .update(invoices)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invoices.id, row!.id));
    expect(await h.emu.payInvoice(vera.id, invoice.message_id)).toMatchObject({
      ok: false,
      errorMessage: 'Срок этого счёта истёк. Откройте /orders — пришлём новый.',
    });
    await h.db
      .update(invoices)
      .set({ expiresAt: new Date(Date.now() + 3_600_000) })
      .where(eq(invoices.id, row!.id));

    vera.send('/orders');
    const list = await vera.reply(/Ваши заказы|заказ/i);
    await vera.press(list, `✖️ Отменить №${orderId}`);
    const confirm = await vera.waitFor((m) => buttonsOf(m).some((b) => b.text === 'Да, отменить'));
    await vera.press(confirm, 'Да, отменить');
    await expect.poll(async () => (await orderRow(h, orderId)).state).toBe('cancelled');
    expect(await h.emu.payInvoice(vera.id, invoice.message_id)).toMatchObject({
      ok: false,
      errorMessage: 'Заказ отменён, оплачивать его не нужно.',
    });
    expect(await paymentRows(h, orderId)).toEqual([]);
  });

  it('records a successful payment delivered twice once', async () => {
    const gleb = await h.startedUser({ firstName: 'Глеб' });
    const { orderId, invoice } = await invoiceFor(gleb, /^⭐ Звёздами/);
    const first = await h.emu.payInvoice(gleb.id, invoice.message_id);
    if (!first.ok) throw new Error('payment refused');
    await gleb.waitFor(/Оплата получена/);
    h.emu.sendSuccessfulPayment(gleb.id, first.payment);
    // The bot handles the copy (one chat's updates run in order): a /orders after it answers after it.
    gleb.send('/orders');
    await gleb.reply(/заказ/i);
    expect(await paymentRows(h, orderId)).toHaveLength(1);
    expect(gleb.botMessages().filter((m) => textOf(m).includes('Оплата получена'))).toHaveLength(1);
  });

  it('answers the pre-checkout and records the payment of a customer waiting on an open ticket', async () => {
    const dina = await h.startedUser({ firstName: 'Дина' });
    const { orderId, invoice } = await invoiceFor(dina, /^💳 Картой/);
    dina.send('/support');
    await dina.reply('Опишите вопрос');
    dina.send('Вопрос по оплате');
    await dina.reply(/Обращение №\d+/);
    expect(await h.deps.services.tickets.openTicketOf((await userOf(h, dina)).id)).toBeDefined();
    expect((await h.emu.payInvoice(dina.id, invoice.message_id)).ok).toBe(true);
    await dina.waitFor(/Оплата получена/);
    expect(await paymentRows(h, orderId)).toHaveLength(1);
  });

  it('answers the pre-checkout while an earlier update of the same chat is still being handled', async () => {
    const kira = await h.startedUser({ firstName: 'Кира' });
    const { orderId, invoice } = await invoiceFor(kira, /^⭐ Звёздами/);
    // The reply to /help hangs in the Bot API for longer than Telegram waits for a pre-checkout answer.
    h.emu.injectFault({ method: 'sendMessage', delayMs: 11_000, times: 1 });
    kira.send('/help');
    // The bot has taken /help: its handler is running (and waiting for that reply).
    await expect.poll(() => h.emu.pendingUpdates.length).toBe(0);
    const outcome = await h.emu.payInvoice(kira.id, invoice.message_id);
    expect(outcome).toMatchObject({ ok: true });
    await kira.waitFor('/catalog', 20_000);
    await kira.waitFor(/Оплата получена/, 20_000);
    expect(await paymentRows(h, orderId)).toHaveLength(1);
  }, 40_000);

  it('records a payment that arrives after the customer was banned, and refuses their next pre-checkout', async () => {
    const lev = await h.startedUser({ firstName: 'Лев' });
    const { orderId, invoice } = await invoiceFor(lev, /^⭐ Звёздами/);
    const [row] = await h.db.select().from(invoices).where(eq(invoices.orderId, orderId));
    const ownerRow = await userOf(h, owner);
    const banned = await h.deps.services.bans.ban({
      userId: (await userOf(h, lev)).id,
      reason: 'test',
      bannedBy: ownerRow.id,
      days: 0,
    });
    expect(banned.ok).toBe(true);
    expect(
      await h.emu.sendPreCheckoutQuery(lev.id, {
        currency: 'XTR',
        total_amount: row!.amount,
        invoice_payload: row!.payload,
      }),
    ).toMatchObject({ ok: false, errorMessage: 'Оплата недоступна: доступ к боту для вас ограничен.' });
    // Telegram charged before the ban (the pre-checkout was answered then): the money is recorded.
    h.emu.sendSuccessfulPayment(lev.id, {
      currency: 'XTR',
      total_amount: row!.amount,
      invoice_payload: row!.payload,
      telegram_payment_charge_id: `stxBan${orderId}`,
      provider_payment_charge_id: `stxBan${orderId}`,
    });
    await expect.poll(async () => (await paymentRows(h, orderId)).length).toBe(1);
    await expect.poll(async () => (await orderRow(h, orderId)).paymentState).toBe('paid');
    expect(invoice.invoice?.currency).toBe('XTR');
  });

  it('refunds a Stars payment from the owner card once, after a confirm step', async () => {
    const egor = await h.startedUser({ firstName: 'Егор' });
    const { orderId, invoice } = await invoiceFor(egor, /^⭐ Звёздами/);
    expect((await h.emu.payInvoice(egor.id, invoice.message_id)).ok).toBe(true);
    const card = await owner.waitFor(
      (m) =>
        textOf(m).includes(`Заказ №${orderId}`) && buttonsOf(m).some((b) => b.text === '↩️ Вернуть звёзды'),
    );
    await owner.press(card, '↩️ Вернуть звёзды');
    const asking = await owner.waitFor(
      (m) => m.message_id === card.message_id && buttonsOf(m).some((b) => b.text === '↩️ Да, вернуть'),
    );
    const before = h.emu.callsTo('refundStarPayment').length;
    const yes = buttonsOf(asking).find((b) => b.text === '↩️ Да, вернуть')!.data!;
    await Promise.all([owner.forge(card.message_id, yes), owner.forge(card.message_id, yes)]);
    await egor.waitFor(/Вернули 10\u00a0000\u00a0⭐/);
    const calls = h.emu.callsTo('refundStarPayment').slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params).toMatchObject({ user_id: egor.id });
    await expect.poll(async () => (await orderRow(h, orderId)).paymentState).toBe('refunded');
    expect(await paymentRows(h, orderId)).toMatchObject([{ refundState: 'refunded' }]);
  });

  it('"Pay later" voids the invoice; /orders pays it with a fresh one', async () => {
    const fedor = await h.startedUser({ firstName: 'Фёдор' });
    const { orderId, invoice } = await invoiceFor(fedor, /^💳 Картой/);
    await fedor.press(invoice, 'Оплачу позже');
    await fedor.waitFor(`заказ №${orderId} ждёт оплаты`);
    await expect.poll(() => fedor.emu.message(fedor.id, invoice.message_id)?.deleted).toBe(true);
    const [old] = await h.db.select().from(invoices).where(eq(invoices.orderId, orderId));
    expect(old!.state).toBe('void');
    expect(
      await h.emu.sendPreCheckoutQuery(fedor.id, {
        currency: 'RUB',
        total_amount: old!.amount,
        invoice_payload: old!.payload,
      }),
    ).toMatchObject({
      ok: false,
      errorMessage: 'Этот счёт устарел. Оплатите по последнему счёту или откройте /orders.',
    });

    fedor.send('/orders');
    const list = await fedor.reply((m) => buttonsOf(m).some((b) => b.text === `💳 Оплатить №${orderId}`));
    await fedor.press(list, `💳 Оплатить №${orderId}`);
    const choice = await fedor.reply((m) => buttonsOf(m).some((b) => /^⭐ Звёздами/.test(b.text)));
    await fedor.press(choice, /^⭐ Звёздами/);
    const fresh = await fedor.reply(isInvoice);
    expect((await h.emu.payInvoice(fedor.id, fresh.message_id)).ok).toBe(true);
    await fedor.waitFor(/Оплата получена/);
    expect(await paymentRows(h, orderId)).toMatchObject([{ currency: 'XTR', amount: 10_000 }]);
    fedor.send('/orders');
    const after = await fedor.reply(/заказ/i);
    expect(buttonsOf(after).map((b) => b.text)).not.toContain(`💳 Оплатить №${orderId}`);
    expect(textOf(after)).toContain('💳 оплачен');
  });

  it('another customer cannot pay for or put off someone else’s order', async () => {
    const galya = await h.startedUser({ firstName: 'Галя' });
    const { orderId, invoice } = await invoiceFor(galya, /^💳 Картой/);
    const stranger = await h.startedUser({ firstName: 'Чужой' });
    const greeting = stranger.botMessages().at(-1)!.message_id;
    const answer = await stranger.forge(greeting, `pay:m:${orderId}:stars`);
    expect(answer?.text).toBe('Заказ не найден.');
    expect((await stranger.forge(greeting, `pay:l:${orderId}`))?.text).toBe('Заказ не найден.');
    const [row] = await h.db.select().from(invoices).where(eq(invoices.orderId, orderId));
    expect(row!.state).toBe('open');
    expect(
      await h.emu.sendPreCheckoutQuery(stranger.id, {
        currency: 'RUB',
        total_amount: row!.amount,
        invoice_payload: row!.payload,
      }),
    ).toMatchObject({ ok: false, errorMessage: 'Этот счёт выставлен другому человеку.' });
    expect(
      galya
        .botMessages()
        .filter(isInvoice)
        .map((m) => m.message_id),
    ).toEqual([invoice.message_id]);
  });

  it('a paid order cancelled by staff asks the owner to refund; a card refund is marked, then confirmed', async () => {
    const ilya = await h.startedUser({ firstName: 'Илья' });
    const { orderId, invoice } = await invoiceFor(ilya, /^💳 Картой/);
    const paid = await h.emu.payInvoice(ilya.id, invoice.message_id);
    if (!paid.ok) throw new Error('payment refused');
    await ilya.waitFor(/Оплата получена/);
    const card = await owner.waitFor(
      (m) =>
        textOf(m).includes(`Заказ №${orderId}`) && buttonsOf(m).some((b) => b.text === '✖️ Отменить заказ'),
    );
    await owner.press(card, '✖️ Отменить заказ');
    await owner.reply(`причину отмены заказа №${orderId}`);
    owner.send('Не успеваем');
    const warning = await owner.waitFor(`Заказ №${orderId} отменён, но по нему получено 14\u00a0999\u00a0₽`);
    expect(buttonsOf(warning).map((b) => b.text)).toEqual(['↩️ Нужен возврат']);

    await owner.press(warning, '↩️ Нужен возврат');
    const instructions = await owner.waitFor('Возврат по карте делается у платёжного провайдера');
    expect(textOf(instructions)).toContain(paid.payment.provider_payment_charge_id);
    await expect.poll(async () => (await orderRow(h, orderId)).paymentState).toBe('refund_requested');
    const marked = await owner.waitFor(
      (m) =>
        textOf(m).includes(`Заказ №${orderId}`) && buttonsOf(m).some((b) => b.text === '✅ Возврат сделан'),
    );
    expect(textOf(marked)).toContain('нужен возврат 14\u00a0999\u00a0₽');
    await owner.press(marked, '✅ Возврат сделан');
    await ilya.waitFor(`Вернули 14\u00a0999\u00a0₽ за заказ №${orderId} на карту`);
    await expect.poll(async () => (await orderRow(h, orderId)).paymentState).toBe('refunded');
    // No Telegram call refunds a card payment: the provider does.
    expect(
      h.emu
        .callsTo('refundStarPayment')
        .filter((c) => c.params.telegram_payment_charge_id === paid.payment.telegram_payment_charge_id),
    ).toEqual([]);
  });

  it('shows the money received apart from the promised revenue in the statistics', async () => {
    const { openAdminSection } = await import('./admin-flow.js');
    const screen = await openAdminSection(owner, '📊 Статистика', 'Статистика');
    const received = await h.deps.services.stats.paidRevenue();
    const rub = received.find((p) => p.currency === 'RUB');
    expect(rub?.amount).toBe(2 * 1_499_900);
    expect(textOf(screen)).toContain('Получено оплат:');
    expect(textOf(screen)).toContain('29\u00a0998\u00a0₽');
  });
});

describe('payments: a Stars deposit, then the balance invoiced by staff', () => {
  let h: Harness;
  let owner: TestUser;
  let siteId: number;

  beforeAll(async () => {
    h = await startHarness({
      env: {
        PAYMENTS_STARS: 'true',
        PAYMENTS_STAR_RATE: '5',
        PAYMENTS_DEPOSIT_PERCENT: '30',
        PAYMENTS_PAY_LATER: 'false',
      },
    });
    owner = h.owners[0]!;
    owner.send('/start');
    await owner.reply();
    const [site] = await h.db
      .insert(products)
      .values({ title: 'Сайт', description: 'Сайт-визитка', price: 40_000, deadlineDays: 14 })
      .returning();
    siteId = site!.id;
  });
  afterAll(async () => h?.close());

  it('takes 30 % up front, shows what is due on the card and takes the rest from "Invoice the balance"', async () => {
    const zoya = await h.startedUser({ firstName: 'Зоя' });
    const orderId = await placeOrder(h, zoya, siteId);
    const deposit = await zoya.waitFor(isInvoice);
    // Only Stars: no choice card; no "Pay later" either.
    expect(buttonsOf(deposit).map((b) => b.text)).toEqual(['Оплатить 2\u00a0400\u00a0⭐']);
    const call = h.emu.callsTo('sendInvoice').at(-1)!;
    const prices =
      typeof call.params.prices === 'string' ? JSON.parse(call.params.prices) : call.params.prices;
    expect(prices).toEqual([{ label: `Предоплата 30 % по заказу №${orderId}`, amount: 2400 }]);

    expect((await h.emu.payInvoice(zoya.id, deposit.message_id)).ok).toBe(true);
    await zoya.waitFor(/Предоплата получена/);
    expect((await orderRow(h, orderId)).paymentState).toBe('deposit_paid');
    const card = await owner.waitFor(
      (m) =>
        textOf(m).includes(`Заказ №${orderId}`) &&
        buttonsOf(m).some((b) => b.text === '🧾 Выставить остаток'),
    );
    expect(textOf(card)).toContain('к доплате 5\u00a0600\u00a0⭐');

    // A customer cannot invoice their own balance from a forged staff button.
    const forged = await zoya.forge(
      deposit.message_id,
      buttonsOf(card).find((b) => b.text === '🧾 Выставить остаток')!.data!,
    );
    expect(forged?.text).toBeTruthy();
    const invoicesBefore = zoya.botMessages().filter(isInvoice).length;

    await owner.press(card, '🧾 Выставить остаток');
    const rest = await zoya.waitFor((m) => isInvoice(m) && m.message_id !== deposit.message_id);
    expect(zoya.botMessages().filter(isInvoice)).toHaveLength(invoicesBefore + 1);
    const restCall = h.emu.callsTo('sendInvoice').at(-1)!;
    const restPrices =
      typeof restCall.params.prices === 'string'
        ? JSON.parse(restCall.params.prices)
        : restCall.params.prices;
    expect(restPrices).toEqual([{ label: `Доплата по заказу №${orderId}`, amount: 5600 }]);
    expect((await h.emu.payInvoice(zoya.id, rest.message_id)).ok).toBe(true);
    await zoya.waitFor(/Оплата получена/);
    await expect.poll(async () => (await orderRow(h, orderId)).paymentState).toBe('paid');
    expect((await paymentRows(h, orderId)).map((p) => p.amount).sort((a, b) => a - b)).toEqual([2400, 5600]);
  });
});
