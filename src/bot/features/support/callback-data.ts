// Callback data of the customer side of the support desk (`sup:…`).
import { callbackData, field } from '../../callback-data.js';

/** The customer withdraws their open ticket: `sup:w:<ticket>`. */
export const withdrawTicket = callbackData('sup:w', { ticket: field.id() });
/** The customer rates a closed ticket: `sup:rt:<ticket>:<1-5>`. */
export const rateTicket = callbackData('sup:rt', { ticket: field.id(), stars: field.int(1, 5) });

/** The buttons a customer may press while their ticket is open (the waiting state). */
const ALLOWED_WHILE_WAITING: readonly RegExp[] = [withdrawTicket.filter, rateTicket.filter];

/** True when a customer with an open ticket may press a button with this data. */
export const allowedWhileWaiting = (data: string): boolean =>
  ALLOWED_WHILE_WAITING.some((filter) => filter.test(data));
