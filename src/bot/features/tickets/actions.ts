import { displayName } from '../../../services/users.js';
import type { BotContext } from '../../context.js';
import { ratingKeyboard, withdrawKeyboard } from '../support/keyboards.js';
import { endReplyTo } from './agent-reply.js';
import { alert, plain } from './alerts.js';
import { announceTicket, resolveNotifications, tellAgent, tellCustomer } from './notifications.js';
import { sendTranscript } from './relay.js';
import { actorOf, showCard } from './screens.js';
import { translateFor } from './their-language.js';

// An agent's actions on a ticket: each calls the service (which decides), redraws the pressed card
// and tells everyone concerned.

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
  await showCard(ctx, view);
  const message = ctx.callbackQuery?.message;
  const pressed = message && ctx.chat ? { chatId: ctx.chat.id, messageId: message.message_id } : undefined;
  // An inaccessible message (date 0) cannot be replied to, so it does not become a relay.
  if (pressed && message?.date !== 0) await tickets.recordRelay(id, pressed.chatId, pressed.messageId);
  await resolveNotifications(
    ctx.api,
    ctx.deps,
    view,
    'tickets-taken-by',
    { agent: displayName(ctx.user) },
    pressed,
  );
  await tellCustomer(ctx.api, ctx.deps, view.customer, 'support-taken', { id, agent: ctx.user.firstName });
  // The customer may have written more while the ticket waited, or a problem longer than the
  // card's 200-character subject: show the whole conversation.
  const entries = await tickets.transcript(id);
  if (entries.length > 1 || entries[0]?.message.text !== view.ticket.text)
    await sendTranscript(ctx.api, ctx.deps, ctx.user, id);
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
  await showCard(ctx, view);
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
  await showCard(ctx, view);
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
