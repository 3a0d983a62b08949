import { bigint, index, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * update_ids taken by a webhook instance: Telegram redelivers an update it thinks was not received
 * (a slow answer, a restart), and several instances share one database — the unique key makes
 * "handle it" happen once. Rows older than a day are pruned.
 */
export const processedUpdates = pgTable(
  'processed_updates',
  {
    updateId: bigint('update_id', { mode: 'number' }).primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('processed_updates_received_at_idx').on(t.receivedAt)],
);
