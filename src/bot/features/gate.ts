import { onCallback } from '../callback-data.js';
import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';
import { checkSubscription } from '../middlewares/subscription-gate.js';
import { showScreen } from '../ui/screen.js';

/**
 * The "I've subscribed" button: re-checks (never from cache when negative) and resumes the command,
 * or re-opens the deep link the user came with.
 */
export const gateFeature = new Composer<BotContext>();

/**
 * `chat_member` updates of the gate's channel (Telegram sends them to an administrator of the channel
 * that asked for them in allowed_updates): whoever joined or left is checked afresh on their next
 * command instead of being let in from the cache for minutes. Runs before the users middleware, which
 * handles people in private chats only; other chats' member updates are dropped here.
 */
export const channelMembership = new Composer<BotContext>();

channelMembership.on('chat_member', (ctx) => {
  const { gate } = ctx.deps;
  const update = ctx.chatMember;
  if (gate?.isGateChannel(update.chat)) gate.forget(update.new_chat_member.user.id);
});

gateFeature.callbackQuery(
  checkSubscription.filter,
  onCallback(checkSubscription, async (ctx) => {
    const { gate } = ctx.deps;
    const userId = ctx.from?.id ?? 0;
    if (gate && ctx.role === 'customer' && !(await gate.isSubscribed(ctx.api, userId))) {
      await ctx.answerCallbackQuery({ text: ctx.t('gate-still-not-subscribed'), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t('gate-thanks') });
    await showScreen(ctx, { text: ctx.t('gate-confirmed') });
    const pending = ctx.session.gatePending;
    ctx.session.gatePending = undefined;
    if (!pending) return;
    const resume = ctx.deps.gateResumes.get(pending);
    // A gated deep link (`p_<id>`) is pending as its payload: open what the link pointed to.
    if (resume) await resume(ctx);
    else await ctx.deps.deepLinks.dispatch(ctx, pending);
  }),
);
