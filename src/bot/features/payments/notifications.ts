import { type Api, InlineKeyboard } from 'grammy';
import { formatMoney } from '../../../text/format.js';
import type { BotDeps } from '../../context.js';
import { notify } from '../../notify.js';
import { translatorFor } from '../orders/notifications.js';
import { addPaymentButtons } from './card.js';

type Deps = Pick<BotDeps, 'config' | 'logger' | 'services' | 'translator'>;

/**
 * A cancelled order that was paid (fully or a deposit): every owner is asked to refund it, with the
 * refund button right on the message (Stars) or "Refund needed" (card, refunded at the provider).
 */
export async function askRefundIfPaid(api: Api, deps: Deps, orderId: number): Promise<void> {
  const order = await deps.services.orders.byId(orderId);
  if (order?.state !== 'cancelled') return;
  if (order.paymentState !== 'paid' && order.paymentState !== 'deposit_paid') return;
  const summary = await deps.services.payments.summary(order);
  if (!summary.paid) return;
  for (const chatId of deps.config.ownerIds) {
    const { t, locale } = await translatorFor(deps, chatId);
    const text = t('payments-staff-cancelled-paid', {
      id: order.id,
      amount: formatMoney(summary.paid.amount, summary.paid.currency, locale),
    });
    const keyboard = addPaymentButtons(new InlineKeyboard(), t, order, summary, { owner: true });
    // Not recorded as a copy of the card: redrawing it would replace the warning with the card.
    await notify(api, deps, chatId, text, { reply_markup: keyboard });
  }
}
