import type { Filter } from 'grammy';
import type { Ticket } from '../../../services/tickets/index.js';
import { displayName } from '../../../services/users.js';
import type { MessageKey } from '../../../text/i18n.js';
import type { BotContext } from '../../context.js';
import { retireKeyboardAt, sendScreen } from '../../ui/screen.js';
import { plain } from '../tickets/alerts.js';
import { recordRelays } from '../tickets/copies.js';
import { relayKeyboard } from '../tickets/keyboards.js';
import { sendRelayed } from '../tickets/relay.js';
import { translateFor } from '../tickets/their-language.js';
import { withdrawKeyboard } from './keyboards.js';
import { tellStaffOfWithdrawal, withdrawOwnTicket } from './withdraw.js';

/**
 * Shows the one live "your ticket is open" message with its Withdraw button: a new one replaces the
 * previous one (deleted, or its button retired when Telegram no longer lets it be deleted), so the
 * chat never holds a pile of Withdraw buttons.
 */
export async function showWaitingMessage(ctx: BotContext, text: string, ticketId: number): Promise<void> {
  await dropWaitingMessage(ctx);
  const message = await sendScreen(ctx, { text, keyboard: withdrawKeyboard(ctx.t, ticketId) });
  ctx.session.waitingNotice = message.message_id;
}

/** Removes the live "your ticket is open" message (or, when it can no longer be deleted, its button). */
async function dropWaitingMessage(ctx: BotContext): Promise<void> {
  const previous = ctx.session.waitingNotice;
  const chatId = ctx.chat?.id;
  ctx.session.waitingNotice = undefined;
  if (previous === undefined || chatId === undefined) return;
  const deleted = await ctx.api
    .deleteMessage(chatId, previous)
    .then(() => true)
    .catch(() => false);
  if (!deleted) await retireKeyboardAt(ctx.api, chatId, previous, ctx.log);
}

/**
 * A button of an older message pressed while waiting: one brief answer. With the live notice in
 * the chat, an alert says what to do (no new message); without one, the notice is shown.
 */
export async function answerButtonWhileWaiting(ctx: BotContext, ticket: Ticket): Promise<void> {
  if (ctx.session.waitingNotice !== undefined) {
    await ctx.answerCallbackQuery({
      text: plain(ctx, 'support-waiting-alert', { id: ticket.id }),
      show_alert: true,
    });
    return;
  }
  await ctx.answerCallbackQuery();
  await sendWaitingNotice(ctx, ticket);
}

/**
 * /cancel while waiting does what its menu entry says, cancels what is going on: the ticket is
 * withdrawn, and the live notice gives way to the record of the withdrawal.
 */
export async function withdrawByCommand(ctx: BotContext, ticket: Ticket): Promise<void> {
  const previousState = await withdrawOwnTicket(ctx, ticket.id);
  if (previousState === undefined) {
    await sendScreen(ctx, { text: ctx.t('support-withdraw-gone') });
    return;
  }
  await dropWaitingMessage(ctx);
  await sendScreen(ctx, { text: ctx.t('support-withdrawn', { id: ticket.id }) });
  await tellStaffOfWithdrawal(ctx, ticket.id, previousState);
}

/** "Your ticket #N is open" with the Withdraw button: the answer to everything while waiting. */
export async function sendWaitingNotice(
  ctx: BotContext,
  ticket: Ticket,
  key: MessageKey = 'support-waiting',
): Promise<void> {
  await showWaitingMessage(ctx, ctx.t(key, { id: ticket.id }), ticket.id);
}

/**
 * A customer's message while their ticket is open: stored in the ticket and relayed to the agent
 * who holds it (with Reply/Close buttons; replying to the copy reaches this ticket through
 * ticket_relays). Nobody holds it yet: stored, and the agent who takes it gets the transcript.
 */
export async function relayFromCustomer(ctx: Filter<BotContext, 'message'>, ticket: Ticket): Promise<void> {
  const message = ctx.message;
  const { tickets } = ctx.deps.services;
  const photo = message.photo?.at(-1)?.file_id ?? null;
  const text = photo ? (message.caption ?? null) : (message.text ?? null);
  const result = await tickets.addMessage(ticket.id, { userId: ctx.user.id, role: ctx.role }, 'customer', {
    text,
    photo,
  });
  if (!result.ok) {
    await sendScreen(ctx, { text: ctx.t('support-withdraw-gone') });
    return;
  }
  const view = await tickets.view(ticket.id);
  if (view?.ticket.state !== 'in_work' || !view.agent) {
    await sendScreen(ctx, { text: ctx.t('support-message-saved', { id: ticket.id }) });
    return;
  }
  const agent = view.agent;
  const sent = await sendRelayed(
    ctx.api,
    ctx.deps,
    agent,
    'tickets-relay-from-customer',
    { id: ticket.id, customer: displayName(ctx.user) },
    { text: result.message.text, photo: result.message.photo },
    relayKeyboard(translateFor(ctx.deps, agent), ticket.id),
  );
  await recordRelays(ctx.api, ctx.deps, ticket.id, sent);
}
