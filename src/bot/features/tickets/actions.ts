import type { SentMessage, TicketView } from '../../../services/tickets/index.js';
import { displayName } from '../../../services/users.js';
import type { BotContext } from '../../context.js';
import { callbackTarget, showKeyboardAt } from '../../ui/screen.js';
import { ratingKeyboard, withdrawKeyboard } from '../support/keyboards.js';
import { endReplyTo } from './agent-reply.js';
import { alert, plain } from './alerts.js';
import { drawRelay, refreshCopies } from './copies.js';
import { confirmKeyboard } from './keyboards.js';
import { announceTicket, resolveNotifications, tellAgent, tellCustomer } from './notifications.js';
import { sendTranscript } from './relay.js';
import { actorOf, mayClose, mayReopen, showCard } from './screens.js';
import { translateFor } from './their-language.js';

// An agent's actions on a ticket: each calls the service (which decides), redraws the pressed
// message and every other staff copy of the ticket, and tells everyone concerned.

/**
 * Redraws the pressed message for the ticket's new state. A relayed customer message keeps the
 * customer's words (only its buttons change, with the other copies); anything else pressed (a
 * notification, a card) becomes the card. Returns the message drawn here, for the others to skip.
 */
async function redrawPressed(ctx: BotContext, view: TicketView): Promise<SentMessage | undefined> {
  const pressed = callbackTarget(ctx);
  if (pressed?.messageId !== undefined) {
    const copy = await ctx.deps.services.tickets.copyAt(pressed.chatId, pressed.messageId);
    if (copy?.kind === 'relay' && copy.ticketId === view.ticket.id) return undefined;
  }
  await showCard(ctx, view);
  return pressed?.messageId === undefined
    ? undefined
    : { chatId: pressed.chatId, messageId: pressed.messageId };
}

/** "Take into work": the card becomes the agent's, the other notifications say who took it. */
export async function take(ctx: BotContext, id: number): Promise<void> {
  const { tickets } = ctx.deps.services;
  const result = await tickets.take(id, actorOf(ctx));
  if (!result.ok) {
    if (result.reason === 'taken') {
      return alert(ctx, 'tickets-already-taken', {
        id,
        agent: result.holder ? displayName(result.holder) : '—',
      });
    }
    if (result.reason === 'closed') return alert(ctx, 'tickets-already-closed', { id });
    return alert(ctx, result.reason === 'not_found' ? 'tickets-gone' : 'not-allowed');
  }
  await ctx.answerCallbackQuery({ text: plain(ctx, 'tickets-take-ok', { id }) });
  const view = await tickets.view(id);
  if (!view) return;
  const pressed = await redrawPressed(ctx, view);
  await resolveNotifications(
    ctx.api,
    ctx.deps,
    view,
    'tickets-taken-by',
    { agent: displayName(ctx.user) },
    pressed,
  );
  await refreshCopies(ctx.api, ctx.deps, view, pressed);
  await tellCustomer(ctx.api, ctx.deps, view.customer, 'support-taken', { id, agent: ctx.user.firstName });
  // The customer may have written more while the ticket waited, or a problem longer than the
  // card's 200-character subject: show the whole conversation.
  const entries = await tickets.transcript(id);
  if (entries.length > 1 || entries[0]?.message.text !== view.ticket.text)
    await sendTranscript(ctx.api, ctx.deps, ctx.user, id);
}

/**
 * "Close" / "Reopen" ask first: the pressed message keeps its text (the customer's words, or the
 * card) and its buttons become "Yes" / "No".
 */
export async function ask(ctx: BotContext, id: number, action: 'close' | 'reopen'): Promise<void> {
  const view = await ctx.deps.services.tickets.view(id);
  if (!view) return alert(ctx, 'tickets-gone');
  const actor = actorOf(ctx);
  if (action === 'close') {
    if (view.ticket.state === 'closed') return alert(ctx, 'tickets-already-closed', { id });
    if (!mayClose(view, actor)) return alert(ctx);
  } else {
    if (view.ticket.state !== 'closed') return alert(ctx, 'tickets-not-closed', { id });
    if (!mayReopen(view, actor)) return alert(ctx);
  }
  await ctx.answerCallbackQuery({
    text: plain(ctx, action === 'close' ? 'tickets-close-ask' : 'tickets-reopen-ask', { id }),
  });
  const pressed = callbackTarget(ctx);
  if (pressed?.messageId === undefined) return;
  await showKeyboardAt(
    ctx.api,
    pressed.chatId,
    pressed.messageId,
    confirmKeyboard(ctx.t, id, action),
    ctx.log,
  );
}

/** "No" on a confirm step: the pressed message shows the ticket as it is now, with its buttons. */
export async function keep(ctx: BotContext, id: number): Promise<void> {
  const { tickets } = ctx.deps.services;
  const view = await tickets.view(id);
  if (!view) return alert(ctx, 'tickets-gone');
  await ctx.answerCallbackQuery();
  const pressed = callbackTarget(ctx);
  const copy =
    pressed?.messageId === undefined ? undefined : await tickets.copyAt(pressed.chatId, pressed.messageId);
  if (copy?.ticketId === id && copy.kind === 'relay') await drawRelay(ctx, view, copy);
  else await showCard(ctx, view);
}

/** "Close": the customer is unlocked and asked for a rating; whoever else was involved hears of it. */
export async function close(ctx: BotContext, id: number): Promise<void> {
  const { tickets } = ctx.deps.services;
  const before = await tickets.view(id);
  const result = await tickets.close(id, actorOf(ctx));
  if (!result.ok) {
    if (result.reason === 'closed') return alert(ctx, 'tickets-already-closed', { id });
    return alert(ctx, result.reason === 'not_found' ? 'tickets-gone' : 'not-allowed');
  }
  await ctx.answerCallbackQuery({ text: plain(ctx, 'tickets-closed-ok', { id }) });
  await endReplyTo(ctx, id);
  const view = await tickets.view(id);
  if (!view) return;
  const pressed = await redrawPressed(ctx, view);
  await refreshCopies(ctx.api, ctx.deps, view, pressed);
  await tellCustomer(ctx.api, ctx.deps, view.customer, 'support-closed', { id }, ratingKeyboard(id));
  if (before?.ticket.state === 'created') {
    await resolveNotifications(ctx.api, ctx.deps, view, 'tickets-closed-note', {
      agent: displayName(ctx.user),
    });
  } else if (before?.agent && before.agent.id !== ctx.user.id) {
    await tellAgent(ctx.api, ctx.deps, before.agent, 'tickets-closed-by-other', {
      id,
      actor: displayName(ctx.user),
    });
  }
}

/** "Reopen": the customer is locked again; the ticket goes back to its agent or to the pool. */
export async function reopen(ctx: BotContext, id: number): Promise<void> {
  const { tickets } = ctx.deps.services;
  const result = await tickets.reopen(id, actorOf(ctx));
  if (!result.ok) {
    if (result.reason === 'not_closed') return alert(ctx, 'tickets-not-closed', { id });
    if (result.reason === 'customer_has_open') return alert(ctx, 'tickets-reopen-has-open');
    return alert(ctx, result.reason === 'not_found' ? 'tickets-gone' : 'not-allowed');
  }
  await ctx.answerCallbackQuery({ text: plain(ctx, 'tickets-reopened-ok', { id }) });
  const view = await tickets.view(id);
  if (!view) return;
  const pressed = await redrawPressed(ctx, view);
  await refreshCopies(ctx.api, ctx.deps, view, pressed);
  await tellCustomer(
    ctx.api,
    ctx.deps,
    view.customer,
    'support-reopened',
    { id },
    withdrawKeyboard(translateFor(ctx.deps, view.customer), id),
  );
  if (view.ticket.state === 'created') await announceTicket(ctx.api, ctx.deps, id, 'requeued');
  else if (view.agent && view.agent.id !== ctx.user.id) {
    await tellAgent(ctx.api, ctx.deps, view.agent, 'tickets-reopened-to-you', {
      id,
      actor: displayName(ctx.user),
    });
  }
}
