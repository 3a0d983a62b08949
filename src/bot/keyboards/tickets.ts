import { InlineKeyboard } from 'grammy';
import type { TicketTab, TicketView } from '../../services/tickets/index.js';
import type { Translate } from '../../text/i18n.js';
import { addPageRow } from './pagination.js';

/**
 * Callback data of the support desk (all ≤ 64 bytes; ids are decimal integers):
 * customer side `sup:w:<ticket>` (withdraw), `sup:rt:<ticket>:<1-5>` (rating);
 * agent side `tk:l:<o|w|c>:<page>` (a tab page), `tk:v:<ticket>` (card), `tk:t:<ticket>` (take),
 * `tk:r:<ticket>` (reply), `tk:c:<ticket>` (close), `tk:o:<ticket>` (reopen),
 * `tk:rd:<ticket>` (pick a redirect target), `tk:rt:<ticket>:<users.id>` (redirect to),
 * `tk:x:<ticket>` (transcript), `tk:n:<o|w|c>:<page>` (toggle my new-ticket notifications).
 * Handlers parse them with the regular expressions below and re-check every permission.
 */
export const TICKET_CB = {
  withdraw: /^sup:w:(\d{1,9})$/,
  rate: /^sup:rt:(\d{1,9}):([1-5])$/,
  list: /^tk:l:([owc]):(\d{1,4})$/,
  view: /^tk:v:(\d{1,9})$/,
  take: /^tk:t:(\d{1,9})$/,
  reply: /^tk:r:(\d{1,9})$/,
  close: /^tk:c:(\d{1,9})$/,
  reopen: /^tk:o:(\d{1,9})$/,
  redirect: /^tk:rd:(\d{1,9})$/,
  redirectTo: /^tk:rt:(\d{1,9}):(\d{1,12})$/,
  transcript: /^tk:x:(\d{1,9})$/,
  notifications: /^tk:n:([owc]):(\d{1,4})$/,
} as const;

/** Customer callbacks the waiting state lets through. */
export const WAITING_ALLOWED_CALLBACK = /^sup:(w|rt):/;

const TAB_CODE: Record<TicketTab, string> = { open: 'o', work: 'w', closed: 'c' };
export const tabOfCode = (code: string): TicketTab =>
  code === 'w' ? 'work' : code === 'c' ? 'closed' : 'open';
export const tabOfState = (state: TicketView['ticket']['state']): TicketTab =>
  state === 'created' ? 'open' : state === 'in_work' ? 'work' : 'closed';

export const listData = (tab: TicketTab, page: number): string => `tk:l:${TAB_CODE[tab]}:${page}`;

export function withdrawKeyboard(t: Translate, ticketId: number): InlineKeyboard {
  return new InlineKeyboard().text(t('support-btn-withdraw'), `sup:w:${ticketId}`);
}

export function ratingKeyboard(ticketId: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (let n = 1; n <= 5; n++) keyboard.text('⭐'.repeat(n), `sup:rt:${ticketId}:${n}`).row();
  return keyboard;
}

export function takeKeyboard(t: Translate, ticketId: number): InlineKeyboard {
  return new InlineKeyboard().text(t('tickets-btn-take'), `tk:t:${ticketId}`);
}

/** Buttons under a customer's message relayed to the agent. */
export function relayKeyboard(t: Translate, ticketId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('tickets-btn-reply'), `tk:r:${ticketId}`)
    .text(t('tickets-btn-close'), `tk:c:${ticketId}`)
    .row()
    .text(t('tickets-btn-transcript'), `tk:x:${ticketId}`);
}

export interface CardPermissions {
  /** Holds the ticket (support_user_id is the viewer). */
  holds: boolean;
  /** Admin or owner. */
  admin: boolean;
}

/** The actions the viewer may take on the ticket in its current state, plus "back to the list". */
export function cardKeyboard(t: Translate, view: TicketView, can: CardPermissions): InlineKeyboard {
  const id = view.ticket.id;
  const keyboard = new InlineKeyboard();
  const state = view.ticket.state;
  if (state === 'created') {
    keyboard.text(t('tickets-btn-take'), `tk:t:${id}`);
    if (can.admin)
      keyboard.text(t('tickets-btn-assign'), `tk:rd:${id}`).text(t('tickets-btn-close'), `tk:c:${id}`);
    keyboard.row();
  } else if (state === 'in_work' && (can.holds || can.admin)) {
    keyboard
      .text(t('tickets-btn-reply'), `tk:r:${id}`)
      .text(t('tickets-btn-close'), `tk:c:${id}`)
      .row()
      .text(t('tickets-btn-redirect'), `tk:rd:${id}`)
      .row();
  } else if (state === 'closed' && (can.holds || can.admin || view.ticket.supportUserId === null)) {
    keyboard.text(t('tickets-btn-reopen'), `tk:o:${id}`).row();
  }
  keyboard.text(t('tickets-btn-transcript'), `tk:x:${id}`).row();
  keyboard.text(t('tickets-btn-back'), listData(tabOfState(state), 0));
  return keyboard;
}

const shorten = (text: string, max: number): string => {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

/** Tabs with counts, one button per ticket on the page, the page row and the notification toggle. */
export function listKeyboard(
  t: Translate,
  tab: TicketTab,
  page: number,
  pages: number,
  counts: Record<TicketTab, number>,
  items: TicketView[],
  notificationsOn: boolean,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const candidate of ['open', 'work', 'closed'] as const) {
    const label = t(`tickets-tab-${candidate}`, { n: counts[candidate] });
    keyboard.text(candidate === tab ? `• ${label}` : label, listData(candidate, 0));
  }
  keyboard.row();
  for (const { ticket, customer } of items) {
    keyboard.text(
      `#${ticket.id} · ${shorten(customer.firstName, 16)} · ${shorten(ticket.text, 28)}`,
      `tk:v:${ticket.id}`,
    );
    keyboard.row();
  }
  addPageRow(keyboard, page, pages, (p) => listData(tab, p));
  keyboard.row();
  keyboard.text(
    t(notificationsOn ? 'tickets-btn-notifications-on' : 'tickets-btn-notifications-off'),
    `tk:n:${TAB_CODE[tab]}:${page}`,
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
    keyboard.text(shorten(target.name, 40), `tk:rt:${ticketId}:${target.id}`).row();
  keyboard.text(t('tickets-btn-back'), `tk:v:${ticketId}`);
  return keyboard;
}
