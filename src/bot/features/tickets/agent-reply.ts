import type { Filter } from 'grammy';
import { z } from 'zod';
import { isAdminRole, isStaffRole } from '../../../services/staff.js';
import type { TicketContent } from '../../../services/tickets/index.js';
import { displayName } from '../../../services/users.js';
import type { BotContext } from '../../context.js';
import { defineDialog } from '../../dialog.js';
import { sendScreen } from '../../ui/screen.js';
import { alert } from './alerts.js';
import { sendRelayed } from './relay.js';
import { actorOf } from './screens.js';

/**
 * Reply mode: an agent's messages go to one ticket's customer until the ticket closes or the
 * agent types /cancel. It is a mode rather than a single answer, so it reads no step's free text:
 * the agent's commands (/tickets to look at another ticket) keep it open.
 */
export const replyDialog = defineDialog('ticket-reply', {
  steps: ['text'] as const,
  freeText: [],
  data: z.object({ ticketId: z.number().int().positive() }),
});

/** "Reply" on a card or a relayed message: enters reply mode when the presser may write there. */
export async function startReply(ctx: BotContext, id: number): Promise<void> {
  const ticket = await ctx.deps.services.tickets.byId(id);
  if (!ticket) return alert(ctx, 'tickets-gone');
  if (ticket.state === 'created') return alert(ctx, 'tickets-not-taken', { id });
  if (ticket.state === 'closed') return alert(ctx, 'tickets-already-closed', { id });
  if (ticket.supportUserId !== ctx.user.id && !isAdminRole(ctx.role)) return alert(ctx);
  await replyDialog.start(ctx, 'text', { ticketId: id });
  await ctx.answerCallbackQuery();
  await replyDialog.prompt(ctx, { text: ctx.t('tickets-reply-prompt', { id }) });
}

/** Ends reply mode when it is for `ticketId` (the ticket was just closed). */
export async function endReplyTo(ctx: BotContext, ticketId: number): Promise<void> {
  if (replyDialog.read(ctx)?.data.ticketId === ticketId) await replyDialog.end(ctx);
}

const REFUSAL_KEYS = {
  not_taken: 'tickets-not-taken',
  closed: 'tickets-reply-ended',
  forbidden: 'tickets-reply-ended',
  not_found: 'tickets-gone',
  empty: 'tickets-reply-unsupported',
} as const;

/** Stores an agent's message in the ticket and relays it to the customer. */
async function relayFromAgent(
  ctx: Filter<BotContext, 'message'>,
  ticketId: number,
  inReplyMode: boolean,
): Promise<void> {
  const message = ctx.message;
  const { tickets } = ctx.deps.services;
  const photo = message.photo?.at(-1)?.file_id ?? null;
  const content: TicketContent = { text: photo ? (message.caption ?? null) : (message.text ?? null), photo };
  const result = await tickets.addMessage(ticketId, actorOf(ctx), 'agent', content);
  if (!result.ok) {
    if (inReplyMode) await replyDialog.end(ctx);
    // Someone else holds it (a reply to a "taken by …" notification): say who, so the agent knows.
    const holder = result.reason === 'forbidden' ? (await tickets.view(ticketId))?.agent : undefined;
    const text = holder
      ? ctx.t('tickets-held-by', { id: ticketId, agent: displayName(holder) })
      : ctx.t(REFUSAL_KEYS[result.reason], { id: ticketId });
    await sendScreen(ctx, { text });
    return;
  }
  const view = await tickets.view(ticketId);
  if (!view) return;
  const delivered = await sendRelayed(
    ctx.api,
    ctx.deps,
    view.customer,
    'support-agent-message',
    { agent: ctx.user.firstName, id: ticketId },
    { text: result.message.text, photo: result.message.photo },
  );
  const key = delivered.length > 0 ? 'tickets-reply-sent' : 'tickets-undelivered';
  await sendScreen(ctx, { text: ctx.t(key, { id: ticketId }) });
}

/**
 * A staff member's message reaches a ticket when it replies to a relayed message of that ticket
 * (looked up in ticket_relays), or while they are in reply mode for a ticket. Anything else goes on.
 */
export async function agentMessage(ctx: Filter<BotContext, 'message'>, next: () => Promise<void>) {
  if (!isStaffRole(ctx.role)) return next();
  const message = ctx.message;
  if (message.text?.startsWith('/')) return next();
  const replyTo = message.reply_to_message;
  const relayed = replyTo
    ? await ctx.deps.services.tickets.ticketOfRelay(ctx.chat.id, replyTo.message_id)
    : undefined;
  const ticketId = relayed ?? replyDialog.read(ctx)?.data.ticketId;
  if (ticketId === undefined) return next();
  if (message.text === undefined && message.photo === undefined) {
    await sendScreen(ctx, { text: ctx.t('tickets-reply-unsupported') });
    return;
  }
  await relayFromAgent(ctx, ticketId, relayed === undefined);
}
