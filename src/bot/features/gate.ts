import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { GATE_CHECK } from '../middlewares/subscription-gate.js';

/**
 * The "I've subscribed" button: re-checks (never from cache when negative) and resumes the command,
 * or re-opens the deep link the user came with.
 */
export const gateFeature = new Composer<BotContext>();

gateFeature.callbackQuery(GATE_CHECK, async (ctx) => {
  const { gate } = ctx.deps;
  if (gate && ctx.role === 'customer' && !(await gate.isSubscribed(ctx.api, ctx.from.id))) {
    await ctx.answerCallbackQuery({ text: ctx.t('gate-still-not-subscribed'), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('gate-thanks') });
  await ctx.editMessageText(ctx.t('gate-confirmed'));
  const pending = ctx.session.gatePending;
  ctx.session.gatePending = undefined;
  if (!pending) return;
  const resume = ctx.deps.gateResumes.get(pending);
  // A gated deep link (`p_<id>`) is pending as its payload: open what the link pointed to.
  if (resume) await resume(ctx);
  else await ctx.deps.deepLinks.dispatch(ctx, pending);
});
