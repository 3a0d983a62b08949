import { InlineKeyboard } from 'grammy';
import type { Order } from '../../../services/orders.js';
import type { Translate } from '../../../text/i18n.js';
import { addPageRow } from '../../ui/pagination.js';
import { payOrder } from '../payments/callback-data.js';
import {
  askCancelMyOrder,
  cancelMyOrder,
  cancelOrder,
  completeOrder,
  myOrdersPage,
  takeOrder,
} from './callback-data.js';

/**
 * The staff buttons an order offers: "Take into work" and "Cancel" while it is created;
 * "Done" and "Cancel" while in work, only for its executor unless `anyStaff` (e.g. an owner's board).
 * Undefined when there is nothing to do (done, cancelled, or someone else's work).
 */
export function orderActionsKeyboard(
  t: Translate,
  order: Pick<Order, 'id' | 'state' | 'executorUserId'>,
  viewer: { userId?: number; anyStaff?: boolean } = {},
): InlineKeyboard | undefined {
  const data = { order: order.id };
  if (order.state === 'created') {
    return new InlineKeyboard()
      .text(t('order-btn-take'), takeOrder.pack(data))
      .text(t('order-btn-staff-cancel'), cancelOrder.pack(data));
  }
  if (order.state === 'in_work' && (viewer.anyStaff || viewer.userId === order.executorUserId)) {
    return new InlineKeyboard()
      .text(t('order-btn-done'), completeOrder.pack(data))
      .text(t('order-btn-staff-cancel'), cancelOrder.pack(data));
  }
  return undefined;
}

/**
 * /orders: with payments on, a Pay button per order that still owes money (not cancelled, unpaid or
 * after a deposit); a cancel button per order still `created` on this page; then the page row.
 */
export function myOrdersKeyboard(
  t: Translate,
  items: readonly Pick<Order, 'id' | 'state' | 'paymentState' | 'finalPrice'>[],
  page: number,
  pages: number,
  payments = false,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const order of items) {
    const owes = order.paymentState === 'unpaid' || order.paymentState === 'deposit_paid';
    if (payments && order.state !== 'cancelled' && order.finalPrice > 0 && owes) {
      keyboard.text(t('payments-btn-pay-order', { id: order.id }), payOrder.pack({ order: order.id })).row();
    }
    if (order.state === 'created') {
      keyboard
        .text(t('orders-btn-cancel', { id: order.id }), askCancelMyOrder.pack({ order: order.id, page }))
        .row();
    }
  }
  return addPageRow(keyboard, page, pages, (to) => myOrdersPage.pack({ page: to }));
}

/** "Yes, cancel" and "Back" (to the list page the customer came from). */
export function myOrderCancelConfirmKeyboard(t: Translate, orderId: number, page: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('orders-btn-yes-cancel'), cancelMyOrder.pack({ order: orderId, page }))
    .text(t('orders-btn-back'), myOrdersPage.pack({ page }));
}
