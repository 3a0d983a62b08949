import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './users.js';

export const ticketState = pgEnum('ticket_state', ['created', 'in_work', 'closed']);

/**
 * Seed: id, user FK, answer VARCHAR(200) (the problem text), state, support FK (nullable).
 * The support FK points at the agent's users row rather than the staff row: owners can handle
 * tickets too, and the history keeps its agent after the agent is removed from staff.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    text: varchar('text', { length: 200 }).notNull(),
    photo: text('photo'),
    state: ticketState('state').notNull().default('created'),
    supportUserId: integer('support_user_id').references(() => users.id),
    rating: smallint('rating'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the ticket last entered the open pool (created, requeued, reopened untaken): the SLA clock's start. */
    slaSince: timestamp('sla_since', { withTimezone: true }).notNull().defaultNow(),
    /** SLA marks, each set once by a conditional UPDATE: the agents were reminded of the untaken ticket… */
    slaRemindedAt: timestamp('sla_reminded_at', { withTimezone: true }),
    /** …it was escalated to admins and owners… */
    slaEscalatedAt: timestamp('sla_escalated_at', { withTimezone: true }),
    /** …and the latest customer message (ticket_messages.id) its holder was reminded to answer. */
    slaReplyRemindedMessageId: integer('sla_reply_reminded_message_id'),
  },
  (t) => [
    /** One open ticket per customer, enforced by the database. */
    uniqueIndex('tickets_one_open_per_user_uq').on(t.userId).where(sql`${t.state} <> 'closed'`),
    index('tickets_state_idx').on(t.state, t.createdAt),
    check('tickets_rating_check', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

/**
 * Every rating a customer gave a ticket, in order. `tickets.rating` is the rating of its latest
 * closing (cleared when the ticket is reopened, so that the next closing is rated again); the
 * ratings given before a reopening stay here.
 */
export const ticketRatings = pgTable(
  'ticket_ratings',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    rating: smallint('rating').notNull(),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ticket_ratings_ticket_idx').on(t.ticketId, t.ratedAt),
    check('ticket_ratings_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorUserId: integer('author_user_id')
      .notNull()
      .references(() => users.id),
    authorRole: text('author_role', { enum: ['customer', 'agent'] }).notNull(),
    text: text('text'),
    photo: text('photo'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt)],
);

/**
 * The messages in staff chats that belong to a ticket, so a reply to one reaches the right ticket
 * and every copy shows the ticket's state after a change: `relay` a customer's message relayed to
 * an agent (its text stays, its buttons follow the state), `card` a ticket card (redrawn), `note` a
 * "taken by …" notification (no buttons; a reply to it is answered with who holds the ticket).
 */
export const ticketRelays = pgTable(
  'ticket_relays',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    messageId: integer('message_id').notNull(),
    kind: text('kind', { enum: ['relay', 'card', 'note'] })
      .notNull()
      .default('relay'),
    /** The message is a photo with a caption (a card drawn on the customer's photo). */
    isPhoto: boolean('is_photo').notNull().default(false),
  },
  (t) => [uniqueIndex('ticket_relays_message_uq').on(t.chatId, t.messageId)],
);
