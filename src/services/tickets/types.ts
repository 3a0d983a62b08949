import type { ticketMessages, tickets } from '../../db/schema/index.js';
import type { Role } from '../staff.js';
import type { User } from '../users.js';

export type Ticket = typeof tickets.$inferSelect;
export type TicketState = Ticket['state'];
export type TicketMessage = typeof ticketMessages.$inferSelect;

/**
 * The seed's problem field ("answer VARCHAR(200)"): a longer problem keeps its first 200
 * characters there, as the subject, and its whole text as the first message of the conversation.
 */
export const TICKET_TEXT_MAX = 200;

/** The problem field of a ticket: the text itself, or its start cut at a word and marked "…". */
export function ticketSubject(text: string): string {
  const chars = [...text];
  if (chars.length <= TICKET_TEXT_MAX) return text;
  const head = chars.slice(0, TICKET_TEXT_MAX - 1).join('');
  const space = head.search(/\s\S*$/);
  const cut = space > head.length / 2 ? head.slice(0, space) : head;
  return `${cut.trimEnd()}…`;
}

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
  | Refusal<'empty'>
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

/** What a staff message about a ticket shows: a relayed customer message, the card, a handled notification. */
export type TicketCopyKind = 'relay' | 'card' | 'note';

/** A staff message that belongs to a ticket (ticket_relays): replies to it reach the ticket. */
export interface TicketCopy extends SentMessage {
  ticketId: number;
  kind: TicketCopyKind;
  isPhoto: boolean;
}
