import { displayName } from '../../../services/users.js';
import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext, BotDeps } from '../../context.js';
import { requireSubscription } from '../../middlewares/subscription-gate.js';
import { alertOwners } from '../../owner-alerts.js';
import { KEEP_PHOTO, retirePressedKeyboard, showScreen } from '../../ui/screen.js';
import { alert, plain } from '../tickets/alerts.js';
import { rateTicket, withdrawTicket } from './callback-data.js';
import { askProblem, receiveProblem, supportDialog } from './problem-dialog.js';
import { tellStaffOfWithdrawal, withdrawOwnTicket } from './withdraw.js';

export { ticketWaitLock } from './wait-lock.js';

/** Customer side of the support desk: /support, the problem dialog, Withdraw and the rating. */
export function supportFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  deps.gateResumes.register('support', askProblem);
  const chat = feature.chatType('private');

  chat.command('support', requireSubscription('support'), askProblem);
  chat.on('message').filter(supportDialog.answers(), receiveProblem);

  feature.callbackQuery(
    withdrawTicket.filter,
    onCallback(withdrawTicket, async (ctx, { ticket: id }) => {
      const previousState = await withdrawOwnTicket(ctx, id);
      if (previousState === undefined) {
        // Closed already — most often by the first of a double tap: a brief word, no alarm.
        await ctx.answerCallbackQuery({ text: plain(ctx, 'support-withdraw-gone') });
        await retirePressedKeyboard(ctx);
        return;
      }
      await ctx.answerCallbackQuery();
      // The notice becomes the record of the withdrawal: a later notice must not replace it.
      ctx.session.waitingNotice = undefined;
      await showScreen(ctx, { text: ctx.t('support-withdrawn', { id }), photo: KEEP_PHOTO });
      await tellStaffOfWithdrawal(ctx, id, previousState);
    }),
  );

  feature.callbackQuery(
    rateTicket.filter,
    onCallback(rateTicket, async (ctx, { ticket: id, stars }) => {
      const result = await ctx.deps.services.tickets.rate(id, ctx.user.id, stars);
      if (!result.ok) {
        return alert(
          ctx,
          result.reason === 'already_rated' ? 'support-rate-already' : 'support-rate-unavailable',
        );
      }
      await ctx.answerCallbackQuery({ text: plain(ctx, 'support-rate-thanks') });
      await showScreen(ctx, {
        text: ctx.t('support-rated', { id, stars: '⭐'.repeat(stars) }),
        photo: KEEP_PHOTO,
      });
      if (stars <= 2) {
        const view = await ctx.deps.services.tickets.view(id);
        await alertOwners(ctx.api, ctx.deps, 'low_rating', 'alert-low-rating', {
          id,
          stars,
          customer: displayName(ctx.user),
          agent: view?.agent ? displayName(view.agent) : '—',
        });
      }
    }),
  );

  return feature;
}
