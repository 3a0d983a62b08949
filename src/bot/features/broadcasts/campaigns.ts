import type { Composer } from 'grammy';
import { onCallback } from '../../callback-data.js';
import type { BotContext } from '../../context.js';
import {
  campaignData,
  campaignDefaultTextData,
  campaignDelayData,
  campaignsData,
  campaignTextData,
  toggleCampaignData,
  winbackDiscountData,
} from './callback-data.js';
import { ask } from './dialog.js';
import { showCampaign, showCampaigns } from './screens.js';

/** The automatic campaigns: list, detail, on/off, delay, win-back discount, text. */
export function registerCampaigns(admin: Composer<BotContext>): void {
  admin.callbackQuery(
    campaignsData.filter,
    onCallback(campaignsData, async (ctx) => {
      await ctx.answerCallbackQuery();
      await showCampaigns(ctx);
    }),
  );

  admin.callbackQuery(
    campaignData.filter,
    onCallback(campaignData, async (ctx, { campaign }) => {
      await ctx.answerCallbackQuery();
      await showCampaign(ctx, campaign);
    }),
  );

  admin.callbackQuery(
    toggleCampaignData.filter,
    onCallback(toggleCampaignData, async (ctx, { campaign }) => {
      const { campaigns } = ctx.deps.services;
      const s = await campaigns.setting(campaign);
      await campaigns.setEnabled(campaign, !s.enabled);
      await ctx.answerCallbackQuery({ text: ctx.t(s.enabled ? 'bc-camp-turned-off' : 'bc-camp-turned-on') });
      await showCampaign(ctx, campaign);
    }),
  );

  admin.callbackQuery(
    campaignDelayData.filter,
    onCallback(campaignDelayData, (ctx, { campaign }) =>
      ask(ctx, 'delay', { campaign }, ctx.t(`bc-ask-delay-${campaign === 'winback' ? 'days' : 'hours'}`)),
    ),
  );

  admin.callbackQuery(
    winbackDiscountData.filter,
    onCallback(winbackDiscountData, (ctx) =>
      ask(ctx, 'discount', { campaign: 'winback' }, ctx.t('bc-ask-discount')),
    ),
  );

  admin.callbackQuery(
    campaignTextData.filter,
    onCallback(campaignTextData, (ctx, { campaign }) =>
      ask(ctx, 'camp-text', { campaign }, ctx.t('bc-ask-camp-text')),
    ),
  );

  admin.callbackQuery(
    campaignDefaultTextData.filter,
    onCallback(campaignDefaultTextData, async (ctx, { campaign }) => {
      await ctx.deps.services.campaigns.setText(campaign, null);
      await ctx.answerCallbackQuery({ text: ctx.t('bc-camp-text-reset') });
      await showCampaign(ctx, campaign);
    }),
  );
}
