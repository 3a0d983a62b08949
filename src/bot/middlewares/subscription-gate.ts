import { InlineKeyboard, type MiddlewareFn } from 'grammy';
import { callbackData } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { sendScreen } from '../ui/screen.js';

/** "I've subscribed" under the gate's message (handled by the gate feature). */
export const checkSubscription = callbackData('gate:check', {});

function gateKeyboard(ctx: BotContext, channelUrl: string): InlineKeyboard {
  return new InlineKeyboard()
    .url(ctx.t('gate-btn-subscribe'), channelUrl)
    .row()
    .text(ctx.t('gate-btn-check'), checkSubscription.pack({}));
}

/**
 * Lets a customer through only when subscribed to the channel (seed item 1); staff and owners
 * bypass it; without CHANNEL_ID it is off. `name` is the resume entry point registered in
 * {@link GateResumes} for the command being gated.
 */
export function requireSubscription(name: string): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { gate, config } = ctx.deps;
    if (!gate || !config.channel || ctx.role !== 'customer') return next();
    if (await gate.isSubscribed(ctx.api, ctx.from!.id)) return next();
    ctx.session.gatePending = name;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    await sendScreen(ctx, { text: ctx.t('gate-required'), keyboard: gateKeyboard(ctx, config.channel.url) });
  };
}
