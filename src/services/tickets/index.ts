import type { Executor } from '../../db/client.js';
import type { Role } from '../staff.js';
import type { User } from '../users.js';
import * as desk from './desk.js';
import * as lifecycle from './lifecycle.js';
import * as queries from './queries.js';
import * as sla from './sla.js';
import type {
  Actor,
  CloseResult,
  CreateResult,
  MessageResult,
  RateResult,
  RedirectResult,
  ReopenResult,
  SentMessage,
  TakeResult,
  Ticket,
  TicketContent,
  TicketCopy,
  TicketCopyKind,
  TicketTab,
  TicketView,
  TranscriptEntry,
  WithdrawResult,
} from './types.js';

export type { SlaCandidate } from './sla.js';
export * from './types.js';

/**
 * The support desk (seed items 4, 13–18), one object for the bot: reads (`queries.ts`), state
 * changes (`lifecycle.ts`) and the staff side (`desk.ts`); each method's rules are described where
 * it is implemented. Permissions are checked here as well as in the handlers: a customer's role
 * never passes a staff action, whatever the callback data says.
 */
export class TicketService {
  constructor(
    private readonly db: Executor,
    private readonly ownerIds: readonly number[],
  ) {}

  create(userId: number, content: TicketContent): Promise<CreateResult> {
    return lifecycle.create(this.db, userId, content);
  }
  byId(ticketId: number): Promise<Ticket | undefined> {
    return queries.byId(this.db, ticketId);
  }
  ratingsOf(ticketId: number): Promise<{ rating: number; ratedAt: Date }[]> {
    return queries.ratingsOf(this.db, ticketId);
  }
  view(ticketId: number): Promise<TicketView | undefined> {
    return queries.view(this.db, ticketId);
  }
  openTicketOf(userId: number): Promise<Ticket | undefined> {
    return queries.openTicketOf(this.db, userId);
  }
  take(ticketId: number, actor: Actor): Promise<TakeResult> {
    return lifecycle.take(this.db, ticketId, actor);
  }
  addMessage(
    ticketId: number,
    author: Actor,
    authorRole: 'customer' | 'agent',
    content: TicketContent,
  ): Promise<MessageResult> {
    return lifecycle.addMessage(this.db, ticketId, author, authorRole, content);
  }
  close(ticketId: number, actor: Actor): Promise<CloseResult> {
    return lifecycle.close(this.db, ticketId, actor);
  }
  closeForBan(ticketId: number, actor: Actor, note: string): Promise<CloseResult> {
    return lifecycle.closeForBan(this.db, ticketId, actor, note);
  }
  reopen(ticketId: number, actor: Actor): Promise<ReopenResult> {
    return lifecycle.reopen(this.db, this.ownerIds, ticketId, actor);
  }
  redirect(ticketId: number, actor: Actor, targetUserId: number): Promise<RedirectResult> {
    return lifecycle.redirect(this.db, ticketId, actor, targetUserId);
  }
  withdraw(ticketId: number, customerUserId: number): Promise<WithdrawResult> {
    return lifecycle.withdraw(this.db, ticketId, customerUserId);
  }
  rate(ticketId: number, customerUserId: number, rating: number): Promise<RateResult> {
    return lifecycle.rate(this.db, ticketId, customerUserId, rating);
  }
  releaseTicketsOf(agentUserId: number): Promise<Ticket[]> {
    return lifecycle.releaseTicketsOf(this.db, agentUserId);
  }
  list(
    tab: TicketTab,
    actor: Actor,
    page: number,
    pageSize: number,
  ): Promise<{ items: TicketView[]; total: number }> {
    return queries.list(this.db, tab, actor, page, pageSize);
  }
  counts(actor: Actor): Promise<Record<TicketTab, number>> {
    return queries.counts(this.db, actor);
  }
  transcript(ticketId: number): Promise<TranscriptEntry[]> {
    return queries.transcript(this.db, ticketId);
  }
  notificationRecipients(): Promise<User[]> {
    return desk.notificationRecipients(this.db, this.ownerIds);
  }
  announcementRecipients(): Promise<User[]> {
    return desk.announcementRecipients(this.db, this.ownerIds);
  }
  redirectTargets(excludeUserId: number | null): Promise<User[]> {
    return desk.redirectTargets(this.db, excludeUserId);
  }
  notificationsEnabled(telegramId: number, role: Role): Promise<boolean> {
    return desk.notificationsEnabled(this.db, telegramId, role);
  }
  setNotifications(telegramId: number, role: Role, enabled: boolean): Promise<void> {
    return desk.setNotifications(this.db, telegramId, role, enabled);
  }
  recordNotification(ticketId: number, chatId: number, messageId: number): Promise<void> {
    return desk.recordNotification(this.db, ticketId, chatId, messageId);
  }
  claimNotifications(ticketId: number): Promise<SentMessage[]> {
    return desk.claimNotifications(this.db, ticketId);
  }
  recordRelay(
    ticketId: number,
    chatId: number,
    messageId: number,
    kind?: TicketCopyKind,
    isPhoto?: boolean,
  ): Promise<void> {
    return desk.recordRelay(this.db, ticketId, chatId, messageId, kind, isPhoto);
  }
  forgetCopy(chatId: number, messageId: number): Promise<void> {
    return desk.forgetCopy(this.db, chatId, messageId);
  }
  copiesOf(ticketId: number): Promise<TicketCopy[]> {
    return desk.copiesOf(this.db, ticketId);
  }
  copyAt(chatId: number, messageId: number): Promise<TicketCopy | undefined> {
    return desk.copyAt(this.db, chatId, messageId);
  }
  ticketOfRelay(chatId: number, messageId: number): Promise<number | undefined> {
    return desk.ticketOfRelay(this.db, chatId, messageId);
  }
  slaCandidates(cutoff: Date, limit?: number): Promise<sla.SlaCandidate[]> {
    return sla.slaCandidates(this.db, cutoff, limit);
  }
  markSlaReminded(ticketId: number, at: Date): Promise<boolean> {
    return sla.markReminded(this.db, ticketId, at);
  }
  markSlaEscalated(ticketId: number, at: Date): Promise<boolean> {
    return sla.markEscalated(this.db, ticketId, at);
  }
  markSlaReplyReminded(ticketId: number, holderUserId: number, messageId: number): Promise<boolean> {
    return sla.markReplyReminded(this.db, ticketId, holderUserId, messageId);
  }
  escalationRecipients(): Promise<User[]> {
    return sla.escalationRecipients(this.db, this.ownerIds);
  }
}
