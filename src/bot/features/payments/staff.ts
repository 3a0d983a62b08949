import { GrammyError, InlineKeyboard } from 'grammy';
import { isAdminRole } from '../../../services/staff.js';
import { escapeHtml } from '../../../telegram/html-render.js';
import { html } from '../../../telegram/markup.js';
import { formatMoney } from '../../../text/format.js';
import { type CallbackCodec, onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext } from '../../context.js';
import { notify } from '../../notify.js';
import { callbackTarget, sendScreen, showKeyboardAt } from '../../ui/screen.js';
import { refreshOrderMessages, showOrderCardAt, translatorFor } from '../orders/notifications.js';
import { withRowReplaced } from '../orders/staff-actions.js';
import {
  confirmCardRefund,
  invoiceRemainder,
  refundKeep,
  refundStars,
  refundStarsYes,
  requestCardRefund,
} from './callback-data.js';
import { sendInvoiceMessage } from './invoice.js';

/** The pressed card, and then every other staff copy of the order, as the order is now. */
async function redrawCards(ctx: BotContext, orderId: number): Promise<void> {
  const details = await ctx.deps.services.orders.details(orderId);
  if (!details) return;
  const target = callbackTarget(ctx);
  const origin =
    target?.messageId === undefined ? undefined : { chatId: target.chatId, messageId: target.messageId };
  if (origin) {
    await showOrderCardAt(
      ctx.api,
      ctx.deps,
      origin,
      { t: ctx.t, locale: ctx.locale, userId: ctx.user.id },
      details,
    );
  }
  await refreshOrderMessages(ctx.api, ctx.deps, orderId, origin);
}

/** Tells the order's customer, in their language, about a refund. */
async function tellCustomer(
  ctx: BotContext,
  orderId: number,
  key: 'payments-refunded-stars' | 'payments-refunded-card',
  amount: { amount: number; currency: string },
): Promise<void> {
  const details = await ctx.deps.services.orders.details(orderId);
  if (!details) return;
  const { t, locale } = await translatorFor(ctx.deps, details.customer.telegramId);
  const text = t(key, { id: orderId, amount: formatMoney(amount.amount, amount.currency, locale) });
  await notify(ctx.api, ctx.deps, details.customer.telegramId, text);
}

/** "Invoice the balance": an invoice for the rest after a deposit, sent to the customer. */
async function sendRemainder(ctx: BotContext, orderId: number): Promise<void> {
  const { deps } = ctx;
  const opened = await deps.services.payments.openInvoice(orderId);
  if (!opened.ok) {
    await ctx.answerCallbackQuery({
      text: ctx.t(opened.reason === 'not_found' ? 'order-not-found' : 'payments-nothing-due'),
      show_alert: true,
    });
    await redrawCards(ctx, orderId);
    return;
  }
  const details = await deps.services.orders.details(orderId);
  if (!details) return;
  const customer = details.customer.telegramId;
  const viewer = await translatorFor(deps, customer);
  await notify(ctx.api, deps, customer, viewer.t('payments-pay-again', { id: orderId }));
  const sent = await sendInvoiceMessage(ctx.api, deps, customer, viewer, opened);
  const amount = formatMoney(opened.invoice.amount, opened.invoice.currency, ctx.locale);
  await ctx.answerCallbackQuery({
    text: sent ? ctx.t('payments-remainder-sent', { amount }) : ctx.t('payments-remainder-not-delivered'),
    show_alert: !sent,
  });
}

/** "Refund Stars" asks first: its row becomes "Yes, refund" / "No". */
async function askRefund(ctx: BotContext, orderId: number): Promise<void> {
  const order = await ctx.deps.services.orders.byId(orderId);
  const summary = order ? await ctx.deps.services.payments.summary(order) : undefined;
  if (!order || !summary?.starsRefundable || !summary.paid) {
    await ctx.answerCallbackQuery({
      text: ctx.t(order ? 'payments-refund-nothing' : 'order-not-found'),
      show_alert: true,
    });
    if (order) await redrawCards(ctx, orderId);
    return;
  }
  const amount = formatMoney(summary.paid.amount, summary.paid.currency, ctx.locale);
  await ctx.answerCallbackQuery({
    text: ctx.t('payments-refund-ask', { id: orderId, amount }),
    show_alert: true,
  });
  const row = new InlineKeyboard()
    .text(ctx.t('payments-btn-refund-yes'), refundStarsYes.pack({ order: orderId }))
    .text(ctx.t('payments-btn-refund-no'), refundKeep.pack({ order: orderId })).inline_keyboard[0];
  const target = callbackTarget(ctx);
  const markup = row && withRowReplaced(ctx, row);
  if (target?.messageId !== undefined && markup) {
    await showKeyboardAt(ctx.api, target.chatId, target.messageId, markup, ctx.log);
  }
}

/**
 * The Stars refund confirmed: the payments are claimed atomically (a second press or a second owner
 * gets "nothing to refund"), refundStarPayment is called once per charge, and the payment is marked
 * refunded — or given back when Telegram refused, to be tried again.
 */
async function refund(ctx: BotContext, orderId: number): Promise<void> {
  const { payments } = ctx.deps.services;
  const claimed = await payments.claimStarRefunds(orderId);
  if (claimed.length === 0) {
    await ctx.answerCallbackQuery({ text: ctx.t('payments-refund-nothing'), show_alert: true });
    await redrawCards(ctx, orderId);
    return;
  }
  let refunded = 0;
  let failure: string | undefined;
  for (const { payment, customerTelegramId } of claimed) {
    try {
      await ctx.api.refundStarPayment(customerTelegramId, payment.telegramChargeId);
      await payments.finishStarRefund(payment.id, true);
      refunded += payment.amount;
    } catch (error) {
      if (!(error instanceof GrammyError)) {
        await payments.finishStarRefund(payment.id, false);
        throw error;
      }
      const already = error.description.includes('CHARGE_ALREADY_REFUNDED');
      await payments.finishStarRefund(payment.id, already);
      if (!already) failure = error.description;
      ctx.log.warn({ err: error, paymentId: payment.id }, 'refundStarPayment refused');
    }
  }
  const total = { amount: refunded, currency: 'XTR' };
  if (failure !== undefined) {
    await ctx.answerCallbackQuery({
      text: ctx.t('payments-refund-failed', { error: failure }),
      show_alert: true,
    });
  } else {
    await ctx.answerCallbackQuery({
      text: ctx.t('payments-refund-done', { amount: formatMoney(refunded, 'XTR', ctx.locale) }),
    });
  }
  if (refunded > 0) await tellCustomer(ctx, orderId, 'payments-refunded-stars', total);
  await redrawCards(ctx, orderId);
}

/** "Refund needed" on a card payment: marked, with how to refund it at the provider. */
async function markCardRefund(ctx: BotContext, orderId: number): Promise<void> {
  const marked = await ctx.deps.services.payments.requestCardRefund(orderId);
  if (marked.length === 0) {
    await ctx.answerCallbackQuery({ text: ctx.t('payments-refund-nothing'), show_alert: true });
    await redrawCards(ctx, orderId);
    return;
  }
  await ctx.answerCallbackQuery();
  const charges = marked
    .map((p) => `<code>${escapeHtml(p.providerChargeId ?? p.telegramChargeId)}</code>`)
    .join(', ');
  await sendScreen(ctx, { text: ctx.t('payments-refund-card-instructions', { charges: html(charges) }) });
  await redrawCards(ctx, orderId);
}

/** "Refund done": the card payments refunded at the provider; the customer is told. */
async function finishCardRefund(ctx: BotContext, orderId: number): Promise<void> {
  const done = await ctx.deps.services.payments.confirmCardRefund(orderId);
  if (done.length === 0) {
    await ctx.answerCallbackQuery({ text: ctx.t('payments-refund-nothing'), show_alert: true });
    await redrawCards(ctx, orderId);
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('payments-refund-card-done', { id: orderId }) });
  const currency = done[0]?.currency ?? 'RUB';
  const amount = done.reduce((n, p) => n + (p.currency === currency ? p.amount : 0), 0);
  await tellCustomer(ctx, orderId, 'payments-refunded-card', { amount, currency });
  await redrawCards(ctx, orderId);
}

/**
 * The payment buttons on staff order cards. The role is re-read on every update and checked here:
 * owners and admins invoice the balance; only owners refund.
 */
export const staffPaymentActions = new Composer<BotContext>();

const button = (
  codec: CallbackCodec<{ order: number }>,
  who: 'admin' | 'owner',
  action: (ctx: BotContext, orderId: number) => Promise<void>,
) =>
  staffPaymentActions.callbackQuery(
    codec.filter,
    onCallback(codec, async (ctx, { order }) => {
      const allowed = who === 'owner' ? ctx.role === 'owner' : isAdminRole(ctx.role);
      if (!allowed) {
        const text = ctx.t(who === 'owner' && isAdminRole(ctx.role) ? 'payments-owner-only' : 'not-allowed');
        await ctx.answerCallbackQuery({ text, show_alert: true });
        return;
      }
      await action(ctx, order);
    }),
  );
button(invoiceRemainder, 'admin', sendRemainder);
button(refundStars, 'owner', askRefund);
button(refundStarsYes, 'owner', refund);
button(refundKeep, 'owner', async (ctx, orderId) => {
  await ctx.answerCallbackQuery();
  await redrawCards(ctx, orderId);
});
button(requestCardRefund, 'owner', markCardRefund);
button(confirmCardRefund, 'owner', finishCardRefund);
