import { callbackData, field } from '../../callback-data.js';

/**
 * The payment buttons. Customer buttons are checked against the presser's own orders; staff
 * buttons re-check the role on every press (callback data can be forged).
 */

const order = field.id();

/** Customer: pay for the order with this method (sends the invoice). */
export const payWith = callbackData('pay:m', { order, method: field.oneOf('card', 'stars') });
/** Customer: pay what is due now, with the only method or the one already used (from /orders). */
export const payOrder = callbackData('pay:o', { order });
/** Customer: "Pay later" — the order waits; the open invoice is voided. */
export const payLater = callbackData('pay:l', { order });
/** Staff (owner or admin): send the customer an invoice for the rest after a deposit. */
export const invoiceRemainder = callbackData('pay:rest', { order });
/** Owner: refund the order's Stars payments (asks first). */
export const refundStars = callbackData('pay:rf', { order });
/** Owner: the Stars refund confirmed. */
export const refundStarsYes = callbackData('pay:rfy', { order });
/** Owner: "No" on the refund confirm step; the card's buttons come back. */
export const refundKeep = callbackData('pay:rfn', { order });
/** Owner: mark the order's card payments "refund requested" (refunded at the provider). */
export const requestCardRefund = callbackData('pay:rq', { order });
/** Owner: the card refund was made at the provider. */
export const confirmCardRefund = callbackData('pay:rqd', { order });
