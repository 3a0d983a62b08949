import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { products } from './catalog.js';
import { users } from './users.js';

/** An inline button under an advertising message (the "Unsubscribe" button is always added). */
export type AdButton =
  | { kind: 'url'; text: string; url: string }
  | { kind: 'product'; text: string; productId: number };

export type Audience =
  | { kind: 'all' }
  | { kind: 'customers' }
  | { kind: 'no_orders' }
  | { kind: 'abandoned' }
  | { kind: 'language'; language: string };

/** When a broadcast is sent: recurring kinds are stored as a cron expression in `cron`. */
export type ScheduleKind = 'now' | 'once' | 'daily' | 'weekly' | 'cron';

/**
 * One advertising message (manual, or the carrier of an automatic campaign's messages).
 * `text` is HTML already validated against Telegram's rules; a campaign with `text` null uses the
 * recipient's language default text.
 */
export const broadcasts = pgTable(
  'broadcasts',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ['manual', 'campaign'] })
      .notNull()
      .default('manual'),
    /** For kind = campaign: new_product | abandoned | winback | followup (one carrier row each). */
    campaign: text('campaign'),
    createdBy: bigint('created_by', { mode: 'number' }),
    text: text('text'),
    photo: text('photo'),
    buttons: jsonb('buttons').$type<AdButton[]>().notNull().default([]),
    audience: jsonb('audience').$type<Audience>().notNull().default({ kind: 'all' }),
    scheduleKind: text('schedule_kind').$type<ScheduleKind>().notNull().default('now'),
    /** Recurring schedules, in the studio's time zone. */
    cron: text('cron'),
    /** The next time the scheduler fires it; null when nothing is due. */
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    state: text('state', { enum: ['draft', 'scheduled', 'sent', 'cancelled'] })
      .notNull()
      .default('draft'),
    /** "Also post to the channel": the channel (CHANNEL_ID) each run posts to once; null = subscribers only. */
    channelChat: text('channel_chat'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('broadcasts_due_idx').on(t.nextRunAt).where(sql`${t.state} = 'scheduled'`),
    uniqueIndex('broadcasts_campaign_uq').on(t.campaign).where(sql`${t.kind} = 'campaign'`),
  ],
);

/** One sending of a broadcast (a recurring one has a run per occurrence). */
export const broadcastRuns = pgTable(
  'broadcast_runs',
  {
    id: serial('id').primaryKey(),
    broadcastId: integer('broadcast_id')
      .notNull()
      .references(() => broadcasts.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['running', 'paused', 'cancelled', 'done'] })
      .notNull()
      .default('running'),
    /** The occurrence this run serves: one run per broadcast and occurrence, even with two schedulers. */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    total: integer('total').notNull().default(0),
    progressChatId: bigint('progress_chat_id', { mode: 'number' }),
    progressMessageId: integer('progress_message_id'),
    /** The progress message shows the final figures. */
    progressFinal: boolean('progress_final').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('broadcast_runs_occurrence_uq').on(t.broadcastId, t.scheduledFor)],
);

export type DeliveryState =
  | 'pending'
  | 'claimed'
  | 'sending'
  | 'sent'
  | 'unconfirmed'
  | 'failed'
  | 'blocked'
  | 'skipped'
  | 'cancelled';

/**
 * The durable queue: one row per run and recipient. `claimed` = taken by the sender, not yet handed to
 * the network (released on recovery); `sending` = handed to the network (on recovery: `unconfirmed`).
 */
export const broadcastDeliveries = pgTable(
  'broadcast_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => broadcastRuns.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: text('state').$type<DeliveryState>().notNull().default('pending'),
    /** Per-recipient values of a campaign message (product, promo code). */
    vars: jsonb('vars').$type<Record<string, string | number>>(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    holder: text('holder'),
    error: text('error'),
    messageId: integer('message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('broadcast_deliveries_recipient_uq').on(t.runId, t.userId),
    index('broadcast_deliveries_pending_idx').on(t.id).where(sql`${t.state} = 'pending'`),
    index('broadcast_deliveries_inflight_idx').on(t.holder).where(sql`${t.state} in ('claimed', 'sending')`),
    index('broadcast_deliveries_run_idx').on(t.runId, t.state),
  ],
);

/**
 * The channel post of one run: one row per run (the unique key), sent by the broadcast sender like a
 * delivery. `sending` = handed to the network; a sender that takes over from a dead one turns it
 * into `unconfirmed` (counted as posted, never posted again), so the channel gets it once.
 */
export const broadcastChannelPosts = pgTable('broadcast_channel_posts', {
  id: serial('id').primaryKey(),
  runId: integer('run_id')
    .notNull()
    .unique()
    .references(() => broadcastRuns.id, { onDelete: 'cascade' }),
  chat: text('chat').notNull(),
  state: text('state', { enum: ['pending', 'sending', 'sent', 'unconfirmed', 'failed'] })
    .notNull()
    .default('pending'),
  holder: text('holder'),
  attempts: integer('attempts').notNull().default(0),
  messageId: integer('message_id'),
  error: text('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});

/** A press on a broadcast's "open product" deep link. */
export const broadcastClicks = pgTable(
  'broadcast_clicks',
  {
    id: serial('id').primaryKey(),
    broadcastId: integer('broadcast_id')
      .notNull()
      .references(() => broadcasts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    productId: integer('product_id').references(() => products.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('broadcast_clicks_broadcast_idx').on(t.broadcastId, t.userId)],
);

/** One holder at a time per named job across instances; taken and renewed by one conditional UPDATE. */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().defaultNow(),
});

export type CampaignKind = 'new_product' | 'abandoned' | 'winback' | 'followup';

/** The admin's switches for the automatic campaigns. `text` null: the default text of each language. */
export const campaignSettings = pgTable('campaign_settings', {
  campaign: text('campaign').$type<CampaignKind>().primaryKey(),
  enabled: boolean('enabled').notNull().default(false),
  /** Hours (abandoned, followup) or days (winback); unused for new_product. */
  delay: integer('delay').notNull(),
  /** Win-back discount in percent. */
  discount: integer('discount').notNull().default(10),
  text: text('text'),
  /** When it was last switched on: users and products older than this are not swept up at once. */
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Each recipient at most once per campaign key (e.g. `abandoned:12`, `product:5:2`). */
export const campaignSends = pgTable(
  'campaign_sends',
  {
    key: text('key').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.userId] })],
);

/** Last seen is_active of each product, to announce new and re-enabled products once per transition. */
export const productAnnouncements = pgTable('product_announcements', {
  productId: integer('product_id')
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  isActive: boolean('is_active').notNull(),
  /** Number of announcements so far: part of the campaign key, so a re-enabled product is announced again. */
  announcements: integer('announcements').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
