import { isStaffRole } from '../../../services/staff.js';
import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext, BotDeps } from '../../context.js';
import { sendScreen } from '../../ui/screen.js';
import { ask, close, keep, reopen, take } from './actions.js';
import { agentMessage, startReply } from './agent-reply.js';
import { alert, plain } from './alerts.js';
import {
  closeTicket,
  closeTicketYes,
  keepTicket,
  pickRedirect,
  redirectTicket,
  reopenTicket,
  reopenTicketYes,
  replyToTicket,
  staffDeskButtons,
  takeTicket,
  ticketCard,
  ticketList,
  ticketTranscript,
  toggleNotifications,
} from './callback-data.js';
import { redirectTo, showRedirectTargets } from './redirect.js';
import { sendTranscript } from './relay.js';
import { showCard, showList } from './screens.js';

/** For the support feature: a withdrawn ticket's staff copies show it closed. */
export { refreshCopies } from './copies.js';
/** For the admin panel: removing an agent returns their tickets to the pool. */
/** For moderation: a banned customer's open ticket is closed with a note. */
export { closeTicketOfBanned, returnTicketsToPool } from './notifications.js';

/** /tickets for staff: the Open / In work / Closed lists, ticket cards and every agent action. */
export function ticketsFeature(_deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType('private');

  chat.command('tickets', async (ctx) => {
    if (!isStaffRole(ctx.role)) {
      await sendScreen(ctx, { text: ctx.t('tickets-staff-only') });
      return;
    }
    await showList(ctx, 'open', 0);
  });

  // Every staff button of the desk is refused for non-staff before any handler runs.
  feature.callbackQuery([...staffDeskButtons], async (ctx, next) => {
    if (isStaffRole(ctx.role)) return next();
    ctx.log.warn({ data: ctx.callbackQuery.data, role: ctx.role }, 'ticket callback refused');
    await alert(ctx);
  });

  feature.callbackQuery(
    ticketList.filter,
    onCallback(ticketList, async (ctx, { tab, page }) => {
      await ctx.answerCallbackQuery();
      await showList(ctx, tab, page);
    }),
  );

  feature.callbackQuery(
    toggleNotifications.filter,
    onCallback(toggleNotifications, async (ctx, { tab, page }) => {
      const { tickets } = ctx.deps.services;
      const telegramId = ctx.from!.id;
      const enabled = !(await tickets.notificationsEnabled(telegramId, ctx.role));
      await tickets.setNotifications(telegramId, ctx.role, enabled);
      await ctx.answerCallbackQuery({
        text: plain(ctx, enabled ? 'tickets-notifications-on' : 'tickets-notifications-off'),
      });
      await showList(ctx, tab, page);
    }),
  );

  feature.callbackQuery(
    ticketCard.filter,
    onCallback(ticketCard, async (ctx, { ticket }) => {
      const view = await ctx.deps.services.tickets.view(ticket);
      if (!view) return alert(ctx, 'tickets-gone');
      await ctx.answerCallbackQuery();
      await showCard(ctx, view);
    }),
  );

  feature.callbackQuery(
    takeTicket.filter,
    onCallback(takeTicket, (ctx, { ticket }) => take(ctx, ticket)),
  );
  feature.callbackQuery(
    replyToTicket.filter,
    onCallback(replyToTicket, (ctx, { ticket }) => startReply(ctx, ticket)),
  );
  feature.callbackQuery(
    closeTicket.filter,
    onCallback(closeTicket, (ctx, { ticket }) => ask(ctx, ticket, 'close')),
  );
  feature.callbackQuery(
    closeTicketYes.filter,
    onCallback(closeTicketYes, (ctx, { ticket }) => close(ctx, ticket)),
  );
  feature.callbackQuery(
    reopenTicket.filter,
    onCallback(reopenTicket, (ctx, { ticket }) => ask(ctx, ticket, 'reopen')),
  );
  feature.callbackQuery(
    reopenTicketYes.filter,
    onCallback(reopenTicketYes, (ctx, { ticket }) => reopen(ctx, ticket)),
  );
  feature.callbackQuery(
    keepTicket.filter,
    onCallback(keepTicket, (ctx, { ticket }) => keep(ctx, ticket)),
  );
  feature.callbackQuery(
    pickRedirect.filter,
    onCallback(pickRedirect, (ctx, { ticket }) => showRedirectTargets(ctx, ticket)),
  );
  feature.callbackQuery(
    redirectTicket.filter,
    onCallback(redirectTicket, (ctx, { ticket, agent }) => redirectTo(ctx, ticket, agent)),
  );

  feature.callbackQuery(
    ticketTranscript.filter,
    onCallback(ticketTranscript, async (ctx, { ticket }) => {
      if (!(await ctx.deps.services.tickets.byId(ticket))) return alert(ctx, 'tickets-gone');
      await ctx.answerCallbackQuery();
      await sendTranscript(ctx.api, ctx.deps, ctx.user, ticket);
    }),
  );

  chat.on('message', agentMessage);

  return feature;
}
