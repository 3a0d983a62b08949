// The staff side of the desk: who hears of new tickets, who can take a redirected one, and the
// messages the bot sent about a ticket (notification copies to edit, relayed copies to reply to).
import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ownerTicketAlerts, staff, staffNotifications, ticketRelays, users } from '../../db/schema/index.js';
import type { Role } from '../staff.js';
import type { User } from '../users.js';
import type { SentMessage, TicketCopy, TicketCopyKind } from './types.js';

/**
 * Who gets "new ticket" notifications: support agents who are not paused, admins who opted in
 * (staff.ticket_notifications) and are not paused, and owners who opted in (owner_ticket_alerts).
 * Only people who have started the bot (a users row) can be messaged; each appears once.
 */
export async function notificationRecipients(db: Executor, ownerIds: readonly number[]): Promise<User[]> {
  const fromStaff = await db
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
    ownerIds.length === 0
      ? []
      : await db
          .select({ user: users })
          .from(ownerTicketAlerts)
          .innerJoin(users, eq(users.telegramId, ownerTicketAlerts.telegramId))
          .where(inArray(ownerTicketAlerts.telegramId, [...ownerIds]));
  const seen = new Set<number>();
  const result: User[] = [];
  for (const { user } of [...owners, ...fromStaff]) {
    if (seen.has(user.id)) continue;
    seen.add(user.id);
    result.push(user);
  }
  return result;
}

/**
 * Who is told of a ticket waiting in the open pool: the {@link notificationRecipients}, or, when
 * nobody would be (no active agents and no one opted in), every owner who has started the bot —
 * a new ticket must never go unseen.
 */
export async function announcementRecipients(db: Executor, ownerIds: readonly number[]): Promise<User[]> {
  const recipients = await notificationRecipients(db, ownerIds);
  if (recipients.length > 0 || ownerIds.length === 0) return recipients;
  return db
    .select()
    .from(users)
    .where(inArray(users.telegramId, [...ownerIds]))
    .orderBy(asc(users.id));
}

/** Agents a ticket can be redirected to: staff who are not paused and have started the bot. */
export async function redirectTargets(db: Executor, excludeUserId: number | null): Promise<User[]> {
  const rows = await db
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
export async function notificationsEnabled(db: Executor, telegramId: number, role: Role): Promise<boolean> {
  if (role === 'owner') {
    const [row] = await db
      .select({ id: ownerTicketAlerts.telegramId })
      .from(ownerTicketAlerts)
      .where(eq(ownerTicketAlerts.telegramId, telegramId));
    return row !== undefined;
  }
  const [member] = await db.select().from(staff).where(eq(staff.telegramId, telegramId));
  if (!member) return false;
  return !member.paused && (member.role === 'support' || member.ticketNotifications);
}

/**
 * Turns new-ticket notifications on or off for a staff member: a support agent pauses or
 * resumes, an admin opts in or out, an owner adds or removes their owner_ticket_alerts row.
 */
export async function setNotifications(
  db: Executor,
  telegramId: number,
  role: Role,
  enabled: boolean,
): Promise<void> {
  if (role === 'owner') {
    if (enabled) {
      await db.insert(ownerTicketAlerts).values({ telegramId }).onConflictDoNothing();
    } else {
      await db.delete(ownerTicketAlerts).where(eq(ownerTicketAlerts.telegramId, telegramId));
    }
    return;
  }
  if (role === 'support') {
    await db.update(staff).set({ paused: !enabled }).where(eq(staff.telegramId, telegramId));
  } else if (role === 'admin') {
    await db
      .update(staff)
      .set({ ticketNotifications: enabled, ...(enabled ? { paused: false } : {}) })
      .where(eq(staff.telegramId, telegramId));
  }
}

/** Remembers a notification message about a ticket, to edit it when someone takes the ticket. */
export async function recordNotification(
  db: Executor,
  ticketId: number,
  chatId: number,
  messageId: number,
): Promise<void> {
  await db
    .insert(staffNotifications)
    .values({ kind: 'ticket', entityId: ticketId, chatId, messageId })
    .onConflictDoNothing();
}

/**
 * Removes and returns the notification messages of a ticket (one DELETE … RETURNING): whoever
 * gets a row edits that message, so each message is edited once even when actions overlap.
 */
export async function claimNotifications(db: Executor, ticketId: number): Promise<SentMessage[]> {
  return db
    .delete(staffNotifications)
    .where(and(eq(staffNotifications.kind, 'ticket'), eq(staffNotifications.entityId, ticketId)))
    .returning({ chatId: staffNotifications.chatId, messageId: staffNotifications.messageId });
}

/**
 * Remembers that a chat message belongs to a ticket (see {@link TicketCopy}). A message that
 * already belonged to one (a /tickets screen that now shows another ticket's card) is re-pointed.
 */
export async function recordRelay(
  db: Executor,
  ticketId: number,
  chatId: number,
  messageId: number,
  kind: TicketCopyKind = 'relay',
  isPhoto = false,
): Promise<void> {
  await db
    .insert(ticketRelays)
    .values({ ticketId, chatId, messageId, kind, isPhoto })
    .onConflictDoUpdate({
      target: [ticketRelays.chatId, ticketRelays.messageId],
      set: { ticketId, kind, isPhoto },
    });
}

/** Forgets a chat message that no longer shows a ticket (a card turned back into a list). */
export async function forgetCopy(db: Executor, chatId: number, messageId: number): Promise<void> {
  await db
    .delete(ticketRelays)
    .where(and(eq(ticketRelays.chatId, chatId), eq(ticketRelays.messageId, messageId)));
}

/** What a {@link TicketCopy} is read from. */
const copyColumns = {
  ticketId: ticketRelays.ticketId,
  chatId: ticketRelays.chatId,
  messageId: ticketRelays.messageId,
  kind: ticketRelays.kind,
  isPhoto: ticketRelays.isPhoto,
};

/** Every staff message that shows a ticket: the copies to redraw after it changes state. */
export async function copiesOf(db: Executor, ticketId: number): Promise<TicketCopy[]> {
  return db
    .select(copyColumns)
    .from(ticketRelays)
    .where(eq(ticketRelays.ticketId, ticketId))
    .orderBy(asc(ticketRelays.id));
}

/** The ticket copy a chat message is, if any. */
export async function copyAt(
  db: Executor,
  chatId: number,
  messageId: number,
): Promise<TicketCopy | undefined> {
  const [row] = await db
    .select(copyColumns)
    .from(ticketRelays)
    .where(and(eq(ticketRelays.chatId, chatId), eq(ticketRelays.messageId, messageId)));
  return row;
}

/** The ticket a relayed chat message belongs to (exact lookup, never parsed from text). */
export async function ticketOfRelay(
  db: Executor,
  chatId: number,
  messageId: number,
): Promise<number | undefined> {
  const [row] = await db
    .select({ ticketId: ticketRelays.ticketId })
    .from(ticketRelays)
    .where(and(eq(ticketRelays.chatId, chatId), eq(ticketRelays.messageId, messageId)));
  return row?.ticketId;
}
