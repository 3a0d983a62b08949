import type { TicketState } from '../../../services/tickets/index.js';
import type { BotContext } from '../../context.js';
import { notify } from '../../notify.js';
import { refreshCopies } from '../tickets/copies.js';
import { resolveNotifications } from '../tickets/notifications.js';
import { translateFor } from '../tickets/their-language.js';

/**
 * The customer withdraws their open ticket `id` (the Withdraw button, or /cancel while waiting).
 * Returns the state it had, or undefined when it is no longer open (closed meanwhile, a second tap).
 */
export async function withdrawOwnTicket(ctx: BotContext, id: number): Promise<TicketState | undefined> {
  const result = await ctx.deps.services.tickets.withdraw(id, ctx.user.id);
  return result.ok ? result.previousState : undefined;
}

/**
 * Tells the staff that ticket `id` was withdrawn: the waiting "new ticket" notifications say so,
 * its holder is told, and every card and relayed copy of it in staff chats shows it closed (no
 * Take, Reply or Close: they would only answer "closed" now).
 */
export async function tellStaffOfWithdrawal(
  ctx: BotContext,
  id: number,
  previousState: TicketState,
): Promise<void> {
  const { tickets } = ctx.deps.services;
  const view = await tickets.view(id);
  if (!view) return;
  if (previousState === 'created') {
    await resolveNotifications(ctx.api, ctx.deps, view, 'tickets-withdrawn-note', {});
  } else if (view.agent) {
    const t = translateFor(ctx.deps, view.agent);
    await notify(ctx.api, ctx.deps, view.agent.telegramId, t('tickets-customer-withdrew', { id }));
  }
  await refreshCopies(ctx.api, ctx.deps, view);
}
