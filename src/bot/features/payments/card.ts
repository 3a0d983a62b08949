import type { InlineKeyboard } from 'grammy';
import type { Order } from '../../../services/orders.js';
import type { PaymentSummary } from '../../../services/payments.js';
import { formatMoney } from '../../../text/format.js';
import type { Locale, MessageKey, Translate } from '../../../text/i18n.js';
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

const LIST_KEY: Record<PaymentSummary['state'], MessageKey | undefined> = {
  unpaid: undefined,
  deposit_paid: 'payments-list-deposit-paid',
  paid: 'payments-list-paid',
  refund_requested: 'payments-list-refund-requested',
  refunded: 'payments-list-refunded',
};

/** The customer's /orders line: where the money stands, or '' while nothing was paid. */
export function paymentListText(t: Translate, state: PaymentSummary['state']): string {
  const key = LIST_KEY[state];
  return key ? t(key) : '';
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
