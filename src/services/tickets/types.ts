import type { ticketMessages, tickets } from '../../db/schema/index.js';
import type { Role } from '../staff.js';
import type { User } from '../users.js';

export type Ticket = typeof tickets.$inferSelect;
export type TicketState = Ticket['state'];
export type TicketMessage = typeof ticketMessages.$inferSelect;

/** The seed's limit on the problem text ("answer VARCHAR(200)"). */
export const TICKET_TEXT_MAX = 200;

/** Who acts: the users row id and the role read from the database for this update. */
export interface Actor {
  userId: number;
  role: Role;
}

/** Text, a photo (Telegram file_id) with an optional caption, or both. */
export interface TicketContent {
  text?: string | null | undefined;
  photo?: string | null | undefined;
}

/** A ticket with its customer and (when held) its agent. */
export interface TicketView {
  ticket: Ticket;
  customer: User;
  agent: User | null;
}

export type TicketTab = 'open' | 'work' | 'closed';

export type Refusal<R extends string> = { ok: false; reason: R };
type Done<T> = { ok: true } & T;

export type CreateResult =
  | Done<{ ticket: Ticket }>
  | Refusal<'empty' | 'too_long'>
  | { ok: false; reason: 'already_open'; ticket: Ticket };

export type TakeResult =
  | Done<{ ticket: Ticket }>
  | Refusal<'forbidden' | 'not_found' | 'closed'>
  | { ok: false; reason: 'taken'; holder: User | null };

export type MessageResult =
  | Done<{ ticket: Ticket; message: TicketMessage }>
  | Refusal<'forbidden' | 'not_found' | 'closed' | 'not_taken' | 'empty'>;

export type CloseResult = Done<{ ticket: Ticket }> | Refusal<'forbidden' | 'not_found' | 'closed'>;

export type ReopenResult =
  | Done<{ ticket: Ticket }>
  | Refusal<'forbidden' | 'not_found' | 'not_closed' | 'customer_has_open'>;

export type RedirectResult =
  | Done<{ ticket: Ticket; previousAgentUserId: number | null }>
  | Refusal<'forbidden' | 'not_found' | 'closed' | 'bad_target' | 'same_agent'>;

export type WithdrawResult = Done<{ ticket: Ticket; previousState: TicketState }> | Refusal<'not_found'>;

export type RateResult =
  | Done<{ ticket: Ticket }>
  | Refusal<'not_found' | 'not_closed' | 'already_rated' | 'bad_rating'>;

export interface TranscriptEntry {
  message: TicketMessage;
  author: User;
}

/** A message the bot sent about a ticket (a staff notification copy). */
export interface SentMessage {
  chatId: number;
  messageId: number;
}
