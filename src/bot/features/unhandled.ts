import { Composer } from '../composer.js';
import type { BotContext } from '../context.js';

/** Last in the chain: anything no feature took. */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.callbackQuery('noop', (ctx) => ctx.answerCallbackQuery());

unhandledFeature.on('callback_query', async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
});

unhandledFeature.chatType('private').on('message', async (ctx) => {
  await ctx.reply(ctx.t('unknown-input'));
});
