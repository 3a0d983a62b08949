import { Composer, InlineKeyboard } from 'grammy';
import { UNSUBSCRIBE_DATA } from '../../jobs/ad-message.js';
import type { BotContext } from '../context.js';

/**
 * /settings: news and offers on or off, and the "Unsubscribe from news" button under every ad.
 * Opting out only stops advertising: order and ticket messages still arrive.
 */
export const settingsFeature = new Composer<BotContext>();

function settingsScreen(ctx: BotContext, optedOut: boolean) {
  return {
    text: ctx.t(optedOut ? 'settings-ads-off' : 'settings-ads-on'),
    keyboard: new InlineKeyboard().text(
      ctx.t(optedOut ? 'settings-btn-ads-on' : 'settings-btn-ads-off'),
      optedOut ? 'nws:set:on' : 'nws:set:off',
    ),
  };
}

settingsFeature.chatType('private').command('settings', async (ctx) => {
  const { text, keyboard } = settingsScreen(ctx, ctx.user.adsOptOut);
  await ctx.reply(text, { reply_markup: keyboard });
});

settingsFeature.callbackQuery(/^nws:set:(on|off)$/, async (ctx) => {
  const optOut = ctx.match[1] === 'off';
  await ctx.deps.services.users.setAdsOptOut(ctx.user.id, optOut);
  await ctx.answerCallbackQuery({ text: ctx.t(optOut ? 'settings-unsubscribed' : 'settings-subscribed') });
  const { text, keyboard } = settingsScreen(ctx, optOut);
  await ctx.editMessageText(text, { reply_markup: keyboard }).catch(() => undefined);
});

settingsFeature.callbackQuery(UNSUBSCRIBE_DATA, async (ctx) => {
  await ctx.deps.services.users.setAdsOptOut(ctx.user.id, true);
  await ctx.answerCallbackQuery({ text: ctx.t('settings-unsubscribed'), show_alert: true });
});
