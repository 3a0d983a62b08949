import { type SQL, sql } from 'drizzle-orm';

/**
 * Where the checkout's state lives for SQL. The bot keeps the checkout dialog in the sessions table
 * (key = chat id = Telegram id) as `{ dialog: { name: 'order', step, data: { productId, … } } }`; the
 * audiences and the abandoned-order campaign read it through these builders, so the JSON paths are
 * written once, here, next to the dialog's name.
 */

/** The stored name of the checkout dialog: sessions saved by a running bot carry it. */
export const CHECKOUT_DIALOG = 'order';

/** True when the session row (its `value` column) holds an open checkout. */
export const inCheckout = (sessionValue: SQL): SQL =>
  sql`${sessionValue} -> 'dialog' ->> 'name' = ${CHECKOUT_DIALOG}`;

/** The product being ordered in that checkout, as text (compare with `products.id::text`). */
export const checkoutProductId = (sessionValue: SQL): SQL =>
  sql`${sessionValue} -> 'dialog' -> 'data' ->> 'productId'`;
