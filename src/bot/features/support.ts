import { Composer } from 'grammy';
import { isStaffRole } from '../../services/staff.js';
import { TICKET_TEXT_MAX, type Ticket } from '../../services/tickets/index.js';
import { displayName } from '../../services/users.js';
import type { BotContext, BotDeps } from '../context.js';
import { answersDialog, endDialog, startDialog } from '../dialog.js';
import { relayKeyboard, TICKET_CB, withdrawKeyboard } from '../keyboards/tickets.js';
import { requireSubscription } from '../middlewares/subscription-gate.js';
import { notify } from '../notify.js';
import { announceTicket, plain, resolveNotifications, sendRelayed, showInPlace } from './tickets.js';

export const SUPPORT_DIALOG = 'support';

/** "Your ticket #N is open" with the Withdraw button: the answer to everything while waiting. */
export async function sendWaitingNotice(
  ctx: BotContext,
  ticket: Ticket,
  key = 'support-waiting',
): Promise<void> {
  await ctx.reply(ctx.t(key, { id: ticket.id }), { reply_markup: withdrawKeyboard(ctx.t, ticket.id) });
}

/**
 * A customer's message while their ticket is open: stored in the ticket and relayed to the agent
 * who holds it (with Reply/Close buttons; replying to the copy reaches this ticket through
 * ticket_relays). Nobody holds it yet: stored, and the agent who takes it gets the transcript.
 */
export async function relayFromCustomer(ctx: BotContext, ticket: Ticket): Promise<void> {
  const message = ctx.message;
  if (!message) return;
  const { tickets } = ctx.deps.services;
  const photo = message.photo?.at(-1)?.file_id ?? null;
  const text = photo ? (message.caption ?? null) : (message.text ?? null);
  const result = await tickets.addMessage(ticket.id, { userId: ctx.user.id, role: ctx.role }, 'customer', {
    text,
    photo,
  });
  if (!result.ok) {
    await ctx.reply(ctx.t('support-withdraw-gone'));
    return;
  }
  const view = await tickets.view(ticket.id);
  if (view?.ticket.state !== 'in_work' || !view.agent) {
    await ctx.reply(ctx.t('support-message-saved', { id: ticket.id }));
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
    relayKeyboard(ctx.deps.translator.for(ctx.deps.translator.pick(agent.languageCode)), ticket.id),
  );
  for (const m of sent) await tickets.recordRelay(ticket.id, m.chat.id, m.message_id);
}

async function askProblem(ctx: BotContext): Promise<void> {
  if (isStaffRole(ctx.role)) {
    await ctx.reply(ctx.t('support-staff-use-tickets'));
    return;
  }
  const open = await ctx.deps.services.tickets.openTicketOf(ctx.user.id);
  if (open) {
    await sendWaitingNotice(ctx, open);
    return;
  }
  startDialog(ctx, SUPPORT_DIALOG, 'problem');
  await ctx.reply(ctx.t('support-ask'));
}

async function receiveProblem(ctx: BotContext): Promise<void> {
  const message = ctx.message;
  if (!message) return;
  const photo = message.photo?.at(-1)?.file_id ?? null;
  const text = photo ? message.caption : message.text;
  if (photo && !text?.trim()) {
    await ctx.reply(ctx.t('support-need-caption'));
    return;
  }
  if (!text?.trim()) {
    await ctx.reply(ctx.t('support-text-only'));
    return;
  }
  const length = [...text.trim()].length;
  if (length > TICKET_TEXT_MAX) {
    await ctx.reply(ctx.t('support-too-long', { n: length }));
    return;
  }
  const result = await ctx.deps.services.tickets.create(ctx.user.id, { text, photo });
  if (!result.ok) {
    if (result.reason === 'already_open') {
      endDialog(ctx);
      await sendWaitingNotice(ctx, result.ticket);
    } else {
      await ctx.reply(
        ctx.t(result.reason === 'too_long' ? 'support-too-long' : 'support-text-only', { n: length }),
      );
    }
    return;
  }
  endDialog(ctx);
  await ctx.reply(ctx.t('support-created', { id: result.ticket.id }), {
    reply_markup: withdrawKeyboard(ctx.t, result.ticket.id),
  });
  await announceTicket(ctx.api, ctx.deps, result.ticket.id, 'new');
}

/** Customer side of the support desk: /support, the problem dialog, Withdraw and the rating. */
export function supportFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  deps.gateResumes.register('support', askProblem);
  const chat = feature.chatType('private');

  chat.command('support', requireSubscription('support'), askProblem);
  chat.on('message').filter(answersDialog(SUPPORT_DIALOG), receiveProblem);

  feature.callbackQuery(TICKET_CB.withdraw, async (ctx) => {
    const id = Number(ctx.match[1]);
    const { tickets } = ctx.deps.services;
    const result = await tickets.withdraw(id, ctx.user.id);
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: plain(ctx, 'support-withdraw-gone'), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t('support-withdrawn', { id }));
    const view = await tickets.view(id);
    if (!view) return;
    if (result.previousState === 'created') {
      await resolveNotifications(ctx.api, ctx.deps, view, 'tickets-withdrawn-note', {});
    } else if (view.agent) {
      const t = ctx.deps.translator.for(ctx.deps.translator.pick(view.agent.languageCode));
      await notify(ctx.api, ctx.deps, view.agent.telegramId, t('tickets-customer-withdrew', { id }));
    }
  });

  feature.callbackQuery(TICKET_CB.rate, async (ctx) => {
    const id = Number(ctx.match[1]);
    const rating = Number(ctx.match[2]);
    const result = await ctx.deps.services.tickets.rate(id, ctx.user.id, rating);
    if (!result.ok) {
      const key = result.reason === 'already_rated' ? 'support-rate-already' : 'support-rate-unavailable';
      await ctx.answerCallbackQuery({ text: plain(ctx, key), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery({ text: plain(ctx, 'support-rate-thanks') });
    await showInPlace(ctx, ctx.t('support-rated', { id, stars: '⭐'.repeat(rating) }));
  });

  return feature;
}
