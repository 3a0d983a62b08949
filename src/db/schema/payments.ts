import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { orders } from './catalog.js';

export const invoiceKind = pgEnum('invoice_kind', ['full', 'deposit', 'remainder']);
export const invoiceState = pgEnum('invoice_state', ['open', 'paid', 'void']);

/**
 * One invoice sent to a customer (sendInvoice). `payload` is a random token that only names the row:
 * the pre-checkout query re-checks the row, its order and the amount, never the payload alone.
 * A newer invoice of the same order voids the older open ones.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: serial('id').primaryKey(),
    /** Random, base64url, ≤ 128 bytes (Telegram's limit on invoice_payload). */
    payload: varchar('payload', { length: 64 }).notNull().unique(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    kind: invoiceKind('kind').notNull(),
    /** ISO 4217 code, or `XTR` for Telegram Stars. */
    currency: varchar('currency', { length: 3 }).notNull(),
    /** In the currency's smallest unit (kopecks), or whole stars. */
    amount: integer('amount').notNull(),
    state: invoiceState('state').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('invoices_order_idx').on(t.orderId), check('invoices_amount_check', sql`${t.amount} > 0`)],
);

export const refundState = pgEnum('refund_state', ['pending', 'requested', 'refunded']);

/**
 * Money received (message.successful_payment), exactly once per Telegram charge: the unique
 * `telegram_payment_charge_id` makes a second delivery of the same payment a no-op.
 */
export const payments = pgTable(
  'payments',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    currency: varchar('currency', { length: 3 }).notNull(),
    amount: integer('amount').notNull(),
    telegramChargeId: text('telegram_payment_charge_id').notNull().unique(),
    providerChargeId: text('provider_payment_charge_id'),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * `pending`: a Stars refund is being sent (claimed by one owner's press); `requested`: a card
     * payment marked for the owner to refund at the provider; `refunded`: the money went back.
     */
    refundState: refundState('refund_state'),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
  },
  (t) => [index('payments_order_idx').on(t.orderId)],
);
