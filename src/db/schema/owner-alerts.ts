import { bigint, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export type OwnerAlertEvent = 'invite_used' | 'order_cancelled' | 'low_rating' | 'broadcast_finished';

/**
 * Owner alerts each owner switched off (a row = off): every alert is on by default, and owners come
 * from OWNER_IDS rather than a table, so only the exceptions are stored.
 */
export const ownerAlertOptOuts = pgTable(
  'owner_alert_opt_outs',
  {
    telegramId: bigint('telegram_id', { mode: 'number' }).notNull(),
    event: text('event').$type<OwnerAlertEvent>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.telegramId, t.event] })],
);
