import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../../context.js';
import { allowedWhileWaiting } from './callback-data.js';
import {
  answerButtonWhileWaiting,
  relayFromCustomer,
  sendWaitingNotice,
  withdrawByCommand,
} from './waiting.js';

/**
 * The seed's waiting state: while a customer has an open ticket (created or in work) they cannot
 * use the bot. Every command gets "your ticket #N is open" with a Withdraw button (one live copy),
 * /cancel withdraws the ticket, an older message's button gets a brief alert;
 * only their plain messages (text, photo), which go into the ticket, and the Withdraw and rating
 * buttons pass. The state is read from the tickets table on every update (with the users row, see
 * register-user.ts), so it survives restarts
 * and ends the moment the ticket is closed. Staff are never locked.
 */
export const ticketWaitLock: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (ctx.role !== 'customer' || !ctx.user) return next();
  // Only the private chat waits: a group, or an inline query (no chat at all), goes on as usual.
  if (ctx.chat?.type !== 'private') return next();
  // Read with the users row; the ticket itself only when there is one (then it is re-checked).
  if (ctx.openTicketId === null) return next();
  const ticket = await ctx.deps.services.tickets.byId(ctx.openTicketId);
  if (!ticket || ticket.state === 'closed') return next();

  const callback = ctx.callbackQuery;
  if (callback) {
    if (callback.data !== undefined && allowedWhileWaiting(callback.data)) return next();
    await answerButtonWhileWaiting(ctx, ticket);
    return;
  }

  if (!ctx.has('message')) return;
  const message = ctx.message;
  const isCommand = message.text?.startsWith('/') ?? false;
  if (message.photo || (message.text !== undefined && !isCommand)) {
    await relayFromCustomer(ctx, ticket);
    return;
  }
  if (isCommand && /^\/cancel(?:@\w+)?(?:\s|$)/i.test(message.text ?? '')) {
    await withdrawByCommand(ctx, ticket);
    return;
  }
  await sendWaitingNotice(ctx, ticket, isCommand ? 'support-waiting' : 'support-waiting-unsupported');
};
