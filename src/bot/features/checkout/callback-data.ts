import { callbackData, field } from '../../callback-data.js';

/**
 * The checkout's buttons. `key` is the checkout's random idempotency key, so a button of an older
 * checkout cannot act on a newer one.
 */

/** "Order" on a product card: starts the checkout of `product`. */
export const startCheckout = callbackData('ord:new', { product: field.id() });

const key = field.token(32);
/** The email step: use the email saved from an earlier order. */
export const useSavedEmail = callbackData('ord:em', { key });
/** The promo step: continue without a promo code. */
export const skipPromo = callbackData('ord:skip', { key });
/** The summary: place the order. */
export const confirmOrder = callbackData('ord:ok', { key });
/** Any step: leave the checkout. */
export const leaveCheckout = callbackData('ord:no', { key });
