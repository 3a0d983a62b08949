import { isAdminRole } from '../../../services/staff.js';
import type { Actor, TicketTab, TicketView } from '../../../services/tickets/index.js';
import { displayName } from '../../../services/users.js';
import { html } from '../../../telegram/markup.js';
import { formatDateTime } from '../../../text/format.js';
import type { Locale, Translate } from '../../../text/i18n.js';
import type { BotContext } from '../../context.js';
import { clampPage, pageCount } from '../../ui/pagination.js';
import { callbackTarget, KEEP_PHOTO, showScreen } from '../../ui/screen.js';
import { type CardPermissions, cardKeyboard, listKeyboard } from './keyboards.js';

export const TICKETS_PAGE_SIZE = 5;

/** The presser as the tickets service sees them. */
export const actorOf = (ctx: BotContext): Actor => ({ userId: ctx.user.id, role: ctx.role });

/** What the viewer may do with the ticket: its holder, or an admin/owner. */
export const permissionsOf = (view: TicketView, actor: Actor): CardPermissions => ({
  holds: view.ticket.supportUserId === actor.userId,
  admin: isAdminRole(actor.role),
});

/** The ticket card: customer, time, problem, state, agent (and closing time, rating, photo note). */
export function cardText(t: Translate, locale: Locale, timezone: string, view: TicketView): string {
  const { ticket, customer, agent } = view;
  let extra = '';
  if (ticket.photo) extra += t('tickets-card-photo');
  if (ticket.closedAt)
    extra += t('tickets-card-closed-at', { closed: formatDateTime(ticket.closedAt, locale, timezone) });
  if (ticket.rating) extra += t('tickets-card-rating', { stars: '⭐'.repeat(ticket.rating) });
  return t('tickets-card', {
    id: ticket.id,
    state: html(t(`tickets-state-${ticket.state}`)),
    customer: `${displayName(customer)} · id ${customer.telegramId}`,
    created: formatDateTime(ticket.createdAt, locale, timezone),
    agent: agent ? displayName(agent) : t('tickets-no-agent'),
    extra: html(extra),
    text: ticket.text,
  });
}

/**
 * Shows a page of a /tickets tab in place of the pressed message (a notification photo keeps its
 * photo), or as a new message for the command.
 */
export async function showList(ctx: BotContext, tab: TicketTab, requestedPage: number): Promise<void> {
  const { tickets } = ctx.deps.services;
  const actor = actorOf(ctx);
  const counts = await tickets.counts(actor);
  const pages = pageCount(counts[tab], TICKETS_PAGE_SIZE);
  const page = clampPage(requestedPage, pages);
  const { items } = await tickets.list(tab, actor, page, TICKETS_PAGE_SIZE);
  const notificationsOn = await tickets.notificationsEnabled(ctx.from!.id, ctx.role);
  const text = `${ctx.t(`tickets-list-${tab}`, { n: counts[tab] })}\n${ctx.t(
    items.length > 0 ? 'tickets-list-pick' : 'tickets-list-empty',
  )}`;
  const keyboard = listKeyboard(ctx.t, { tab, page, pages, counts, items, notificationsOn });
  await showScreen(ctx, { text, keyboard, photo: KEEP_PHOTO });
  // A card turned back into a list is no longer a copy of its ticket.
  const pressed = callbackTarget(ctx);
  if (pressed?.messageId !== undefined) await tickets.forgetCopy(pressed.chatId, pressed.messageId);
}

/**
 * Shows a ticket's card with the actions the presser may take, in place of the pressed message,
 * and remembers that message as a copy of the ticket: it is redrawn when the ticket changes, and a
 * reply to it reaches the ticket.
 */
export async function showCard(ctx: BotContext, view: TicketView): Promise<void> {
  const text = cardText(ctx.t, ctx.locale, ctx.deps.config.timezone, view);
  const keyboard = cardKeyboard(ctx.t, view, permissionsOf(view, actorOf(ctx)));
  const shown = await showScreen(ctx, { text, keyboard, photo: KEEP_PHOTO });
  const pressed = callbackTarget(ctx);
  if (pressed?.messageId !== undefined && (shown === 'edited' || shown === 'unchanged')) {
    await ctx.deps.services.tickets.recordRelay(
      view.ticket.id,
      pressed.chatId,
      pressed.messageId,
      'card',
      pressed.isPhoto ?? false,
    );
  }
}

/** Whether the actor may close the ticket now (the service decides again when it closes). */
export const mayClose = (view: TicketView, actor: Actor): boolean =>
  view.ticket.state !== 'closed' &&
  (isAdminRole(actor.role) ||
    (view.ticket.state === 'in_work' && view.ticket.supportUserId === actor.userId));

/** Whether the actor may reopen the ticket now: its last holder, a ticket nobody held, or an admin. */
export const mayReopen = (view: TicketView, actor: Actor): boolean =>
  view.ticket.state === 'closed' &&
  (isAdminRole(actor.role) ||
    view.ticket.supportUserId === null ||
    view.ticket.supportUserId === actor.userId);
