import { Bot, GrammyError, InlineKeyboard } from 'grammy';
import type { LabeledPrice } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { ANN, BOB, fail, startedUser, TOKEN, useEmulator } from './helpers.js';

const TOO_OLD = 'Bad Request: query is too old and response timeout expired or query ID is invalid';
const PROVIDER = '381764678:TEST:100500';
const RUB_PRICES: LabeledPrice[] = [
  { label: 'Landing page', amount: 1_500_000 },
  { label: 'Promo code', amount: -150_000 },
];

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GrammyError) return error.description;
    throw error;
  }
  throw new Error('the call unexpectedly succeeded');
}

/** A bot that answers pre-checkout queries with `decide` and records successful / refunded payments. */
function payingBot(
  apiRoot: string,
  decide: (payload: string) => { ok: true } | { ok: false; error: string } | 'silent',
) {
  const bot = new Bot(TOKEN, { client: { apiRoot } });
  const seen = {
    preCheckouts: [] as { payload: string; total: number; currency: string; orderInfo?: unknown }[],
    paid: [] as { charge: string; total: number; payload: string }[],
    refunded: [] as string[],
    errors: [] as string[],
  };
  bot.catch((error) => {
    seen.errors.push(error.error instanceof GrammyError ? error.error.description : String(error.error));
  });
  bot.on('pre_checkout_query', async (ctx) => {
    const q = ctx.preCheckoutQuery;
    seen.preCheckouts.push({
      payload: q.invoice_payload,
      total: q.total_amount,
      currency: q.currency,
      orderInfo: q.order_info,
    });
    const decision = decide(q.invoice_payload);
    if (decision === 'silent') return;
    if (decision.ok) await ctx.answerPreCheckoutQuery(true);
    else await ctx.answerPreCheckoutQuery(false, decision.error);
  });
  bot.on('message:successful_payment', (ctx) => {
    const p = ctx.message.successful_payment;
    seen.paid.push({
      charge: p.telegram_payment_charge_id,
      total: p.total_amount,
      payload: p.invoice_payload,
    });
  });
  bot.on('message:refunded_payment', (ctx) => {
    seen.refunded.push(ctx.message.refunded_payment.telegram_payment_charge_id);
  });
  return { bot, seen };
}

describe('invoices', () => {
  const { emu, root } = useEmulator();

  it('refuses invoices Telegram would refuse', async () => {
    startedUser(emu(), ANN);
    const base = {
      chat_id: ANN,
      title: 'Landing page',
      description: 'A one-page site in 7 days',
      payload: 'order:42:a1b2',
      provider_token: PROVIDER,
      currency: 'RUB',
      prices: RUB_PRICES,
    };
    const send = (change: Record<string, unknown>) => fail(root(), 'sendInvoice', { ...base, ...change });
    const bad = (reason: string) => [400, `Bad Request: ${reason}`];
    expect(await send({ title: '' })).toEqual(bad('INVOICE_TITLE_INVALID'));
    expect(await send({ title: 'x'.repeat(33) })).toEqual(bad('INVOICE_TITLE_INVALID'));
    expect(await send({ description: 'x'.repeat(256) })).toEqual(bad('INVOICE_DESCRIPTION_INVALID'));
    expect(await send({ payload: '' })).toEqual(bad('INVOICE_PAYLOAD_INVALID'));
    expect(await send({ payload: 'ж'.repeat(65) })).toEqual(bad('INVOICE_PAYLOAD_INVALID'));
    expect(await send({ currency: 'RUR' })).toEqual(bad('CURRENCY_INVALID'));
    expect(await send({ provider_token: '' })).toEqual(bad('PAYMENT_PROVIDER_INVALID'));
    expect(await send({ provider_token: undefined })).toEqual(bad('PAYMENT_PROVIDER_INVALID'));
    expect(await send({ currency: 'XTR', prices: [{ label: 'Stars', amount: 100 }] })).toEqual(
      bad('PAYMENT_PROVIDER_INVALID'),
    );
    expect(
      await send({
        currency: 'XTR',
        provider_token: '',
        prices: [
          { label: 'A', amount: 1 },
          { label: 'B', amount: 1 },
        ],
      }),
    ).toEqual(bad('STARS_INVOICE_INVALID'));
    expect(
      await send({ currency: 'XTR', provider_token: '', prices: [{ label: 'A', amount: 10_001 }] }),
    ).toEqual(bad('CURRENCY_TOTAL_AMOUNT_INVALID'));
    expect(await send({ prices: [] })).toEqual(bad('prices must be non-empty'));
    expect(await send({ prices: [{ label: 'A', amount: 100.5 }] })).toEqual(
      bad("can't parse prices JSON object"),
    );
    expect(await send({ prices: [{ label: '', amount: 10_000 }] })).toEqual(
      bad("can't parse prices JSON object"),
    );
    expect(await send({ prices: [{ label: 'A', amount: 8_699 }] })).toEqual(
      bad('CURRENCY_TOTAL_AMOUNT_INVALID'),
    );
    expect(await send({ prices: [{ label: 'A', amount: 87_000_001 }] })).toEqual(
      bad('CURRENCY_TOTAL_AMOUNT_INVALID'),
    );
    expect(await send({ max_tip_amount: 10_000, suggested_tip_amounts: [100, 200, 300, 400, 500] })).toEqual(
      bad('SUGGESTED_TIP_AMOUNTS_INVALID'),
    );
    expect(await send({ max_tip_amount: 10_000, suggested_tip_amounts: [300, 200] })).toEqual(
      bad('SUGGESTED_TIP_AMOUNTS_INVALID'),
    );
    expect(await send({ max_tip_amount: 10_000, suggested_tip_amounts: [20_000] })).toEqual(
      bad('SUGGESTED_TIP_AMOUNTS_INVALID'),
    );
    expect(await send({ suggested_tip_amounts: [100] })).toEqual(bad('SUGGESTED_TIP_AMOUNTS_INVALID'));
    expect(
      await send({
        currency: 'XTR',
        provider_token: '',
        prices: [{ label: 'A', amount: 5 }],
        max_tip_amount: 1,
      }),
    ).toEqual(bad('MAX_TIP_AMOUNT_INVALID'));
    expect(await send({ start_parameter: 'not valid!' })).toEqual(bad('START_PARAM_INVALID'));
    expect(await send({ photo_url: 'ftp://example.com/a.png' })).toEqual(bad('PHOTO_URL_INVALID'));
    expect((await send({ is_flexible: true }))[1]).toMatch(/shipping .*not modelled/);
    expect(
      await send({
        reply_markup: {
          inline_keyboard: [
            [
              { text: 'Later', callback_data: 'later' },
              { text: 'Pay', pay: true },
            ],
          ],
        },
      }),
    ).toEqual(bad('BUTTON_TYPE_INVALID'));
    expect(await fail(root(), 'sendInvoice', { ...base, chat_id: BOB })).toEqual([
      400,
      'Bad Request: chat not found',
    ]);
    expect(emu().botMessages(ANN)).toHaveLength(0);
    expect(await fail(root(), 'answerShippingQuery', { shipping_query_id: '1', ok: true })).toEqual([
      400,
      expect.stringMatching(/not modelled/),
    ]);
  });

  it('stores a valid invoice with what Telegram shows of it and everything it was made with', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    startedUser(emu(), ANN);
    const sent = await bot.api.sendInvoice(
      ANN,
      'Landing page',
      'A one-page site in 7 days',
      'order:42',
      'RUB',
      RUB_PRICES,
      {
        provider_token: PROVIDER,
        max_tip_amount: 100_000,
        suggested_tip_amounts: [10_000, 50_000],
        start_parameter: 'order_42',
        photo_url: 'https://example.com/landing.png',
        photo_width: 640,
        photo_height: 480,
        need_email: true,
        reply_markup: new InlineKeyboard().pay('Pay 13 500 ₽').row().text('Pay later', 'later'),
      },
    );
    expect(sent.invoice).toEqual({
      title: 'Landing page',
      description: 'A one-page site in 7 days',
      start_parameter: 'order_42',
      currency: 'RUB',
      total_amount: 1_350_000,
    });
    const stored = emu().message(ANN, sent.message_id);
    expect(stored?.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: 'Pay 13 500 ₽', pay: true }],
        [{ text: 'Pay later', callback_data: 'later' }],
      ],
    });
    expect(stored?.invoice?.total_amount).toBe(1_350_000);
    expect(stored?.invoice_details).toMatchObject({
      payload: 'order:42',
      prices: RUB_PRICES,
      photo_url: 'https://example.com/landing.png',
      max_tip_amount: 100_000,
      suggested_tip_amounts: [10_000, 50_000],
      need_email: true,
      need_name: false,
    });
    // the keyboard of an invoice can be edited, its Pay button staying first
    const later = new InlineKeyboard().pay('Pay now').text('Cancel the order', 'cancel');
    await bot.api.editMessageReplyMarkup(ANN, sent.message_id, { reply_markup: later });
    expect(emu().message(ANN, sent.message_id)?.reply_markup).toEqual(later);
    expect(
      await rejection(
        bot.api.editMessageReplyMarkup(ANN, sent.message_id, {
          reply_markup: new InlineKeyboard().text('Cancel the order', 'cancel').pay('Pay now'),
        }),
      ),
    ).toBe('Bad Request: BUTTON_TYPE_INVALID');
    const stars = await bot.api.sendInvoice(ANN, 'Logo', 'Three logo drafts', 'order:43', 'XTR', [
      { label: 'Logo', amount: 250 },
    ]);
    expect(stars.invoice.currency).toBe('XTR');
    expect(emu().invoiceDetails({ chatId: ANN, messageId: stars.message_id })?.provider_token).toBe('');

    const link = await bot.api.createInvoiceLink('Logo', 'Three logo drafts', 'order:44', '', 'XTR', [
      { label: 'Logo', amount: 250 },
    ]);
    expect(link).toMatch(/^https:\/\/t\.me\/\$[a-z0-9]+$/);
    expect(emu().invoiceDetails({ url: link })?.payload).toBe('order:44');
    expect(
      await rejection(
        bot.api.createInvoiceLink('Logo', 'Drafts', 'order:45', '', 'RUB', [{ label: 'x', amount: 10_000 }]),
      ),
    ).toBe('Bad Request: PAYMENT_PROVIDER_INVALID');
  });
});

describe('paying', () => {
  const { emu, root } = useEmulator();
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  function run(bot: Bot): void {
    const polling = bot.start();
    stop = async () => {
      await bot.stop();
      await polling;
    };
  }

  it('pays an invoice: pre-checkout ok → successful_payment from the user, recorded once; paid twice is refused', async () => {
    const { bot, seen } = payingBot(root(), () => ({ ok: true }));
    startedUser(emu(), ANN);
    const invoice = await bot.api.sendInvoice(
      ANN,
      'Landing page',
      'A one-page site',
      'order:42',
      'RUB',
      RUB_PRICES,
      {
        provider_token: PROVIDER,
        max_tip_amount: 100_000,
        need_name: true,
        need_email: true,
      },
    );
    run(bot);
    await expect(emu().payInvoice(ANN, invoice.message_id, { tipAmount: 100_001 })).rejects.toThrow(/tip/);
    const outcome = await emu().payInvoice(ANN, invoice.message_id, { tipAmount: 5_000 });
    if (!outcome.ok) throw new Error(`payment failed: ${JSON.stringify(outcome)}`);
    expect(outcome.payment).toMatchObject({
      currency: 'RUB',
      total_amount: 1_355_000,
      invoice_payload: 'order:42',
      order_info: { name: 'Ann', email: 'ann@example.com' },
    });
    expect(outcome.payment.telegram_payment_charge_id).not.toBe('');
    expect(outcome.payment.provider_payment_charge_id).not.toBe('');
    expect(outcome.message.sender).toBe('user');
    expect(outcome.message.successful_payment).toEqual(outcome.payment);
    expect(seen.preCheckouts).toEqual([
      {
        payload: 'order:42',
        total: 1_355_000,
        currency: 'RUB',
        orderInfo: { name: 'Ann', email: 'ann@example.com' },
      },
    ]);
    await expect.poll(() => seen.paid.length).toBe(1);
    expect(seen.paid[0]).toEqual({
      charge: outcome.payment.telegram_payment_charge_id,
      total: 1_355_000,
      payload: 'order:42',
    });
    expect(emu().payments()).toEqual([
      {
        userId: ANN,
        currency: 'RUB',
        totalAmount: 1_355_000,
        payload: 'order:42',
        telegramChargeId: outcome.payment.telegram_payment_charge_id,
        providerChargeId: outcome.payment.provider_payment_charge_id,
        refunded: false,
      },
    ]);
    await expect(emu().payInvoice(ANN, invoice.message_id)).rejects.toThrow(/already paid/);
    const text = await bot.api.sendMessage(ANN, 'not an invoice');
    await expect(emu().payInvoice(ANN, text.message_id)).rejects.toThrow(/not an invoice/);
  });

  it('reports the error_message when the bot refuses, and refuses an answer without one', async () => {
    const { bot, seen } = payingBot(root(), (payload) =>
      payload === 'order:cancelled'
        ? { ok: false, error: 'This order was cancelled' }
        : { ok: false, error: '' },
    );
    startedUser(emu(), ANN);
    const invoice = await bot.api.sendInvoice(ANN, 'Logo', 'Drafts', 'order:cancelled', 'RUB', RUB_PRICES, {
      provider_token: PROVIDER,
    });
    run(bot);
    expect(await emu().payInvoice(ANN, invoice.message_id)).toEqual({
      ok: false,
      errorMessage: 'This order was cancelled',
    });
    expect(emu().message(ANN, invoice.message_id)?.invoice_paid).toBe(false);
    expect(emu().payments()).toEqual([]);
    expect(seen.paid).toEqual([]);
    // an empty error_message is refused, and the query can still be answered
    const refusedCall = emu().waitForCall('answerPreCheckoutQuery', (c) => !c.ok);
    const raw = emu().sendPreCheckoutQuery(ANN, {
      currency: 'RUB',
      total_amount: 1_350_000,
      invoice_payload: 'x',
    });
    const refused = await refusedCall;
    expect(refused.description).toBe('Bad Request: ERROR_MESSAGE_EMPTY');
    await expect.poll(() => seen.errors).toEqual(['Bad Request: ERROR_MESSAGE_EMPTY']);
    await bot.api.answerPreCheckoutQuery(String(refused.params.pre_checkout_query_id), false, {
      error_message: 'Try again later',
    });
    expect(await raw).toEqual({ ok: false, errorMessage: 'Try again later' });
  });

  it('times out without an answer and refuses a late or a second answer', async () => {
    const local = new TelegramEmulator({ token: TOKEN, preCheckoutTimeoutMs: 100 });
    const apiRoot = (await local.start()).apiRoot;
    try {
      const bot = new Bot(TOKEN, { client: { apiRoot } });
      startedUser(local, ANN);
      const invoice = await bot.api.sendInvoice(ANN, 'Logo', 'Drafts', 'order:1', 'XTR', [
        { label: 'Logo', amount: 50 },
      ]);
      const outcome = await local.payInvoice(ANN, invoice.message_id);
      expect(outcome).toEqual({ ok: false, timedOut: true });
      const updates = await bot.api.getUpdates({ offset: 0 });
      const query = updates.find((u) => u.pre_checkout_query)?.pre_checkout_query;
      expect(query).toMatchObject({
        currency: 'XTR',
        total_amount: 50,
        invoice_payload: 'order:1',
        from: { id: ANN },
      });
      expect(await rejection(bot.api.answerPreCheckoutQuery(query?.id ?? '', true))).toBe(TOO_OLD);
      expect(local.payments()).toEqual([]);

      // answered in time; a second answer to the same query is refused
      const pending = local.sendPreCheckoutQuery(ANN, {
        currency: 'XTR',
        total_amount: 50,
        invoice_payload: 'order:1',
      });
      const next = await bot.api.getUpdates({ offset: (updates.at(-1)?.update_id ?? 0) + 1 });
      const id = next.find((u) => u.pre_checkout_query)?.pre_checkout_query?.id ?? '';
      await bot.api.answerPreCheckoutQuery(id, false, { error_message: 'The price has changed' });
      expect(await pending).toEqual({ ok: false, errorMessage: 'The price has changed' });
      expect(await rejection(bot.api.answerPreCheckoutQuery(id, true))).toBe(TOO_OLD);
      expect(await rejection(bot.api.answerPreCheckoutQuery('987', true))).toBe(TOO_OLD);
    } finally {
      await local.stop();
    }
  });

  it('refunds a Stars payment once and tells the chat; card payments and unknown charges are refused', async () => {
    const { bot, seen } = payingBot(root(), () => ({ ok: true }));
    startedUser(emu(), ANN);
    startedUser(emu(), BOB, 'Bob');
    const stars = await bot.api.sendInvoice(ANN, 'Logo', 'Drafts', 'order:7', 'XTR', [
      { label: 'Logo', amount: 250 },
    ]);
    const card = await bot.api.sendInvoice(ANN, 'Site', 'A site', 'order:8', 'RUB', RUB_PRICES, {
      provider_token: PROVIDER,
    });
    run(bot);
    const paid = await emu().payInvoice(ANN, stars.message_id);
    const cardPaid = await emu().payInvoice(ANN, card.message_id);
    if (!paid.ok || !cardPaid.ok) throw new Error('payments failed');
    const charge = paid.payment.telegram_payment_charge_id;

    expect(await rejection(bot.api.refundStarPayment(BOB, charge))).toBe('Bad Request: CHARGE_NOT_FOUND');
    expect(await rejection(bot.api.refundStarPayment(ANN, 'stxUnknown'))).toBe(
      'Bad Request: CHARGE_NOT_FOUND',
    );
    expect(await rejection(bot.api.refundStarPayment(ANN, cardPaid.payment.telegram_payment_charge_id))).toBe(
      'Bad Request: CHARGE_NOT_STARS',
    );
    expect(await bot.api.refundStarPayment(ANN, charge)).toBe(true);
    expect(await rejection(bot.api.refundStarPayment(ANN, charge))).toBe(
      'Bad Request: CHARGE_ALREADY_REFUNDED',
    );
    expect(
      emu()
        .callsTo('refundStarPayment')
        .filter((c) => c.ok),
    ).toHaveLength(1);
    expect(
      emu()
        .payments()
        .map((p) => [p.currency, p.refunded]),
    ).toEqual([
      ['XTR', true],
      ['RUB', false],
    ]);
    const notice = emu()
      .chat(ANN)
      .messages.filter((m) => m.refunded_payment);
    expect(notice.map((m) => m.refunded_payment)).toEqual([
      {
        currency: 'XTR',
        total_amount: 250,
        invoice_payload: 'order:7',
        telegram_payment_charge_id: charge,
        provider_payment_charge_id: paid.payment.provider_payment_charge_id,
      },
    ]);
    await expect.poll(() => seen.refunded).toEqual([charge]);
  });

  it('pays invoice links, delivers a duplicate successful_payment as is and keeps payments in snapshots', async () => {
    const { bot, seen } = payingBot(root(), () => ({ ok: true }));
    startedUser(emu(), ANN);
    const link = await bot.api.createInvoiceLink('Logo', 'Drafts', 'order:9', '', 'XTR', [
      { label: 'Logo', amount: 10 },
    ]);
    run(bot);
    await expect(emu().payInvoiceLink(ANN, 'https://t.me/$nope')).rejects.toThrow(/not an invoice link/);
    const first = await emu().payInvoiceLink(ANN, link);
    const second = await emu().payInvoiceLink(ANN, link);
    if (!first.ok || !second.ok) throw new Error('payments failed');
    expect(first.payment.telegram_payment_charge_id).not.toBe(second.payment.telegram_payment_charge_id);

    emu().sendSuccessfulPayment(ANN, first.payment);
    await expect.poll(() => seen.paid.length).toBe(3);
    expect(seen.paid.map((p) => p.charge)).toEqual([
      first.payment.telegram_payment_charge_id,
      second.payment.telegram_payment_charge_id,
      first.payment.telegram_payment_charge_id,
    ]);
    expect(emu().payments()).toHaveLength(2);

    const saved = JSON.parse(JSON.stringify(emu().snapshot()));
    const other = new TelegramEmulator({ token: TOKEN });
    other.restore(saved);
    expect(other.payments()).toEqual(emu().payments());
    expect(other.invoiceDetails({ url: link })?.payload).toBe('order:9');
  });
});
