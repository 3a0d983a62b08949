import type { Filter } from 'grammy';
import type { Ticket } from '../../../services/tickets/index.js';
import { displayName } from '../../../services/users.js';
import type { MessageKey } from '../../../text/i18n.js';
import type { BotContext } from '../../context.js';
import { retireKeyboardAt, sendScreen } from '../../ui/screen.js';
import { relayKeyboard } from '../tickets/keyboards.js';
import { sendRelayed } from '../tickets/relay.js';
import { translateFor } from '../tickets/their-language.js';
import { withdrawKeyboard } from './keyboards.js';

/**
 * Shows the one live "your ticket is open" message with its Withdraw button: a new one replaces the
 * previous one (deleted, or its button retired when Telegram no longer lets it be deleted), so the
 * chat never holds a pile of Withdraw buttons.
 */
export async function showWaitingMessage(ctx: BotContext, text: string, ticketId: number): Promise<void> {
  const previous = ctx.session.waitingNotice;
  const chatId = ctx.chat?.id;
  if (previous !== undefined && chatId !== undefined) {
    const deleted = await ctx.api
      .deleteMessage(chatId, previous)
      .then(() => true)
      .catch(() => false);
    if (!deleted) await retireKeyboardAt(ctx.api, chatId, previous, ctx.log);
  }
  const message = await sendScreen(ctx, { text, keyboard: withdrawKeyboard(ctx.t, ticketId) });
  ctx.session.waitingNotice = message.message_id;
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
  for (const m of sent) await tickets.recordRelay(ticket.id, m.chat.id, m.message_id);
}
