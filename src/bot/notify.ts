import { type Api, GrammyError } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { BotDeps } from './context.js';

export interface NotifyOptions {
  reply_markup?: InlineKeyboardMarkup;
  photo?: string | null | undefined;
}

/**
 * Sends a message the user did not ask for (a notification). A user who blocked the bot is marked
 * and skipped instead of failing the handler that triggered the notification; other errors are
 * logged. Returns the sent message, or undefined when it could not be delivered.
 */
export async function notify(
  api: Api,
  deps: Pick<BotDeps, 'logger' | 'services'>,
  chatId: number,
  text: string,
  options: NotifyOptions = {},
): Promise<Message | undefined> {
  try {
    if (options.photo) {
      return await api.sendPhoto(chatId, options.photo, {
        caption: text,
        parse_mode: 'HTML',
        reply_markup: options.reply_markup,
      });
    }
    return await api.sendMessage(chatId, text, {
      parse_mode: 'HTML',
      reply_markup: options.reply_markup,
      link_preview_options: { is_disabled: true },
    });
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 403) {
      await deps.services.users.markBlocked(chatId);
      deps.logger.info({ chatId }, 'notification not delivered: the user blocked the bot');
      return undefined;
    }
    deps.logger.warn({ chatId, err: error }, 'notification not delivered');
    return undefined;
  }
}
