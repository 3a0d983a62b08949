import { type Api, GrammyError, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import { localizedDescription } from '../../../services/catalog.js';
import { type Order, orderTitle } from '../../../services/orders.js';
import type { Due, Invoice, PaymentMethod } from '../../../services/payments.js';
import { formatMoney } from '../../../text/format.js';
import type { Locale, Translate } from '../../../text/i18n.js';
import type { BotContext, BotDeps } from '../../context.js';
import { sendScreen } from '../../ui/screen.js';
import { payLater, payWith } from './callback-data.js';

type Deps = Pick<BotDeps, 'config' | 'logger' | 'services'>;

/** Telegram's limits on an invoice: title 1–32 characters, description 1–255. */
const TITLE_MAX = 32;
const DESCRIPTION_MAX = 255;

/** The first `n` characters (code points, so an emoji is never cut in half). */
const firstChars = (text: string, n: number): string => [...text].slice(0, n).join('');

/** What the invoice's single price line says: the order, its deposit or its balance. */
function priceLabel(t: Translate, order: Order, due: Due, percent: number): string {
  if (due.kind === 'deposit') return t('payments-invoice-deposit', { id: order.id, percent });
  if (due.kind === 'remainder') return t('payments-invoice-remainder', { id: order.id });
  return t('payments-invoice-full', { id: order.id });
}

/**
 * Sends the invoice for `invoice` to `chatId` (the customer's private chat): the service's title and
 * description, one price (kopecks, or whole stars for XTR without a provider token), the payload
 * that names the invoice row, the Pay button first and "Pay later" under it when the studio allows
 * it. Texts are plain (an invoice has no parse mode), so they are not taken through HTML escaping.
 * Undefined when it could not be sent: the customer blocked the bot, or Telegram refused the invoice
 * (then it is voided).
 */
export async function sendInvoiceMessage(
  api: Api,
  deps: Deps,
  chatId: number,
  viewer: { t: Translate; locale: Locale },
  opened: { invoice: Invoice; order: Order; due: Due },
): Promise<Message.InvoiceMessage | undefined> {
  const { t, locale } = viewer;
  const { invoice, order, due } = opened;
  const config = deps.services.payments.config;
  const percent = config?.depositPercent ?? 100;
  const product = order.productId === null ? undefined : await deps.services.catalog.byId(order.productId);
  const amount = formatMoney(invoice.amount, invoice.currency, locale);
  const note =
    due.kind === 'deposit'
      ? t('payments-invoice-deposit-note', {
          percent,
          amount,
          rest: formatMoney(due.total - invoice.amount, invoice.currency, locale),
        })
      : due.kind === 'remainder'
        ? t('payments-invoice-remainder-note', { id: order.id })
        : undefined;
  // In the customer's language: the English title and description where the studio wrote them.
  const title = orderTitle(order, locale);
  const description = [product ? localizedDescription(product, locale) : title, note]
    .filter(Boolean)
    .join('\n');
  const keyboard = new InlineKeyboard().pay(t('payments-btn-pay', { amount }));
  if (config?.payLater && due.kind !== 'remainder') {
    keyboard.row().text(t('payments-btn-later'), payLater.pack({ order: order.id }));
  }
  try {
    return await api.sendInvoice(
      chatId,
      firstChars(title, TITLE_MAX),
      firstChars(description, DESCRIPTION_MAX),
      invoice.payload,
      invoice.currency,
      [{ label: priceLabel(t, order, due, percent), amount: invoice.amount }],
      {
        ...(due.method === 'card' && config?.card ? { provider_token: config.card.providerToken } : {}),
        reply_markup: keyboard,
      },
    );
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    if (error.error_code === 403) {
      await deps.services.users.markBlocked(chatId);
      return undefined;
    }
    if (error.error_code !== 400) throw error;
    // Refused as sent (e.g. an amount outside the provider's limits): the invoice cannot be paid.
    deps.logger.warn(
      { err: error, orderId: order.id, currency: invoice.currency },
      'invoice refused by Telegram',
    );
    await deps.services.payments.voidOpenInvoices(order.id);
    return undefined;
  }
}

/** Opens an invoice for what is due with `method` and sends it into the presser's chat. */
export async function sendInvoiceFor(
  ctx: BotContext,
  orderId: number,
  method: PaymentMethod | undefined,
): Promise<boolean> {
  const opened = await ctx.deps.services.payments.openInvoice(orderId, method);
  if (!opened.ok) {
    await sendScreen(ctx, {
      text: ctx.t(
        opened.reason === 'method_unavailable' ? 'payments-method-unavailable' : 'payments-nothing-due',
      ),
    });
    return false;
  }
  const sent = await sendInvoiceMessage(ctx.api, ctx.deps, ctx.chat?.id ?? ctx.from?.id ?? 0, ctx, opened);
  if (!sent) await sendScreen(ctx, { text: ctx.t('payments-method-unavailable') });
  return sent !== undefined;
}

/**
 * After Confirm (`placed`: "order placed" first), or "Pay" in /orders: with one way to pay, the
 * invoice at once; with card and Stars, a choice showing what each costs, plus "Pay later" when
 * allowed. An order with nothing to pay (free after a promo code) is just placed.
 */
export async function offerPayment(ctx: BotContext, order: Order, placed: boolean): Promise<void> {
  const { payments } = ctx.deps.services;
  if (placed) await sendScreen(ctx, { text: ctx.t('order-placed', { id: order.id }) });
  const methods = payments.methods();
  if (methods.length > 1 && order.paymentState === 'unpaid') {
    const dues = await Promise.all(methods.map((method) => payments.due(order.id, method)));
    const keyboard = new InlineKeyboard();
    let deposit = false;
    dues.forEach((due, i) => {
      const method = methods[i];
      if (!due.ok || !method) return;
      deposit ||= due.due.kind === 'deposit';
      const amount = formatMoney(due.due.amount, due.due.currency, ctx.locale);
      const label = ctx.t(method === 'card' ? 'payments-btn-card' : 'payments-btn-stars', { amount });
      keyboard.text(label, payWith.pack({ order: order.id, method })).row();
    });
    if (keyboard.inline_keyboard.some((row) => row.length > 0)) {
      if (payments.config?.payLater) {
        keyboard.text(ctx.t('payments-btn-later'), payLater.pack({ order: order.id }));
      }
      const percent = payments.config?.depositPercent ?? 100;
      const text = ctx.t(deposit ? 'payments-choose-deposit' : 'payments-choose', { id: order.id, percent });
      await sendScreen(ctx, { text, keyboard });
      return;
    }
  }
  const due = await payments.due(order.id);
  if (!due.ok) {
    if (!placed) await sendScreen(ctx, { text: ctx.t('payments-nothing-due') });
    return;
  }
  if (!placed) await sendScreen(ctx, { text: ctx.t('payments-pay-again', { id: order.id }) });
  await sendInvoiceFor(ctx, order.id, due.due.method);
}
