import { and, asc, count, desc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import {
  ownerTicketAlerts,
  staff,
  staffNotifications,
  ticketMessages,
  ticketRelays,
  tickets,
  users,
} from '../db/schema/index.js';
import { isAdminRole, isStaffRole, type Role } from './staff.js';
import type { User } from './users.js';

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

const agents = alias(users, 'agent');

function normalise(content: TicketContent): { text: string | null; photo: string | null } {
  const text = content.text?.trim() ? content.text.trim() : null;
  const photo = content.photo ? content.photo : null;
  return { text, photo };
}

/**
 * The support desk (seed items 4, 13–18). Every state change is one conditional UPDATE (or one
 * transaction that starts with it), so two agents, or an agent and the customer, acting at the same
 * instant cannot both win. Permissions are checked here as well as in the handlers: a customer's
 * role never passes a staff action, whatever the callback data says.
 */
export class TicketService {
  constructor(
    private readonly db: Executor,
    private readonly ownerIds: readonly number[],
  ) {}

  /**
   * Opens a ticket for `userId` with the problem text (≤ 200 characters) or a photo with a caption.
   * The problem is also the first entry of the conversation. One open ticket per customer is
   * enforced by a partial unique index, so two simultaneous /support answers create one ticket.
   */
  async create(userId: number, content: TicketContent): Promise<CreateResult> {
    const { text, photo } = normalise(content);
    if (!text) return { ok: false, reason: 'empty' };
    if ([...text].length > TICKET_TEXT_MAX) return { ok: false, reason: 'too_long' };
    try {
      const ticket = await this.db.transaction(async (tx) => {
        const [row] = await tx.insert(tickets).values({ userId, text, photo }).returning();
        if (!row) throw new Error('ticket insert returned no row');
        await tx
          .insert(ticketMessages)
          .values({ ticketId: row.id, authorUserId: userId, authorRole: 'customer', text, photo });
        return row;
      });
      return { ok: true, ticket };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const open = await this.openTicketOf(userId);
      if (!open) throw error;
      return { ok: false, reason: 'already_open', ticket: open };
    }
  }

  async byId(ticketId: number): Promise<Ticket | undefined> {
    const [row] = await this.db.select().from(tickets).where(eq(tickets.id, ticketId));
    return row;
  }

  /** The ticket with its customer and agent, for cards and notifications. */
  async view(ticketId: number): Promise<TicketView | undefined> {
    const [row] = await this.db
      .select({ ticket: tickets, customer: users, agent: agents })
      .from(tickets)
      .innerJoin(users, eq(users.id, tickets.userId))
      .leftJoin(agents, eq(agents.id, tickets.supportUserId))
      .where(eq(tickets.id, ticketId));
    return row;
  }

  /** The customer's ticket that is not closed (created or in work): the waiting state. */
  async openTicketOf(userId: number): Promise<Ticket | undefined> {
    const [row] = await this.db
      .select()
      .from(tickets)
      .where(and(eq(tickets.userId, userId), ne(tickets.state, 'closed')));
    return row;
  }

  /**
   * Takes a ticket into work: one `UPDATE … WHERE id = $1 AND state = 'created' RETURNING`.
   * Exactly one of any number of simultaneous takes succeeds; the others learn who holds it.
   */
  async take(ticketId: number, actor: Actor): Promise<TakeResult> {
    if (!isStaffRole(actor.role)) return { ok: false, reason: 'forbidden' };
    const [taken] = await this.db
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
    const current = await this.view(ticketId);
    if (!current) return { ok: false, reason: 'not_found' };
    if (current.ticket.state === 'closed') return { ok: false, reason: 'closed' };
    return { ok: false, reason: 'taken', holder: current.agent };
  }

  /** A condition true when `actor` may act as the ticket's agent: its holder, or any admin/owner. */
  private holdsOrAdmin(actor: Actor): SQL | undefined {
    return isAdminRole(actor.role) ? undefined : eq(tickets.supportUserId, actor.userId);
  }

  /**
   * Adds a message to the conversation. A customer writes to their own open ticket (held or not:
   * the agent who takes it sees it in the transcript). An agent writes only to a ticket in work
   * that they hold (admins and owners to any ticket in work); the first agent message sets
   * first_response_at. The row lock of the UPDATE orders it against a simultaneous close.
   */
  async addMessage(
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
        : and(eq(tickets.id, ticketId), eq(tickets.state, 'in_work'), this.holdsOrAdmin(author));
    const result = await this.db.transaction(async (tx) => {
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
    const ticket = await this.byId(ticketId);
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
  async close(ticketId: number, actor: Actor): Promise<CloseResult> {
    if (!isStaffRole(actor.role)) return { ok: false, reason: 'forbidden' };
    const [closed] = await this.db
      .update(tickets)
      .set({ state: 'closed', closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(tickets.id, ticketId),
          isAdminRole(actor.role) ? ne(tickets.state, 'closed') : eq(tickets.state, 'in_work'),
          this.holdsOrAdmin(actor),
        ),
      )
      .returning();
    if (closed) return { ok: true, ticket: closed };
    const ticket = await this.byId(ticketId);
    if (!ticket) return { ok: false, reason: 'not_found' };
    if (ticket.state === 'closed') return { ok: false, reason: 'closed' };
    return { ok: false, reason: 'forbidden' };
  }

  /**
   * Reopens a closed ticket. It goes back to the agent who held it, in work, when that agent is
   * still staff (or an owner): they know the conversation, and the customer continues where they
   * left off. A ticket nobody held, or whose agent has left, goes back to the open pool (created).
   * Its last holder may reopen it, admins and owners any; a ticket nobody held any agent.
   * Closing time and rating are cleared: the rating is asked again at the next close.
   * Refused when the customer has opened another ticket in the meantime (one open per customer).
   */
  async reopen(ticketId: number, actor: Actor): Promise<ReopenResult> {
    if (!isStaffRole(actor.role)) return { ok: false, reason: 'forbidden' };
    const holderStillAgent = sql`(
      exists (select 1 from ${staff} s join ${users} u on u.telegram_id = s.telegram_id
              where u.id = ${tickets.supportUserId})
      or exists (select 1 from ${users} u where u.id = ${tickets.supportUserId}
              and u.telegram_id = any(${sql.raw(this.ownerArray())}))
    )`;
    const keepsAgent = sql`(${tickets.supportUserId} is not null and ${holderStillAgent})`;
    try {
      const [reopened] = await this.db
        .update(tickets)
        .set({
          state: sql`case when ${keepsAgent} then 'in_work'::ticket_state else 'created'::ticket_state end`,
          supportUserId: sql`case when ${keepsAgent} then ${tickets.supportUserId} else null end`,
          takenAt: sql`case when ${keepsAgent} then ${tickets.takenAt} else null end`,
          closedAt: null,
          rating: null,
          updatedAt: sql`now()`,
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
    const ticket = await this.byId(ticketId);
    if (!ticket) return { ok: false, reason: 'not_found' };
    if (ticket.state !== 'closed') return { ok: false, reason: 'not_closed' };
    return { ok: false, reason: 'forbidden' };
  }

  private ownerArray(): string {
    return `array[${this.ownerIds.map((id) => Math.trunc(id)).join(',')}]::bigint[]`;
  }

  /**
   * Hands a ticket to another active agent (a staff member who is not paused and has started the
   * bot). Its holder may redirect it, admins and owners any open ticket, which also assigns a
   * ticket nobody took yet. Target check and reassignment are one UPDATE.
   */
  async redirect(ticketId: number, actor: Actor, targetUserId: number): Promise<RedirectResult> {
    if (!isStaffRole(actor.role)) return { ok: false, reason: 'forbidden' };
    const before = await this.byId(ticketId);
    if (!before) return { ok: false, reason: 'not_found' };
    if (before.supportUserId === targetUserId) return { ok: false, reason: 'same_agent' };
    const targetIsActive = sql`exists (
      select 1 from ${staff} s join ${users} u on u.telegram_id = s.telegram_id
      where u.id = ${targetUserId} and not s.paused)`;
    const [moved] = await this.db
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
          this.holdsOrAdmin(actor),
          targetIsActive,
        ),
      )
      .returning();
    if (moved) return { ok: true, ticket: moved, previousAgentUserId: before.supportUserId };
    const ticket = await this.byId(ticketId);
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
  async withdraw(ticketId: number, customerUserId: number): Promise<WithdrawResult> {
    return this.db.transaction(async (tx) => {
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

  /** The customer rates a closed ticket 1–5, once. */
  async rate(ticketId: number, customerUserId: number, rating: number): Promise<RateResult> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) return { ok: false, reason: 'bad_rating' };
    const [rated] = await this.db
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
    if (rated) return { ok: true, ticket: rated };
    const ticket = await this.byId(ticketId);
    if (!ticket || ticket.userId !== customerUserId) return { ok: false, reason: 'not_found' };
    if (ticket.state !== 'closed') return { ok: false, reason: 'not_closed' };
    return { ok: false, reason: 'already_rated' };
  }

  private tabCondition(tab: TicketTab, actor: Actor): SQL | undefined {
    if (tab === 'open') return eq(tickets.state, 'created');
    if (tab === 'closed') return eq(tickets.state, 'closed');
    return and(eq(tickets.state, 'in_work'), this.holdsOrAdmin(actor));
  }

  /**
   * One page of a tab: Open (created, oldest first), In work (the agent's own; all for admins and
   * owners) or Closed (newest first). Customers see nothing.
   */
  async list(
    tab: TicketTab,
    actor: Actor,
    page: number,
    pageSize: number,
  ): Promise<{ items: TicketView[]; total: number }> {
    if (!isStaffRole(actor.role)) return { items: [], total: 0 };
    const where = this.tabCondition(tab, actor);
    const [totalRow] = await this.db.select({ n: count() }).from(tickets).where(where);
    const order =
      tab === 'open'
        ? [asc(tickets.createdAt), asc(tickets.id)]
        : tab === 'closed'
          ? [desc(tickets.closedAt), desc(tickets.id)]
          : [asc(tickets.takenAt), asc(tickets.id)];
    const items = await this.db
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
  async counts(actor: Actor): Promise<Record<TicketTab, number>> {
    const result: Record<TicketTab, number> = { open: 0, work: 0, closed: 0 };
    if (!isStaffRole(actor.role)) return result;
    for (const tab of ['open', 'work', 'closed'] as const) {
      const [row] = await this.db.select({ n: count() }).from(tickets).where(this.tabCondition(tab, actor));
      result[tab] = row?.n ?? 0;
    }
    return result;
  }

  /** The whole conversation in order, starting with the problem as the customer wrote it. */
  async transcript(ticketId: number): Promise<TranscriptEntry[]> {
    return this.db
      .select({ message: ticketMessages, author: users })
      .from(ticketMessages)
      .innerJoin(users, eq(users.id, ticketMessages.authorUserId))
      .where(eq(ticketMessages.ticketId, ticketId))
      .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  }

  /**
   * Returns every ticket `agentUserId` holds in work to the open pool (created, no agent), in one
   * UPDATE. The admin panel calls it when an agent is removed; announce the returned tickets to the
   * remaining agents (see `returnTicketsToPool` in the tickets feature).
   */
  async releaseTicketsOf(agentUserId: number): Promise<Ticket[]> {
    return this.db
      .update(tickets)
      .set({ state: 'created', supportUserId: null, takenAt: null, updatedAt: sql`now()` })
      .where(and(eq(tickets.supportUserId, agentUserId), eq(tickets.state, 'in_work')))
      .returning();
  }

  /**
   * Who gets "new ticket" notifications: support agents who are not paused, admins who opted in
   * (staff.ticket_notifications) and are not paused, and owners who opted in (owner_ticket_alerts).
   * Only people who have started the bot (a users row) can be messaged; each appears once.
   */
  async notificationRecipients(): Promise<User[]> {
    const fromStaff = await this.db
      .select({ user: users })
      .from(staff)
      .innerJoin(users, eq(users.telegramId, staff.telegramId))
      .where(
        and(
          eq(staff.paused, false),
          or(eq(staff.role, 'support'), and(eq(staff.role, 'admin'), eq(staff.ticketNotifications, true))),
        ),
      )
      .orderBy(asc(staff.createdOn));
    const owners =
      this.ownerIds.length === 0
        ? []
        : await this.db
            .select({ user: users })
            .from(ownerTicketAlerts)
            .innerJoin(users, eq(users.telegramId, ownerTicketAlerts.telegramId))
            .where(inArray(ownerTicketAlerts.telegramId, [...this.ownerIds]));
    const seen = new Set<number>();
    const result: User[] = [];
    for (const { user } of [...owners, ...fromStaff]) {
      if (seen.has(user.id)) continue;
      seen.add(user.id);
      result.push(user);
    }
    return result;
  }

  /** Agents a ticket can be redirected to: staff who are not paused and have started the bot. */
  async redirectTargets(excludeUserId: number | null): Promise<User[]> {
    const rows = await this.db
      .select({ user: users })
      .from(staff)
      .innerJoin(users, eq(users.telegramId, staff.telegramId))
      .where(and(eq(staff.paused, false), excludeUserId === null ? undefined : ne(users.id, excludeUserId)))
      .orderBy(asc(users.firstName), asc(users.id));
    return rows.map((r) => r.user);
  }

  /**
   * Whether a staff member gets new-ticket notifications: support agents unless paused, admins
   * when opted in (and not paused), owners when opted in.
   */
  async notificationsEnabled(telegramId: number, role: Role): Promise<boolean> {
    if (role === 'owner') {
      const [row] = await this.db
        .select({ id: ownerTicketAlerts.telegramId })
        .from(ownerTicketAlerts)
        .where(eq(ownerTicketAlerts.telegramId, telegramId));
      return row !== undefined;
    }
    const [member] = await this.db.select().from(staff).where(eq(staff.telegramId, telegramId));
    if (!member) return false;
    return !member.paused && (member.role === 'support' || member.ticketNotifications);
  }

  /**
   * Turns new-ticket notifications on or off for a staff member: a support agent pauses or
   * resumes, an admin opts in or out, an owner adds or removes their owner_ticket_alerts row.
   */
  async setNotifications(telegramId: number, role: Role, enabled: boolean): Promise<void> {
    if (role === 'owner') {
      if (enabled) {
        await this.db.insert(ownerTicketAlerts).values({ telegramId }).onConflictDoNothing();
      } else {
        await this.db.delete(ownerTicketAlerts).where(eq(ownerTicketAlerts.telegramId, telegramId));
      }
      return;
    }
    if (role === 'support') {
      await this.db.update(staff).set({ paused: !enabled }).where(eq(staff.telegramId, telegramId));
    } else if (role === 'admin') {
      await this.db
        .update(staff)
        .set({ ticketNotifications: enabled, ...(enabled ? { paused: false } : {}) })
        .where(eq(staff.telegramId, telegramId));
    }
  }

  /** Remembers a notification message about a ticket, to edit it when someone takes the ticket. */
  async recordNotification(ticketId: number, chatId: number, messageId: number): Promise<void> {
    await this.db
      .insert(staffNotifications)
      .values({ kind: 'ticket', entityId: ticketId, chatId, messageId })
      .onConflictDoNothing();
  }

  /**
   * Removes and returns the notification messages of a ticket (one DELETE … RETURNING): whoever
   * gets a row edits that message, so each message is edited once even when actions overlap.
   */
  async claimNotifications(ticketId: number): Promise<{ chatId: number; messageId: number }[]> {
    return this.db
      .delete(staffNotifications)
      .where(and(eq(staffNotifications.kind, 'ticket'), eq(staffNotifications.entityId, ticketId)))
      .returning({ chatId: staffNotifications.chatId, messageId: staffNotifications.messageId });
  }

  /** Remembers that a chat message is a relayed copy belonging to a ticket. */
  async recordRelay(ticketId: number, chatId: number, messageId: number): Promise<void> {
    await this.db.insert(ticketRelays).values({ ticketId, chatId, messageId }).onConflictDoNothing();
  }

  /** The ticket a relayed chat message belongs to (exact lookup, never parsed from text). */
  async ticketOfRelay(chatId: number, messageId: number): Promise<number | undefined> {
    const [row] = await this.db
      .select({ ticketId: ticketRelays.ticketId })
      .from(ticketRelays)
      .where(and(eq(ticketRelays.chatId, chatId), eq(ticketRelays.messageId, messageId)));
    return row?.ticketId;
  }
}
