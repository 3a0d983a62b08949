import type { MiddlewareFn } from 'grammy';
import type { Message, User } from 'grammy/types';
import type { BotContext } from '../context.js';

/** PostgreSQL refuses U+0000 in text and jsonb; U+FFFD keeps every UTF-16 offset (entities) in place. */
const NUL = String.fromCharCode(0);
const clean = (text: string | undefined): string | undefined => text?.replaceAll(NUL, '\uFFFD');

function cleanUser(user: User | undefined): void {
  if (!user) return;
  user.first_name = clean(user.first_name) ?? '';
  if (user.last_name !== undefined) user.last_name = clean(user.last_name);
  if (user.username !== undefined) user.username = clean(user.username);
}

function cleanMessage(message: Message | undefined): void {
  if (!message) return;
  if (message.text !== undefined) message.text = clean(message.text) as string;
  if (message.caption !== undefined) message.caption = clean(message.caption);
  cleanUser(message.from);
}

/**
 * Makes an update safe to store before any handler sees it: characters PostgreSQL refuses (U+0000)
 * in names, texts and captions become U+FFFD, so one such character cannot make every update of a
 * user fail on the users upsert or a session write. A button on an inline message (`inline_message_id`,
 * no `message`) belongs to no chat of the bot's: it gets a short answer and changes nothing; a
 * message the user sent through the bot's inline mode is the bot's own card and is not answered.
 */
export const intake: MiddlewareFn<BotContext> = async (ctx, next) => {
  cleanUser(ctx.from);
  cleanMessage(ctx.message);
  cleanMessage(ctx.editedMessage);
  const callback = ctx.callbackQuery;
  if (callback && !callback.message) {
    const { translator } = ctx.deps;
    const t = translator.for(translator.pick(callback.from.language_code));
    await ctx.answerCallbackQuery({ text: t('button-outdated'), show_alert: true });
    return;
  }
  // A service the user shared from inline mode into this chat: the card is already there, nothing to answer.
  if (ctx.message?.via_bot?.id === ctx.me.id) return;
  await next();
};
