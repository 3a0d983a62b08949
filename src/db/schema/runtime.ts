import { bigint, index, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * update_ids taken by a webhook instance: Telegram redelivers an update it thinks was not received
 * (a slow answer, a restart), and several instances share one database — the unique key makes
 * "handle it" happen once. Rows older than a day are pruned. The sender's id lets the same claim count
 * their recent updates for the flood limit across instances.
 */
export const processedUpdates = pgTable(
  'processed_updates',
  {
    updateId: bigint('update_id', { mode: 'number' }).primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** The sender (from.id) when the update has one: the flood limit counts a sender's recent updates. */
    fromId: bigint('from_id', { mode: 'number' }),
  },
  (t) => [
    index('processed_updates_received_at_idx').on(t.receivedAt),
    index('processed_updates_from_idx').on(t.fromId, t.receivedAt),
  ],
);
