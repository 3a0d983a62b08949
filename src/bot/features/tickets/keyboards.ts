import { InlineKeyboard } from 'grammy';
import type { TicketTab, TicketView } from '../../../services/tickets/index.js';
import type { Translate } from '../../../text/i18n.js';
import { addPageRow } from '../../ui/pagination.js';
import { banUser } from '../moderation/callback-data.js';
import {
  closeTicket,
  closeTicketYes,
  keepTicket,
  pickRedirect,
  redirectTicket,
  reopenTicket,
  reopenTicketYes,
  replyToTicket,
  takeTicket,
  ticketCard,
  ticketList,
  ticketTranscript,
  toggleNotifications,
} from './callback-data.js';

/** The tab a ticket in this state is listed under. */
export const tabOfState = (state: TicketView['ticket']['state']): TicketTab =>
  state === 'created' ? 'open' : state === 'in_work' ? 'work' : 'closed';

/** "Take into work" under a new-ticket notification. */
export function takeKeyboard(t: Translate, ticketId: number): InlineKeyboard {
  return new InlineKeyboard().text(t('tickets-btn-take'), takeTicket.pack({ ticket: ticketId }));
}

/** Buttons under a customer's message relayed to the agent. */
export function relayKeyboard(t: Translate, ticketId: number): InlineKeyboard {
  const ticket = { ticket: ticketId };
  return new InlineKeyboard()
    .text(t('tickets-btn-reply'), replyToTicket.pack(ticket))
    .text(t('tickets-btn-close'), closeTicket.pack(ticket))
    .row()
    .text(t('tickets-btn-transcript'), ticketTranscript.pack(ticket));
}

/**
 * The buttons under a relayed customer message for its reader now: Reply / Close while they may
 * answer the ticket (its holder, or an admin, while it is in work), otherwise only the transcript.
 */
export function relayKeyboardFor(t: Translate, view: TicketView, can: CardPermissions): InlineKeyboard {
  if (view.ticket.state === 'in_work' && (can.holds || can.admin)) return relayKeyboard(t, view.ticket.id);
  return transcriptKeyboard(t, view.ticket.id);
}

/** Only "Transcript": an older relayed message, or one whose reader can no longer answer. */
export function transcriptKeyboard(t: Translate, ticketId: number): InlineKeyboard {
  return new InlineKeyboard().text(t('tickets-btn-transcript'), ticketTranscript.pack({ ticket: ticketId }));
}

/** The confirm step of Close or Reopen, in place of the message's buttons (its text stays). */
export function confirmKeyboard(t: Translate, ticketId: number, action: 'close' | 'reopen'): InlineKeyboard {
  const ticket = { ticket: ticketId };
  return action === 'close'
    ? new InlineKeyboard()
        .text(t('tickets-btn-close-yes'), closeTicketYes.pack(ticket))
        .text(t('tickets-btn-keep'), keepTicket.pack(ticket))
    : new InlineKeyboard()
        .text(t('tickets-btn-reopen-yes'), reopenTicketYes.pack(ticket))
        .text(t('tickets-btn-keep'), keepTicket.pack(ticket));
}

export interface CardPermissions {
  /** Holds the ticket (support_user_id is the viewer). */
  holds: boolean;
  /** Admin or owner. */
  admin: boolean;
}

/** The actions the viewer may take on the ticket in its current state, plus "back to the list". */
export function cardKeyboard(t: Translate, view: TicketView, can: CardPermissions): InlineKeyboard {
  const ticket = { ticket: view.ticket.id };
  const keyboard = new InlineKeyboard();
  const state = view.ticket.state;
  if (state === 'created') {
    keyboard.text(t('tickets-btn-take'), takeTicket.pack(ticket));
    if (can.admin)
      keyboard
        .text(t('tickets-btn-assign'), pickRedirect.pack(ticket))
        .text(t('tickets-btn-close'), closeTicket.pack(ticket));
    keyboard.row();
  } else if (state === 'in_work' && (can.holds || can.admin)) {
    keyboard
      .text(t('tickets-btn-reply'), replyToTicket.pack(ticket))
      .text(t('tickets-btn-close'), closeTicket.pack(ticket))
      .row()
      .text(t('tickets-btn-redirect'), pickRedirect.pack(ticket))
      .row();
  } else if (state === 'closed' && (can.holds || can.admin || view.ticket.supportUserId === null)) {
    keyboard.text(t('tickets-btn-reopen'), reopenTicket.pack(ticket)).row();
  }
  keyboard.text(t('tickets-btn-transcript'), ticketTranscript.pack(ticket)).row();
  // Owners and admins may ban the customer (refused with a word when they are one of the studio).
  if (can.admin) keyboard.text(t('moderation-btn-ban'), banUser.pack({ user: view.customer.id })).row();
  keyboard.text(t('tickets-btn-back'), ticketList.pack({ tab: tabOfState(state), page: 0 }));
  return keyboard;
}

const shorten = (text: string, max: number): string => {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

export interface ListPage {
  tab: TicketTab;
  page: number;
  pages: number;
  counts: Record<TicketTab, number>;
  items: TicketView[];
  notificationsOn: boolean;
}

/** Tabs with counts, one button per ticket on the page, the page row and the notification toggle. */
export function listKeyboard(t: Translate, list: ListPage): InlineKeyboard {
  const { tab, page, pages, counts, items, notificationsOn } = list;
  const keyboard = new InlineKeyboard();
  for (const candidate of ['open', 'work', 'closed'] as const) {
    const label = t(`tickets-tab-${candidate}`, { n: counts[candidate] });
    keyboard.text(candidate === tab ? `• ${label}` : label, ticketList.pack({ tab: candidate, page: 0 }));
  }
  keyboard.row();
  for (const { ticket, customer } of items) {
    keyboard.text(
      `#${ticket.id} · ${shorten(customer.firstName, 16)} · ${shorten(ticket.text, 28)}`,
      ticketCard.pack({ ticket: ticket.id }),
    );
    keyboard.row();
  }
  addPageRow(keyboard, page, pages, (p) => ticketList.pack({ tab, page: p }));
  keyboard.row();
  keyboard.text(
    t(notificationsOn ? 'tickets-btn-notifications-on' : 'tickets-btn-notifications-off'),
    toggleNotifications.pack({ tab, page }),
  );
  return keyboard;
}

/** Active agents to hand the ticket to, and "back to the card". */
export function redirectKeyboard(
  t: Translate,
  ticketId: number,
  targets: { id: number; name: string }[],
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const target of targets)
    keyboard
      .text(shorten(target.name, 40), redirectTicket.pack({ ticket: ticketId, agent: target.id }))
      .row();
  keyboard.text(t('tickets-btn-back'), ticketCard.pack({ ticket: ticketId }));
  return keyboard;
}
