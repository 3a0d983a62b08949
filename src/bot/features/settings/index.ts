import { Composer, InlineKeyboard } from 'grammy';
import { onCallback } from '../../callback-data.js';
import type { BotContext } from '../../context.js';
import { type Screen, showScreen } from '../../ui/screen.js';
import { setNews, unsubscribeFromAd } from './callback-data.js';

/**
 * /settings: news and offers on or off, and the "Unsubscribe from news" button under every ad.
 * Opting out only stops advertising: order and ticket messages still arrive.
 */
export const settingsFeature = new Composer<BotContext>();

function settingsScreen(ctx: BotContext, optedOut: boolean): Screen {
  return {
    text: ctx.t(optedOut ? 'settings-ads-off' : 'settings-ads-on'),
    keyboard: new InlineKeyboard().text(
      ctx.t(optedOut ? 'settings-btn-ads-on' : 'settings-btn-ads-off'),
      setNews.pack({ to: optedOut ? 'on' : 'off' }),
    ),
  };
}

settingsFeature
  .chatType('private')
  .command('settings', (ctx) => showScreen(ctx, settingsScreen(ctx, ctx.user.adsOptOut)));

settingsFeature.callbackQuery(
  setNews.filter,
  onCallback(setNews, async (ctx, { to }) => {
    const optOut = to === 'off';
    await ctx.deps.services.users.setAdsOptOut(ctx.user.id, optOut);
    await ctx.answerCallbackQuery({
      text: ctx.t(optOut ? 'settings-unsubscribed' : 'settings-subscribed'),
    });
    await showScreen(ctx, settingsScreen(ctx, optOut));
  }),
);

settingsFeature.callbackQuery(
  unsubscribeFromAd.filter,
  onCallback(unsubscribeFromAd, async (ctx) => {
    await ctx.deps.services.users.setAdsOptOut(ctx.user.id, true);
    await ctx.answerCallbackQuery({ text: ctx.t('settings-unsubscribed'), show_alert: true });
  }),
);
