import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Customers and staff alike: everyone who talked to the bot.
 * The seed's `telegram_id INT` cannot hold Telegram ids above 2^31 → bigint;
 * its `email INT` is a typo → text, unique, nullable.
 */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    telegramId: bigint('telegram_id', { mode: 'number' }).notNull().unique(),
    email: text('email').unique(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name'),
    username: text('username'),
    languageCode: text('language_code'),
    adsOptOut: boolean('ads_opt_out').notNull().default(false),
    /** Set when Telegram said the user blocked the bot (403 or my_chat_member "kicked"). */
    blockedAt: timestamp('blocked_at', { withTimezone: true }),
    createdOn: timestamp('created_on', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_created_on_idx').on(t.createdOn)],
);

export const staffRole = pgEnum('staff_role', ['support', 'admin']);

/**
 * The seed's "support agents table". Keyed by Telegram id so an agent can be added
 * by numeric id before they ever pressed Start. Owners come from OWNER_IDS, not from here.
 */
export const staff = pgTable('staff', {
  id: serial('id').primaryKey(),
  telegramId: bigint('telegram_id', { mode: 'number' }).notNull().unique(),
  role: staffRole('role').notNull().default('support'),
  /** A paused agent gets no new-ticket notifications. */
  paused: boolean('paused').notNull().default(false),
  /** Admins opt in to new-ticket notifications; support agents always get them. */
  ticketNotifications: boolean('ticket_notifications').notNull().default(false),
  addedBy: bigint('added_by', { mode: 'number' }),
  createdOn: timestamp('created_on', { withTimezone: true }).notNull().defaultNow(),
});

/** One-time invite links `?start=staff_<token>` for new support agents. */
export const staffInvites = pgTable('staff_invites', {
  id: serial('id').primaryKey(),
  token: text('token').notNull().unique(),
  role: staffRole('role').notNull().default('support'),
  createdBy: bigint('created_by', { mode: 'number' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedBy: bigint('used_by', { mode: 'number' }),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdOn: timestamp('created_on', { withTimezone: true }).notNull().defaultNow(),
});

/** grammY session storage: dialog state lives here, never only in memory. */
export const sessions = pgTable('sessions', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Messages the bot sent to staff about one order or ticket, so that when one of them acts
 * the others' copies can be edited (e.g. "taken by Anna", button removed).
 */
export const staffNotifications = pgTable(
  'staff_notifications',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ['order', 'ticket'] }).notNull(),
    entityId: integer('entity_id').notNull(),
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    messageId: integer('message_id').notNull(),
    createdOn: timestamp('created_on', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_notifications_entity_idx').on(t.kind, t.entityId),
    uniqueIndex('staff_notifications_message_uq').on(t.chatId, t.messageId),
  ],
);
