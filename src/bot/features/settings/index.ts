import { InlineKeyboard } from 'grammy';
import { withSubscriptionButton } from '../../../jobs/ad-message.js';
import { isNotModified } from '../../../telegram/errors.js';
import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext } from '../../context.js';
import { type Screen, showScreen } from '../../ui/screen.js';
import { resubscribeFromAd, setNews, unsubscribeFromAd } from './callback-data.js';

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

/** Under an ad: opts out or back in, and the pressed button turns into the opposite one. */
async function toggleFromAd(ctx: BotContext, subscribe: boolean): Promise<void> {
  await ctx.deps.services.users.setAdsOptOut(ctx.user.id, !subscribe);
  await ctx.answerCallbackQuery({
    text: ctx.t(subscribe ? 'bc-resubscribed' : 'bc-unsubscribed'),
    show_alert: !subscribe,
  });
  const label = ctx.t(subscribe ? 'bc-btn-unsubscribe' : 'bc-btn-resubscribe');
  const markup = withSubscriptionButton(ctx.callbackQuery?.message?.reply_markup, subscribe, label);
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: markup });
  } catch (error) {
    // Pressed twice: the keyboard already shows the new state.
    if (!isNotModified(error)) throw error;
  }
}

settingsFeature.callbackQuery(
  unsubscribeFromAd.filter,
  onCallback(unsubscribeFromAd, (ctx) => toggleFromAd(ctx, false)),
);

settingsFeature.callbackQuery(
  resubscribeFromAd.filter,
  onCallback(resubscribeFromAd, (ctx) => toggleFromAd(ctx, true)),
);
