// The support desk's service-level marks: which tickets waited too long, and the once-only marks
// that say a reminder was sent. Each mark is one conditional UPDATE … RETURNING, so a reminder is
// sent by whoever sets the mark — once, whatever number of instances sweep at the same moment.
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { staff, tickets, users } from '../../db/schema/index.js';
import { queryRows } from '../raw-query.js';
import type { User } from '../users.js';

/** A ticket that may be due for a reminder, with its latest message when that is the customer's. */
export interface SlaCandidate {
  id: number;
  state: 'created' | 'in_work';
  /** When it entered the open pool (the untaken clock's start). */
  since: Date;
  takenAt: Date | null;
  supportUserId: number | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
  /** The customer's message nobody answered yet (the ticket's latest message), if any. */
  unanswered: { id: number; createdAt: Date } | null;
}

interface CandidateRow {
  id: number;
  state: 'created' | 'in_work';
  sla_since: string | Date;
  taken_at: string | Date | null;
  support_user_id: number | null;
  sla_reminded_at: string | Date | null;
  sla_escalated_at: string | Date | null;
  last_id: number | null;
  last_role: string | null;
  last_at: string | Date | null;
}

const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));
const toDateOrNull = (value: string | Date | null): Date | null => (value === null ? null : toDate(value));

/**
 * Open tickets that have waited at least since `cutoff` and still miss a mark: untaken without an
 * escalation, or in work with the customer's latest message not yet reminded of. Working hours
 * are applied by the caller (a wall-clock wait is never shorter than a working-time one).
 */
export async function slaCandidates(db: Executor, cutoff: Date, limit = 200): Promise<SlaCandidate[]> {
  const at = cutoff.toISOString();
  const rows = await queryRows<CandidateRow>(
    db,
    sql`select t.id, t.state, t.sla_since, t.taken_at, t.support_user_id, t.sla_reminded_at,
               t.sla_escalated_at, m.id as last_id, m.author_role as last_role, m.created_at as last_at
        from tickets t
        left join lateral (
          select id, author_role, created_at from ticket_messages
          where ticket_id = t.id order by id desc limit 1
        ) m on true
        where (t.state = 'created' and t.sla_escalated_at is null and t.sla_since <= ${at}::timestamptz
               and (t.sla_reminded_at is null or t.sla_reminded_at <= ${at}::timestamptz))
           or (t.state = 'in_work' and m.author_role = 'customer' and m.created_at <= ${at}::timestamptz
               and coalesce(t.sla_reply_reminded_message_id, 0) < m.id)
        order by t.id
        limit ${limit}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    state: r.state,
    since: toDate(r.sla_since),
    takenAt: toDateOrNull(r.taken_at),
    supportUserId: r.support_user_id === null ? null : Number(r.support_user_id),
    remindedAt: toDateOrNull(r.sla_reminded_at),
    escalatedAt: toDateOrNull(r.sla_escalated_at),
    unanswered:
      r.last_role === 'customer' && r.last_id !== null && r.last_at !== null
        ? { id: Number(r.last_id), createdAt: toDate(r.last_at) }
        : null,
  }));
}

/** Sets the "agents reminded" mark of a still untaken ticket; true for the one caller that set it. */
export async function markReminded(db: Executor, ticketId: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(tickets)
    .set({ slaRemindedAt: at })
    .where(and(eq(tickets.id, ticketId), eq(tickets.state, 'created'), isNull(tickets.slaRemindedAt)))
    .returning({ id: tickets.id });
  return rows.length > 0;
}

/** Sets the "escalated" mark of a ticket still untaken after its reminder; true for the one caller. */
export async function markEscalated(db: Executor, ticketId: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(tickets)
    .set({ slaEscalatedAt: at })
    .where(
      and(
        eq(tickets.id, ticketId),
        eq(tickets.state, 'created'),
        sql`${tickets.slaRemindedAt} is not null`,
        isNull(tickets.slaEscalatedAt),
      ),
    )
    .returning({ id: tickets.id });
  return rows.length > 0;
}

/**
 * Records that the holder was reminded of customer message `messageId`, while the ticket is still in
 * their work and no later message was reminded of; true for the one caller that recorded it.
 */
export async function markReplyReminded(
  db: Executor,
  ticketId: number,
  holderUserId: number,
  messageId: number,
): Promise<boolean> {
  const rows = await db
    .update(tickets)
    .set({ slaReplyRemindedMessageId: messageId })
    .where(
      and(
        eq(tickets.id, ticketId),
        eq(tickets.state, 'in_work'),
        eq(tickets.supportUserId, holderUserId),
        sql`coalesce(${tickets.slaReplyRemindedMessageId}, 0) < ${messageId}`,
      ),
    )
    .returning({ id: tickets.id });
  return rows.length > 0;
}

/** Who an untaken ticket is escalated to: admins and owners who have started the bot, each once. */
export async function escalationRecipients(db: Executor, ownerIds: readonly number[]): Promise<User[]> {
  const rows = await db
    .select({ user: users })
    .from(users)
    .leftJoin(staff, eq(staff.telegramId, users.telegramId))
    .where(
      or(eq(staff.role, 'admin'), ownerIds.length > 0 ? inArray(users.telegramId, [...ownerIds]) : undefined),
    )
    .orderBy(asc(users.id));
  return rows.map((r) => r.user);
}
