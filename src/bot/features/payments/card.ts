import type { InlineKeyboard } from 'grammy';
import type { Order } from '../../../services/orders.js';
import type { PaymentSummary } from '../../../services/payments.js';
import { formatMoney } from '../../../text/format.js';
import type { Locale, Translate } from '../../../text/i18n.js';
import { confirmCardRefund, invoiceRemainder, refundStars, requestCardRefund } from './callback-data.js';

const money = (m: { amount: number; currency: string } | undefined, locale: Locale) =>
  m ? formatMoney(m.amount, m.currency, locale) : '—';

/** The order card's payment line: not paid, paid, deposit and what is due, refund asked or made. */
export function paymentLine(t: Translate, locale: Locale, summary: PaymentSummary): string {
  switch (summary.state) {
    case 'unpaid':
      return t('payments-card-unpaid');
    case 'paid':
      return t('payments-card-paid', { amount: money(summary.paid, locale) });
    case 'deposit_paid':
      return t('payments-card-deposit', {
        paid: money(summary.paid, locale),
        due: money(summary.due, locale),
      });
    case 'refund_requested':
      return t('payments-card-refund-requested', { amount: money(summary.paid, locale) });
    case 'refunded':
      return t('payments-card-refunded', { amount: money(summary.refunded, locale) });
  }
}

/** Who looks at the card: owners refund; owners and admins invoice the remainder. */
export interface PaymentViewer {
  owner: boolean;
}

/**
 * The card's payment buttons: "Invoice the balance" after a deposit (order not cancelled); for an
 * owner, "Refund Stars" while a Stars payment can be refunded, and for card payments "Refund
 * needed", then "Refund done".
 */
export function addPaymentButtons(
  keyboard: InlineKeyboard,
  t: Translate,
  order: Pick<Order, 'id' | 'state'>,
  summary: PaymentSummary,
  viewer: PaymentViewer,
): InlineKeyboard {
  const data = { order: order.id };
  const buttons: [string, string][] = [];
  if (summary.state === 'deposit_paid' && summary.due && order.state !== 'cancelled') {
    buttons.push([t('payments-btn-remainder'), invoiceRemainder.pack(data)]);
  }
  if (viewer.owner) {
    if (summary.starsRefundable) buttons.push([t('payments-btn-refund-stars'), refundStars.pack(data)]);
    if (summary.cardRefundable) buttons.push([t('payments-btn-refund-card'), requestCardRefund.pack(data)]);
    if (summary.refundRequested)
      buttons.push([t('payments-btn-refund-card-done'), confirmCardRefund.pack(data)]);
  }
  if (buttons.length === 0) return keyboard;
  if (keyboard.inline_keyboard.some((row) => row.length > 0)) keyboard.row();
  for (const [text, callback] of buttons) keyboard.text(text, callback);
  return keyboard;
}
