import type { Composer } from 'grammy';
import { onCallback } from '../../callback-data.js';
import type { BotContext } from '../../context.js';
import { channelToggleData } from './callback-data.js';
import { showAudiencePicker } from './screens.js';

/**
 * Whether the bot can post to the channel: it must be its administrator (creator, or an administrator
 * allowed to post). Asked of Telegram each time the option is switched on.
 */
async function canPost(ctx: BotContext, channel: string): Promise<boolean> {
  try {
    const member = await ctx.api.getChatMember(channel, ctx.me.id);
    if (member.status === 'creator') return true;
    return member.status === 'administrator' && member.can_post_messages !== false;
  } catch (error) {
    ctx.log.warn({ err: error, channel }, 'cannot check the bot in the channel');
    return false;
  }
}

export function registerChannel(admin: Composer<BotContext>): void {
  admin.callbackQuery(
    channelToggleData.filter,
    onCallback(channelToggleData, async (ctx, { draft, on }) => {
      const { broadcasts } = ctx.deps.services;
      const channel = ctx.deps.config.channel;
      const b = await broadcasts.get(draft);
      if (b?.state !== 'draft' || !channel) {
        await ctx.answerCallbackQuery({ text: ctx.t('bc-not-draft'), show_alert: true });
        return;
      }
      if (on === '1' && !(await canPost(ctx, channel.id))) {
        await ctx.answerCallbackQuery({
          text: ctx.t('bc-channel-not-admin', { channel: channel.id }),
          show_alert: true,
        });
        return;
      }
      const updated = await broadcasts.updateDraft(b.id, { channelChat: on === '1' ? channel.id : null });
      await ctx.answerCallbackQuery();
      if (updated) await showAudiencePicker(ctx, updated);
    }),
  );
}
