import type { Api, InlineKeyboard } from 'grammy';
import type { Role } from '../../../services/staff.js';
import type { SentMessage, TicketView } from '../../../services/tickets/index.js';
import { displayName, type User } from '../../../services/users.js';
import type { MessageKey, TranslationVars } from '../../../text/i18n.js';
import { notify } from '../../notify.js';
import { KEEP_PHOTO, showScreenAt } from '../../ui/screen.js';
import { refreshCopies } from './copies.js';
import { cardKeyboard, takeKeyboard } from './keyboards.js';
import { cardText, permissionsOf } from './screens.js';
import { localeOf, type NotifyDeps, translateFor } from './their-language.js';

/**
 * Notifies every recipient (active support agents, opted-in admins and owners; all owners when
 * that is nobody) of a ticket that waits in the open pool: "New ticket #N from …" (or "back in the
 * queue") with "Take into work". Each message is recorded so that it loses its button when someone
 * takes the ticket. Returns how many people it reached.
 */
export async function announceTicket(
  api: Api,
  deps: NotifyDeps,
  ticketId: number,
  kind: 'new' | 'requeued',
): Promise<number> {
  const { tickets } = deps.services;
  const view = await tickets.view(ticketId);
  if (view?.ticket.state !== 'created') return 0;
  let reached = 0;
  for (const recipient of await tickets.announcementRecipients()) {
    const t = translateFor(deps, recipient);
    const text = t(kind === 'new' ? 'tickets-new' : 'tickets-requeued', {
      id: ticketId,
      customer: displayName(view.customer),
      text: view.ticket.text,
    });
    const message = await notify(api, deps, recipient.telegramId, text, {
      reply_markup: takeKeyboard(t, ticketId),
      photo: view.ticket.photo,
    });
    if (!message) continue;
    reached++;
    await tickets.recordNotification(ticketId, recipient.telegramId, message.message_id);
  }
  return reached;
}

/**
 * Edits every recorded "new ticket" notification of a ticket (except `keep`, the message the actor
 * pressed) to `key` without buttons, e.g. "taken by Anna" or "withdrawn by the customer". A copy
 * that cannot be updated is only logged: the action it reports has already happened.
 */
export async function resolveNotifications(
  api: Api,
  deps: NotifyDeps,
  view: TicketView,
  key: MessageKey,
  vars: TranslationVars,
  keep?: SentMessage,
) {
  const claimed = await deps.services.tickets.claimNotifications(view.ticket.id);
  for (const target of claimed) {
    if (keep && target.chatId === keep.chatId && target.messageId === keep.messageId) continue;
    const recipient = await deps.services.users.byTelegramId(target.chatId);
    const t = translateFor(deps, recipient ?? { languageCode: null });
    const text = t(key, { id: view.ticket.id, customer: displayName(view.customer), ...vars });
    const isPhoto = view.ticket.photo !== null;
    try {
      const shown = await showScreenAt(
        api,
        { ...target, isPhoto },
        { text, photo: KEEP_PHOTO },
        deps.logger,
        {
          whenGone: 'skip',
        },
      );
      // A reply to the handled notification is answered with who holds the ticket now.
      if (shown === 'edited' || shown === 'unchanged')
        await deps.services.tickets.recordRelay(
          view.ticket.id,
          target.chatId,
          target.messageId,
          'note',
          isPhoto,
        );
    } catch (error) {
      deps.logger.warn({ err: error, ...target }, 'could not update a ticket notification');
    }
  }
}

/** Tells the customer something about their ticket, in their language. */
export async function tellCustomer(
  api: Api,
  deps: NotifyDeps,
  customer: User,
  key: MessageKey,
  vars: TranslationVars,
  keyboard?: InlineKeyboard,
) {
  const t = translateFor(deps, customer);
  await notify(api, deps, customer.telegramId, t(key, vars), keyboard ? { reply_markup: keyboard } : {});
}

/** Tells a staff member something about a ticket, in their language. */
export async function tellAgent(
  api: Api,
  deps: NotifyDeps,
  agent: User,
  key: MessageKey,
  vars: TranslationVars,
) {
  await notify(api, deps, agent.telegramId, translateFor(deps, agent)(key, vars));
}

/** Sends the card of a ticket to an agent (e.g. after a redirect) and remembers it for replies. */
export async function sendCard(api: Api, deps: NotifyDeps, agent: User, view: TicketView, role: Role) {
  const t = translateFor(deps, agent);
  const text = cardText(t, localeOf(deps, agent), deps.config.timezone, view);
  const keyboard = cardKeyboard(t, view, permissionsOf(view, { userId: agent.id, role }));
  const message = await notify(api, deps, agent.telegramId, text, { reply_markup: keyboard });
  if (message)
    await deps.services.tickets.recordRelay(view.ticket.id, agent.telegramId, message.message_id, 'card');
}

/**
 * Returns an agent's tickets in work to the open pool (when the agent is removed from staff),
 * tells their customers and announces the tickets to the remaining agents. Returns how many.
 */
export async function returnTicketsToPool(api: Api, deps: NotifyDeps, agentUserId: number): Promise<number> {
  const released = await deps.services.tickets.releaseTicketsOf(agentUserId);
  for (const ticket of released) {
    const view = await deps.services.tickets.view(ticket.id);
    if (view) await refreshCopies(api, deps, view);
    const customer = await deps.services.users.byId(ticket.userId);
    if (customer) await tellCustomer(api, deps, customer, 'support-requeued', { id: ticket.id });
    await announceTicket(api, deps, ticket.id, 'requeued');
  }
  return released.length;
}

/**
 * Closes the open ticket of a customer who has just been banned, with a note in its conversation
 * (in the banning admin's words), and shows it closed everywhere: every staff copy is redrawn, a
 * "new ticket" notice nobody acted on says why it closed, and the agent who held it is told.
 * The customer is not told (they get the "access restricted" answer). Returns the ticket id closed.
 */
export async function closeTicketOfBanned(
  api: Api,
  deps: NotifyDeps,
  ticketId: number,
  actor: { user: User; role: Role },
  note: string,
): Promise<number | undefined> {
  const { tickets } = deps.services;
  const before = await tickets.view(ticketId);
  const result = await tickets.closeForBan(ticketId, { userId: actor.user.id, role: actor.role }, note);
  if (!result.ok) return undefined;
  const view = await tickets.view(ticketId);
  if (!view) return ticketId;
  await refreshCopies(api, deps, view);
  if (before?.ticket.state === 'created') {
    await resolveNotifications(api, deps, view, 'moderation-ticket-closed-note', {
      agent: displayName(actor.user),
    });
  } else if (before?.agent && before.agent.id !== actor.user.id) {
    await tellAgent(api, deps, before.agent, 'moderation-ticket-closed-agent', {
      id: ticketId,
      actor: displayName(actor.user),
    });
  }
  return ticketId;
}
