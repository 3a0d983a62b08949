import type { OrderDetails, OrderState } from '../../../services/orders.js';
import type { PaymentSummary } from '../../../services/payments.js';
import { displayName } from '../../../services/users.js';
import { formatDateTime, formatPrice } from '../../../text/format.js';
import type { Locale, MessageKey, Translate } from '../../../text/i18n.js';
import { formatDeadline } from '../catalog/card.js';
import { paymentLine } from '../payments/card.js';

const ORDER_STATE_KEY: Record<OrderState, MessageKey> = {
  created: 'order-state-created',
  in_work: 'order-state-in-work',
  done: 'order-state-done',
  cancelled: 'order-state-cancelled',
};

/** "🛠 in work" etc. */
export const orderStateText = (t: Translate, state: OrderState): string => t(ORDER_STATE_KEY[state]);

/**
 * The order card staff see in notifications and on the admin board (HTML, user text escaped);
 * with `payment`, a line says where its money stands.
 */
export function renderOrderCard(
  t: Translate,
  locale: Locale,
  timezone: string,
  details: OrderDetails,
  payment?: PaymentSummary,
): string {
  const { order, customer, executor } = details;
  const lines = [
    t('order-card-title', { id: order.id, state: orderStateText(t, order.state) }),
    t('order-card-product', { title: order.productTitle }),
    t('order-card-price', { price: formatPrice(order.price, locale) }),
  ];
  if (order.discount > 0) {
    lines.push(
      t('order-card-discount', {
        discount: formatPrice(order.discount, locale),
        code: order.promoCode ?? '',
      }),
    );
  }
  lines.push(
    t('order-card-final', { final: formatPrice(order.finalPrice, locale) }),
    ...(payment ? [paymentLine(t, locale, payment)] : []),
    t('order-card-deadline', { deadline: formatDeadline(t, order.deadlineDays) }),
    t('order-card-customer', { name: displayName(customer) }),
    t('order-card-email', { email: order.email }),
    t('order-card-created', { date: formatDateTime(order.createdOn, locale, timezone) }),
  );
  if (executor) lines.push(t('order-card-executor', { name: displayName(executor) }));
  if (order.state === 'cancelled') {
    lines.push(
      order.cancelledBy === 'customer'
        ? t('order-card-cancelled-by-customer')
        : t('order-card-cancel-reason', { reason: order.cancelReason ?? '' }),
    );
  }
  return lines.join('\n');
}
