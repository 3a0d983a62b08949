import { callbackData, field } from '../../callback-data.js';

/**
 * The orders' buttons. The staff buttons work on any message showing an order (notifications, the
 * admin board): the handlers re-read the order and re-check the role.
 */

const order = field.id();
const page = field.int(0, 999_999);

/** Staff: take the order into work. */
export const takeOrder = callbackData('oa:take', { order });
/** Staff (its executor): mark the order done — asks first, since the customer is told. */
export const completeOrder = callbackData('oa:done', { order });
/** Staff: "done" confirmed. */
export const completeOrderYes = callbackData('oa:doney', { order });
/** Staff: "not yet" on the confirm step; the buttons come back. */
export const keepOrder = callbackData('oa:keep', { order });
/** Staff: cancel the order (asks for a reason). */
export const cancelOrder = callbackData('oa:cancel', { order });

/** Customer: /orders page `page`, in place. */
export const myOrdersPage = callbackData('ords:p', { page });
/** Customer: ask whether to cancel an own order still `created` (the list was at `page`). */
export const askCancelMyOrder = callbackData('ords:c', { order, page });
/** Customer: the cancellation confirmed. */
export const cancelMyOrder = callbackData('ords:y', { order, page });
