// Reads of the support desk: single tickets, the staff's tabs, the conversation.
import { and, asc, count, desc, eq, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { ticketMessages, ticketRatings, tickets, users } from '../../db/schema/index.js';
import { isAdminRole, isStaffRole } from '../staff.js';
import type { Actor, Ticket, TicketTab, TicketView, TranscriptEntry } from './types.js';

const agents = alias(users, 'agent');

/** A condition true when `actor` may act as the ticket's agent: its holder, or any admin/owner. */
export function holdsOrAdmin(actor: Actor): SQL | undefined {
  return isAdminRole(actor.role) ? undefined : eq(tickets.supportUserId, actor.userId);
}

export async function byId(db: Executor, ticketId: number): Promise<Ticket | undefined> {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
  return row;
}

/** Every rating the ticket was given (one per rated closing), oldest first. */
export async function ratingsOf(
  db: Executor,
  ticketId: number,
): Promise<{ rating: number; ratedAt: Date }[]> {
  return db
    .select({ rating: ticketRatings.rating, ratedAt: ticketRatings.ratedAt })
    .from(ticketRatings)
    .where(eq(ticketRatings.ticketId, ticketId))
    .orderBy(asc(ticketRatings.ratedAt), asc(ticketRatings.id));
}

/** The ticket with its customer and agent, for cards and notifications. */
export async function view(db: Executor, ticketId: number): Promise<TicketView | undefined> {
  const [row] = await db
    .select({ ticket: tickets, customer: users, agent: agents })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .leftJoin(agents, eq(agents.id, tickets.supportUserId))
    .where(eq(tickets.id, ticketId));
  return row;
}

/** The customer's ticket that is not closed (created or in work): the waiting state. */
export async function openTicketOf(db: Executor, userId: number): Promise<Ticket | undefined> {
  const [row] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.userId, userId), ne(tickets.state, 'closed')));
  return row;
}

function tabCondition(tab: TicketTab, actor: Actor): SQL | undefined {
  if (tab === 'open') return eq(tickets.state, 'created');
  if (tab === 'closed') return eq(tickets.state, 'closed');
  return and(eq(tickets.state, 'in_work'), holdsOrAdmin(actor));
}

/**
 * One page of a tab: Open (created, oldest first), In work (the agent's own; all for admins and
 * owners) or Closed (newest first). Customers see nothing.
 */
export async function list(
  db: Executor,
  tab: TicketTab,
  actor: Actor,
  page: number,
  pageSize: number,
): Promise<{ items: TicketView[]; total: number }> {
  if (!isStaffRole(actor.role)) return { items: [], total: 0 };
  const where = tabCondition(tab, actor);
  const [totalRow] = await db.select({ n: count() }).from(tickets).where(where);
  const order =
    tab === 'open'
      ? [asc(tickets.createdAt), asc(tickets.id)]
      : tab === 'closed'
        ? [desc(tickets.closedAt), desc(tickets.id)]
        : [asc(tickets.takenAt), asc(tickets.id)];
  const items = await db
    .select({ ticket: tickets, customer: users, agent: agents })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .leftJoin(agents, eq(agents.id, tickets.supportUserId))
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset(Math.max(0, page) * pageSize);
  return { items, total: totalRow?.n ?? 0 };
}

/** Sizes of the three tabs as `actor` sees them. */
export async function counts(db: Executor, actor: Actor): Promise<Record<TicketTab, number>> {
  const result: Record<TicketTab, number> = { open: 0, work: 0, closed: 0 };
  if (!isStaffRole(actor.role)) return result;
  for (const tab of ['open', 'work', 'closed'] as const) {
    const [row] = await db.select({ n: count() }).from(tickets).where(tabCondition(tab, actor));
    result[tab] = row?.n ?? 0;
  }
  return result;
}

/** The whole conversation in order, starting with the problem as the customer wrote it. */
export async function transcript(db: Executor, ticketId: number): Promise<TranscriptEntry[]> {
  return db
    .select({ message: ticketMessages, author: users })
    .from(ticketMessages)
    .innerJoin(users, eq(users.id, ticketMessages.authorUserId))
    .where(eq(ticketMessages.ticketId, ticketId))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
}
