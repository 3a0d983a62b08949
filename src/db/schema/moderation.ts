import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * Every ban and its lifting: who banned whom, why, until when (null: for good), and who lifted it.
 * Rows are never deleted — the history is the record. At most one ban per user is active (not
 * lifted); an expired one needs no write: it simply stops matching `until > now()`.
 */
export const bans = pgTable(
  'bans',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    /** Telegram id of the owner or admin who banned (owners have no staff row). */
    bannedBy: bigint('banned_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    until: timestamp('until', { withTimezone: true }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: bigint('lifted_by', { mode: 'number' }),
    /** When the banned user was last told that access is restricted (one notice per while). */
    noticedAt: timestamp('noticed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('bans_one_active_per_user_uq').on(t.userId).where(sql`${t.liftedAt} is null`),
    index('bans_created_at_idx').on(t.createdAt),
  ],
);

/**
 * A sender in the flood cool-down, shared by webhook instances (polling keeps it in memory): the
 * first update over the limit sets `until`; a row whose `until` has passed is simply reused.
 */
export const floodCooldowns = pgTable('flood_cooldowns', {
  telegramId: bigint('telegram_id', { mode: 'number' }).primaryKey(),
  until: timestamp('until', { withTimezone: true }).notNull(),
});
