import { InlineKeyboard } from 'grammy';
import type { Order } from '../../services/orders.js';
import type { Translate } from '../../text/i18n.js';
import { addPageRow } from './pagination.js';

/**
 * Callback data of orders (all ≤ 64 bytes):
 * - `oa:take:<orderId>`         staff: take into work (owner/admin, re-checked on the server)
 * - `oa:done:<orderId>`         staff: mark done
 * - `oa:cancel:<orderId>`       staff: cancel (asks for a reason)
 * - `ords:p:<page>`             customer: /orders page in place
 * - `ords:c:<orderId>:<page>`   customer: ask to cancel an own order still `created`
 * - `ords:y:<orderId>:<page>`   customer: confirmed cancellation
 * The staff buttons work on any message (notifications, the admin board): the handlers re-read the order.
 */
export type StaffOrderAction = 'take' | 'done' | 'cancel';
export const staffOrderData = (action: StaffOrderAction, orderId: number): string =>
  `oa:${action}:${orderId}`;
export const myOrdersPageData = (page: number): string => `ords:p:${page}`;
export const myOrderCancelData = (orderId: number, page: number): string => `ords:c:${orderId}:${page}`;
export const myOrderCancelYesData = (orderId: number, page: number): string => `ords:y:${orderId}:${page}`;

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
  if (order.state === 'created') {
    return new InlineKeyboard()
      .text(t('order-btn-take'), staffOrderData('take', order.id))
      .text(t('order-btn-staff-cancel'), staffOrderData('cancel', order.id));
  }
  if (order.state === 'in_work' && (viewer.anyStaff || viewer.userId === order.executorUserId)) {
    return new InlineKeyboard()
      .text(t('order-btn-done'), staffOrderData('done', order.id))
      .text(t('order-btn-staff-cancel'), staffOrderData('cancel', order.id));
  }
  return undefined;
}

/** /orders: a cancel button per order still `created` on this page, then the page row. */
export function myOrdersKeyboard(
  t: Translate,
  items: readonly Pick<Order, 'id' | 'state'>[],
  page: number,
  pages: number,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const order of items) {
    if (order.state === 'created') {
      keyboard.text(t('orders-btn-cancel', { id: order.id }), myOrderCancelData(order.id, page)).row();
    }
  }
  return addPageRow(keyboard, page, pages, myOrdersPageData);
}

export function myOrderCancelConfirmKeyboard(t: Translate, orderId: number, page: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('orders-btn-yes-cancel'), myOrderCancelYesData(orderId, page))
    .text(t('orders-btn-back'), myOrdersPageData(page));
}
