// State changes of a ticket. Every one is a conditional UPDATE (or one transaction that starts with
// it), so two agents, or an agent and the customer, acting at the same instant cannot both win.
import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { staff, ticketMessages, ticketRatings, tickets, users } from '../../db/schema/index.js';
import { isAdminRole, isStaffRole } from '../staff.js';
import { byId, holdsOrAdmin, openTicketOf, view } from './queries.js';
import {
  type Actor,
  type CloseResult,
  type CreateResult,
  type MessageResult,
  type RateResult,
  type RedirectResult,
  type ReopenResult,
  type TakeResult,
  type Ticket,
  type TicketContent,
  ticketSubject,
  type WithdrawResult,
} from './types.js';

function normalise(content: TicketContent): { text: string | null; photo: string | null } {
  const text = content.text?.trim() ? content.text.trim() : null;
  const photo = content.photo ? content.photo : null;
  return { text, photo };
}

/**
 * Opens a ticket for `userId` with the problem text or a photo with a caption. The whole problem
 * is the first entry of the conversation; the ticket's 200-character problem field holds it, or
 * its start when it is longer (see {@link ticketSubject}), so nothing the customer wrote is lost. One open ticket per customer is
 * enforced by a partial unique index, so two simultaneous /support answers create one ticket.
 */
export async function create(db: Executor, userId: number, content: TicketContent): Promise<CreateResult> {
  const { text, photo } = normalise(content);
  if (!text) return { ok: false, reason: 'empty' };
  try {
    const ticket = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(tickets)
        .values({ userId, text: ticketSubject(text), photo })
        .returning();
      if (!row) throw new Error('ticket insert returned no row');
      await tx
        .insert(ticketMessages)
        .values({ ticketId: row.id, authorUserId: userId, authorRole: 'customer', text, photo });
      return row;
    });
    return { ok: true, ticket };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const open = await openTicketOf(db, userId);
    if (!open) throw error;
    return { ok: false, reason: 'already_open', ticket: open };
  }
}

/**
 * Takes a ticket into work: one `UPDATE … WHERE id = $1 AND state = 'created' RETURNING`.
 * Exactly one of any number of simultaneous takes succeeds; the others learn who holds it.
 */
export async function take(db: Executor, ticketId: number, actor: Actor): Promise<TakeResult> {
  if (!isStaffRole(actor.role)) return { ok: false, reason: 'forbidden' };
  const [taken] = await db
    .update(tickets)
    .set({
      state: 'in_work',
      supportUserId: actor.userId,
      takenAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(tickets.id, ticketId), eq(tickets.state, 'created')))
    .returning();
  if (taken) return { ok: true, ticket: taken };
  const current = await view(db, ticketId);
  if (!current) return { ok: false, reason: 'not_found' };
  if (current.ticket.state === 'closed') return { ok: false, reason: 'closed' };
  return { ok: false, reason: 'taken', holder: current.agent };
}

/**
 * Adds a message to the conversation. A customer writes to their own open ticket (held or not:
 * the agent who takes it sees it in the transcript). An agent writes only to a ticket in work
 * that they hold (admins and owners to any ticket in work); the first agent message sets
 * first_response_at. The row lock of the UPDATE orders it against a simultaneous close.
 */
export async function addMessage(
  db: Executor,
  ticketId: number,
  author: Actor,
  authorRole: 'customer' | 'agent',
  content: TicketContent,
): Promise<MessageResult> {
  const { text, photo } = normalise(content);
  if (!text && !photo) return { ok: false, reason: 'empty' };
  if (authorRole === 'agent' && !isStaffRole(author.role)) return { ok: false, reason: 'forbidden' };
  const condition =
    authorRole === 'customer'
      ? and(eq(tickets.id, ticketId), eq(tickets.userId, author.userId), ne(tickets.state, 'closed'))
      : and(eq(tickets.id, ticketId), eq(tickets.state, 'in_work'), holdsOrAdmin(author));
  const result = await db.transaction(async (tx) => {
    const [ticket] = await tx
      .update(tickets)
      .set({
        updatedAt: sql`now()`,
        ...(authorRole === 'agent'
          ? { firstResponseAt: sql`coalesce(${tickets.firstResponseAt}, now())` }
          : {}),
      })
      .where(condition)
      .returning();
    if (!ticket) return undefined;
    const [message] = await tx
      .insert(ticketMessages)
      .values({ ticketId, authorUserId: author.userId, authorRole, text, photo })
      .returning();
    if (!message) throw new Error('ticket message insert returned no row');
    return { ticket, message };
  });
  if (result) return { ok: true, ...result };
  const ticket = await byId(db, ticketId);
  if (!ticket) return { ok: false, reason: 'not_found' };
  if (authorRole === 'customer') {
    return { ok: false, reason: ticket.userId === author.userId ? 'closed' : 'forbidden' };
  }
  if (ticket.state === 'closed') return { ok: false, reason: 'closed' };
  if (ticket.state === 'created') return { ok: false, reason: 'not_taken' };
  return { ok: false, reason: 'forbidden' };
}

/**
 * Closes a ticket. Its holder may close it; admins and owners may close any open ticket
 * (also one nobody took yet, e.g. spam).
 */
export async function close(db: Executor, ticketId: number, actor: Actor): Promise<CloseResult> {
  if (!isStaffRole(actor.role)) return { ok: false, reason: 'forbidden' };
  const [closed] = await db
    .update(tickets)
    .set({ state: 'closed', closedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(tickets.id, ticketId),
        isAdminRole(actor.role) ? ne(tickets.state, 'closed') : eq(tickets.state, 'in_work'),
        holdsOrAdmin(actor),
      ),
    )
    .returning();
  if (closed) return { ok: true, ticket: closed };
  const ticket = await byId(db, ticketId);
  if (!ticket) return { ok: false, reason: 'not_found' };
  if (ticket.state === 'closed') return { ok: false, reason: 'closed' };
  return { ok: false, reason: 'forbidden' };
}

const ownerArray = (ownerIds: readonly number[]): string =>
  `array[${ownerIds.map((id) => Math.trunc(id)).join(',')}]::bigint[]`;

/**
 * Reopens a closed ticket. It goes back to the agent who held it, in work, when that agent is
 * still staff (or an owner): they know the conversation, and the customer continues where they
 * left off. A ticket nobody held, or whose agent has left, goes back to the open pool (created).
 * Its last holder may reopen it, admins and owners any; a ticket nobody held any agent.
 * Closing time and the current rating are cleared, so the next closing is rated again; earlier
 * ratings stay in the ticket's rating history (ticket_ratings).
 * Refused when the customer has opened another ticket in the meantime (one open per customer).
 */
export async function reopen(
  db: Executor,
  ownerIds: readonly number[],
  ticketId: number,
  actor: Actor,
): Promise<ReopenResult> {
  if (!isStaffRole(actor.role)) return { ok: false, reason: 'forbidden' };
  const holderStillAgent = sql`(
    exists (select 1 from ${staff} s join ${users} u on u.telegram_id = s.telegram_id
            where u.id = ${tickets.supportUserId})
    or exists (select 1 from ${users} u where u.id = ${tickets.supportUserId}
            and u.telegram_id = any(${sql.raw(ownerArray(ownerIds))}))
  )`;
  const keepsAgent = sql`(${tickets.supportUserId} is not null and ${holderStillAgent})`;
  try {
    const [reopened] = await db
      .update(tickets)
      .set({
        state: sql`case when ${keepsAgent} then 'in_work'::ticket_state else 'created'::ticket_state end`,
        supportUserId: sql`case when ${keepsAgent} then ${tickets.supportUserId} else null end`,
        takenAt: sql`case when ${keepsAgent} then ${tickets.takenAt} else null end`,
        closedAt: null,
        rating: null,
        updatedAt: sql`now()`,
        // Back in the open pool: the SLA clock starts again, and its reminders may be sent again.
        slaSince: sql`case when ${keepsAgent} then ${tickets.slaSince} else now() end`,
        slaRemindedAt: null,
        slaEscalatedAt: null,
      })
      .where(
        and(
          eq(tickets.id, ticketId),
          eq(tickets.state, 'closed'),
          isAdminRole(actor.role)
            ? undefined
            : or(isNull(tickets.supportUserId), eq(tickets.supportUserId, actor.userId)),
        ),
      )
      .returning();
    if (reopened) return { ok: true, ticket: reopened };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'customer_has_open' };
    throw error;
  }
  const ticket = await byId(db, ticketId);
  if (!ticket) return { ok: false, reason: 'not_found' };
  if (ticket.state !== 'closed') return { ok: false, reason: 'not_closed' };
  return { ok: false, reason: 'forbidden' };
}

/**
 * Hands a ticket to another active agent (a staff member who is not paused and has started the
 * bot). Its holder may redirect it, admins and owners any open ticket, which also assigns a
 * ticket nobody took yet. Target check and reassignment are one UPDATE.
 */
export async function redirect(
  db: Executor,
  ticketId: number,
  actor: Actor,
  targetUserId: number,
): Promise<RedirectResult> {
  if (!isStaffRole(actor.role)) return { ok: false, reason: 'forbidden' };
  const before = await byId(db, ticketId);
  if (!before) return { ok: false, reason: 'not_found' };
  if (before.supportUserId === targetUserId) return { ok: false, reason: 'same_agent' };
  const targetIsActive = sql`exists (
    select 1 from ${staff} s join ${users} u on u.telegram_id = s.telegram_id
    where u.id = ${targetUserId} and not s.paused)`;
  const [moved] = await db
    .update(tickets)
    .set({
      state: 'in_work',
      supportUserId: targetUserId,
      takenAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(tickets.id, ticketId),
        isAdminRole(actor.role) ? ne(tickets.state, 'closed') : eq(tickets.state, 'in_work'),
        holdsOrAdmin(actor),
        targetIsActive,
      ),
    )
    .returning();
  if (moved) return { ok: true, ticket: moved, previousAgentUserId: before.supportUserId };
  const ticket = await byId(db, ticketId);
  if (!ticket) return { ok: false, reason: 'not_found' };
  if (ticket.state === 'closed') return { ok: false, reason: 'closed' };
  if (ticket.supportUserId === targetUserId) return { ok: false, reason: 'same_agent' };
  const permitted = isAdminRole(actor.role) || ticket.supportUserId === actor.userId;
  return { ok: false, reason: permitted ? 'bad_target' : 'forbidden' };
}

/**
 * The customer withdraws their own open ticket. The row is locked first, so the state it had
 * (created or in work) is exact even when an agent takes it at the same instant.
 */
export async function withdraw(
  db: Executor,
  ticketId: number,
  customerUserId: number,
): Promise<WithdrawResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(tickets)
      .where(and(eq(tickets.id, ticketId), eq(tickets.userId, customerUserId), ne(tickets.state, 'closed')))
      .for('update');
    if (!current) return { ok: false, reason: 'not_found' } as const;
    const [closed] = await tx
      .update(tickets)
      .set({ state: 'closed', closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(tickets.id, ticketId))
      .returning();
    if (!closed) throw new Error('locked ticket vanished');
    return { ok: true, ticket: closed, previousState: current.state } as const;
  });
}

/**
 * The customer rates a closed ticket 1–5, once per closing: the rating is the ticket's current one
 * and an entry of its rating history (kept when the ticket is reopened and rated again).
 */
export async function rate(
  db: Executor,
  ticketId: number,
  customerUserId: number,
  rating: number,
): Promise<RateResult> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return { ok: false, reason: 'bad_rating' };
  const rated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(tickets)
      .set({ rating })
      .where(
        and(
          eq(tickets.id, ticketId),
          eq(tickets.userId, customerUserId),
          eq(tickets.state, 'closed'),
          isNull(tickets.rating),
        ),
      )
      .returning();
    if (row) await tx.insert(ticketRatings).values({ ticketId, rating });
    return row;
  });
  if (rated) return { ok: true, ticket: rated };
  const ticket = await byId(db, ticketId);
  if (!ticket || ticket.userId !== customerUserId) return { ok: false, reason: 'not_found' };
  if (ticket.state !== 'closed') return { ok: false, reason: 'not_closed' };
  return { ok: false, reason: 'already_rated' };
}

/**
 * Returns every ticket `agentUserId` holds in work to the open pool (created, no agent), in one
 * UPDATE. The admin panel calls it when an agent is removed; the bot then announces the returned
 * tickets to the remaining agents.
 */
export async function releaseTicketsOf(db: Executor, agentUserId: number): Promise<Ticket[]> {
  return db
    .update(tickets)
    .set({
      state: 'created',
      supportUserId: null,
      takenAt: null,
      updatedAt: sql`now()`,
      slaSince: sql`now()`,
      slaRemindedAt: null,
      slaEscalatedAt: null,
    })
    .where(and(eq(tickets.supportUserId, agentUserId), eq(tickets.state, 'in_work')))
    .returning();
}

/**
 * Closes a banned customer's ticket with a note from the admin who banned them: one transaction,
 * the conditional UPDATE (any state but closed; admins and owners only) and the note as the
 * conversation's last entry, so the transcript says why it ended.
 */
export async function closeForBan(
  db: Executor,
  ticketId: number,
  actor: Actor,
  note: string,
): Promise<CloseResult> {
  if (!isAdminRole(actor.role)) return { ok: false, reason: 'forbidden' };
  const closed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(tickets)
      .set({ state: 'closed', closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(tickets.id, ticketId), ne(tickets.state, 'closed')))
      .returning();
    if (!row) return undefined;
    await tx
      .insert(ticketMessages)
      .values({ ticketId, authorUserId: actor.userId, authorRole: 'agent', text: note });
    return row;
  });
  if (closed) return { ok: true, ticket: closed };
  const ticket = await byId(db, ticketId);
  return { ok: false, reason: ticket ? 'closed' : 'not_found' };
}
