import type { InlineKeyboard } from 'grammy';
import type { Broadcast } from '../../../services/broadcasts/index.js';
import type { BotContext } from '../../context.js';
import { channelToggleData } from './callback-data.js';

/** The toggle's row under the audience picker, when a channel is configured. */
export function addChannelToggle(ctx: BotContext, keyboard: InlineKeyboard, b: Broadcast): InlineKeyboard {
  if (!ctx.deps.config.channel) return keyboard;
  const on = b.channelChat !== null;
  return keyboard
    .text(
      ctx.t(on ? 'bc-channel-on' : 'bc-channel-off'),
      channelToggleData.pack({ draft: b.id, on: on ? '0' : '1' }),
    )
    .row();
}

/** A line for the confirm screen saying the channel gets the post too ('' when it does not). */
export const channelNote = (ctx: BotContext, b: Broadcast): string =>
  b.channelChat ? `\n${ctx.t('bc-channel-note', { channel: b.channelChat })}` : '';
