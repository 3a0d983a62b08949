import type { Filter } from 'grammy';
import type { PreCheckoutRefusal } from '../../../services/payments.js';
import { isStaffRole } from '../../../services/staff.js';
import { displayName } from '../../../services/users.js';
import { formatMoney } from '../../../text/format.js';
import type { MessageKey } from '../../../text/i18n.js';
import { Composer } from '../../composer.js';
import type { BotContext } from '../../context.js';
import { notify } from '../../notify.js';
import { sendScreen } from '../../ui/screen.js';
import { orderStaffIds, refreshOrderMessages, translatorFor } from '../orders/notifications.js';
import { askRefundIfPaid } from './notifications.js';

const REFUSAL_KEY: Record<PreCheckoutRefusal, MessageKey> = {
  unknown: 'payments-refusal-unknown',
  not_yours: 'payments-refusal-not-yours',
  expired: 'payments-refusal-expired',
  outdated: 'payments-refusal-outdated',
  already_paid: 'payments-refusal-already-paid',
  cancelled: 'payments-refusal-cancelled',
  amount_changed: 'payments-refusal-amount-changed',
  product_unavailable: 'payments-refusal-product-unavailable',
};

/**
 * Telegram asks before charging and waits at most 10 s: one read re-checks the invoice, its order
 * and the product, and the answer goes straight back — ok, or a localized reason the customer sees
 * in the payment form.
 */
async function answerPreCheckout(ctx: Filter<BotContext, 'pre_checkout_query'>): Promise<void> {
  const query = ctx.preCheckoutQuery;
  if (ctx.ban && !isStaffRole(ctx.role)) {
    await ctx.answerPreCheckoutQuery(false, { error_message: ctx.t('payments-refusal-restricted') });
    return;
  }
  const result = await ctx.deps.services.payments.checkPreCheckout({
    payload: query.invoice_payload,
    telegramUserId: query.from.id,
    currency: query.currency,
    amount: query.total_amount,
  });
  if (result.ok) {
    await ctx.answerPreCheckoutQuery(true);
    return;
  }
  ctx.log.info({ reason: result.reason }, 'pre-checkout refused');
  await ctx.answerPreCheckoutQuery(false, { error_message: ctx.t(REFUSAL_KEY[result.reason]) });
}

/**
 * The money arrived: recorded once (a second delivery of the same charge does nothing), the customer
 * thanked, owners and admins told, and every staff copy of the order card redrawn ("💳 paid" /
 * "deposit paid, N due"). A payment that arrives for a cancelled order asks the owners to refund it.
 */
async function recordSuccessfulPayment(ctx: Filter<BotContext, 'message:successful_payment'>): Promise<void> {
  const paid = ctx.message.successful_payment;
  const { deps } = ctx;
  const result = await deps.services.payments.recordPayment({
    payload: paid.invoice_payload,
    currency: paid.currency,
    amount: paid.total_amount,
    telegramChargeId: paid.telegram_payment_charge_id,
    providerChargeId: paid.provider_payment_charge_id || undefined,
  });
  if (!result.ok) {
    ctx.log.error({ charge: paid.telegram_payment_charge_id }, 'payment for an unknown invoice');
    await sendScreen(ctx, { text: ctx.t('payments-unmatched') });
    for (const chatId of deps.config.ownerIds) {
      const { t, locale } = await translatorFor(deps, chatId);
      const text = t('payments-staff-unmatched', {
        amount: formatMoney(paid.total_amount, paid.currency, locale),
        name: displayName(ctx.user),
        charge: paid.telegram_payment_charge_id,
      });
      await notify(ctx.api, deps, chatId, text);
    }
    return;
  }
  if (!result.created) {
    ctx.log.info({ charge: paid.telegram_payment_charge_id }, 'payment delivered again: already recorded');
    return;
  }
  const { order, payment } = result;
  const summary = await deps.services.payments.summary(order);
  const amount = formatMoney(payment.amount, payment.currency, ctx.locale);
  if (order.paymentState === 'deposit_paid' && summary.due) {
    const rest = formatMoney(summary.due.amount, summary.due.currency, ctx.locale);
    await sendScreen(ctx, { text: ctx.t('payments-deposit-paid', { amount, rest, id: order.id }) });
  } else {
    await sendScreen(ctx, {
      text: ctx.t('payments-paid', { amount, id: order.id, title: order.productTitle }),
    });
  }
  for (const chatId of await orderStaffIds(deps)) {
    const { t, locale } = await translatorFor(deps, chatId);
    const staffAmount = formatMoney(payment.amount, payment.currency, locale);
    const text =
      order.paymentState === 'deposit_paid' && summary.due
        ? t('payments-staff-deposit', {
            id: order.id,
            amount: staffAmount,
            due: formatMoney(summary.due.amount, summary.due.currency, locale),
          })
        : t('payments-staff-paid', { id: order.id, amount: staffAmount });
    await notify(ctx.api, deps, chatId, text);
  }
  await refreshOrderMessages(ctx.api, deps, order.id);
  if (order.state === 'cancelled') await askRefundIfPaid(ctx.api, deps, order.id);
}

/**
 * Payment updates, right after the users row is read: ahead of the ban gate and the flood limit
 * (money already taken is recorded whatever happened since), the session, the ticket wait-lock and
 * every dialog — a customer with an open ticket or in the middle of a dialog still pays (the
 * wait-lock would answer a successful_payment with its notice, and the pre-checkout query must be
 * answered within 10 s). They read and write no session.
 */
export const paymentUpdates = new Composer<BotContext>();
paymentUpdates.on('pre_checkout_query', answerPreCheckout);
paymentUpdates.chatType('private').on('message:successful_payment', recordSuccessfulPayment);
