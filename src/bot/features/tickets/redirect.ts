import { isAdminRole } from '../../../services/staff.js';
import { displayName } from '../../../services/users.js';
import type { BotContext } from '../../context.js';
import { callbackTarget, KEEP_PHOTO, showScreen } from '../../ui/screen.js';
import { alert, plain } from './alerts.js';
import { refreshCopies } from './copies.js';
import { redirectKeyboard } from './keyboards.js';
import { resolveNotifications, sendCard, tellAgent, tellCustomer } from './notifications.js';
import { sendTranscript } from './relay.js';
import { actorOf, showCard } from './screens.js';

/** "Redirect" / "Assign": the agents the ticket can be handed to, in place of the card. */
export async function showRedirectTargets(ctx: BotContext, id: number): Promise<void> {
  const { tickets } = ctx.deps.services;
  const ticket = await tickets.byId(id);
  if (!ticket) return alert(ctx, 'tickets-gone');
  if (ticket.state === 'closed') return alert(ctx, 'tickets-already-closed', { id });
  const admin = isAdminRole(ctx.role);
  if (!admin && (ticket.state !== 'in_work' || ticket.supportUserId !== ctx.user.id)) return alert(ctx);
  const targets = await tickets.redirectTargets(ticket.supportUserId);
  if (targets.length === 0) return alert(ctx, 'tickets-redirect-none');
  await ctx.answerCallbackQuery();
  const keyboard = redirectKeyboard(
    ctx.t,
    id,
    targets.map((u) => ({ id: u.id, name: displayName(u) })),
  );
  await showScreen(ctx, { text: ctx.t('tickets-redirect-pick', { id }), keyboard, photo: KEEP_PHOTO });
}

/**
 * Hands the ticket to the chosen agent: they get the card and the transcript, the customer and the
 * previous agent are told, and an unassigned ticket's notifications say who has it now.
 */
export async function redirectTo(ctx: BotContext, id: number, targetUserId: number): Promise<void> {
  const { tickets, users } = ctx.deps.services;
  const before = await tickets.view(id);
  const result = await tickets.redirect(id, actorOf(ctx), targetUserId);
  if (!result.ok) {
    if (result.reason === 'closed') return alert(ctx, 'tickets-already-closed', { id });
    if (result.reason === 'bad_target') return alert(ctx, 'tickets-redirect-bad');
    if (result.reason === 'same_agent') return alert(ctx, 'tickets-redirect-same');
    return alert(ctx, result.reason === 'not_found' ? 'tickets-gone' : 'not-allowed');
  }
  const view = await tickets.view(id);
  const target = await users.byId(targetUserId);
  if (!view || !target) {
    await ctx.answerCallbackQuery();
    return;
  }
  await ctx.answerCallbackQuery({
    text: plain(ctx, 'tickets-redirect-ok', { id, agent: displayName(target) }),
  });
  const pressed = callbackTarget(ctx);
  await showCard(ctx, view);
  // The previous holder's cards and relayed messages lose Reply / Close before the new holder's card arrives.
  await refreshCopies(
    ctx.api,
    ctx.deps,
    view,
    pressed?.messageId === undefined ? undefined : { chatId: pressed.chatId, messageId: pressed.messageId },
  );
  const targetRole = await ctx.deps.services.staff.roleOf(target.telegramId);
  await tellAgent(ctx.api, ctx.deps, target, 'tickets-redirected-to-you', {
    id,
    actor: displayName(ctx.user),
  });
  await sendCard(ctx.api, ctx.deps, target, view, targetRole);
  await sendTranscript(ctx.api, ctx.deps, target, id);
  await tellCustomer(ctx.api, ctx.deps, view.customer, 'support-redirected', {
    id,
    agent: target.firstName,
  });
  if (before?.ticket.state === 'created') {
    await resolveNotifications(ctx.api, ctx.deps, view, 'tickets-taken-by', { agent: displayName(target) });
  }
  if (before?.agent && before.agent.id !== ctx.user.id) {
    await tellAgent(ctx.api, ctx.deps, before.agent, 'tickets-redirected-away', {
      id,
      agent: displayName(target),
      actor: displayName(ctx.user),
    });
  }
}
