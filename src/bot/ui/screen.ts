import { type Api, type InlineKeyboard, InputFile } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { Logger } from '../../logger.js';
import { isBadRequest, isMessageGone, isNotEditable, isNotModified } from '../../telegram/errors.js';
import { CAPTION_MAX } from '../../telegram/limits.js';
import type { BotContext } from '../context.js';

/**
 * The one way the bot draws a screen (a card, a menu, a list, a prompt).
 *
 * - A screen shown in answer to a button press replaces the message that carried the button:
 *   text → text and photo → photo are edits; a change between text and photo cannot be an edit in
 *   Telegram, so the old message is deleted and the new one sent — the chat never holds two live
 *   copies. When the old message cannot be deleted (older than 48 h) its keyboard is retired.
 * - "message is not modified" is success.
 * - "message to edit not found" (deleted meanwhile) falls back to sending the screen anew — unless
 *   the caller says `whenGone: 'skip'`: other people's notification copies, and a pressed message
 *   (it can only be gone because an earlier press replaced it); and when
 *   the message we were replacing is already gone, an earlier press has replaced it (a double tap)
 *   and nothing more is sent.
 * - A photo that Telegram refuses (a file of another bot, a deleted file) is shown as a text screen.
 */

/** Keep the message's photo and change only its caption (a ticket card on the customer's photo). */
export const KEEP_PHOTO: unique symbol = Symbol('keep photo');

export interface Screen {
  /** HTML text, or the caption of a photo screen. */
  text: string;
  keyboard?: InlineKeyboard | InlineKeyboardMarkup | undefined;
  /** A photo screen (file_id, URL or an upload such as a drawn chart), {@link KEEP_PHOTO}, or a text screen (default). */
  photo?: string | InputFile | typeof KEEP_PHOTO | null | undefined;
}

/** The photo a screen shows, when it is a photo screen with a new picture. */
const newPhotoOf = (screen: Screen): string | InputFile | undefined =>
  typeof screen.photo === 'string' || screen.photo instanceof InputFile ? screen.photo : undefined;

/** Where a screen goes: a message to replace, or (none) a new message in the chat. */
export interface ScreenTarget {
  chatId: number;
  messageId?: number | undefined;
  /** Whether the message being replaced is a photo (with a caption). */
  isPhoto?: boolean | undefined;
}

export type ShowResult = 'edited' | 'sent' | 'unchanged' | 'skipped';

export interface ShowOptions {
  /**
   * When the message to edit is gone: `'send'` (default) shows the screen anew; `'skip'` leaves it
   * (a copy of a notification that its reader deleted is not sent to them again).
   */
  whenGone?: 'send' | 'skip';
}

const EMPTY: InlineKeyboardMarkup = { inline_keyboard: [] };
const NO_PREVIEW = { is_disabled: true } as const;

const markupOf = (screen: Screen): InlineKeyboardMarkup | undefined => screen.keyboard ?? undefined;

async function send(api: Api, chatId: number, screen: Screen, log: Logger): Promise<Message> {
  const reply_markup = markupOf(screen);
  const photo = newPhotoOf(screen);
  if (photo !== undefined) {
    try {
      return await api.sendPhoto(chatId, photo, {
        caption: screen.text,
        parse_mode: 'HTML',
        reply_markup,
      });
    } catch (error) {
      if (!isBadRequest(error)) throw error;
      log.warn({ err: error }, 'photo could not be sent; showing the text screen');
    }
  }
  return api.sendMessage(chatId, screen.text, {
    parse_mode: 'HTML',
    reply_markup,
    link_preview_options: NO_PREVIEW,
  });
}

/** Edits `target` into `screen`; returns false when the kinds differ and the message must be replaced. */
async function edit(api: Api, target: Required<ScreenTarget>, screen: Screen): Promise<boolean> {
  const reply_markup = markupOf(screen) ?? EMPTY;
  const { chatId, messageId, isPhoto } = target;
  const photo = newPhotoOf(screen);
  if (isPhoto && photo !== undefined) {
    await api.editMessageMedia(
      chatId,
      messageId,
      { type: 'photo', media: photo, caption: screen.text, parse_mode: 'HTML' },
      { reply_markup },
    );
    return true;
  }
  if (isPhoto && screen.photo === KEEP_PHOTO && [...screen.text].length <= CAPTION_MAX) {
    await api.editMessageCaption(chatId, messageId, {
      caption: screen.text,
      parse_mode: 'HTML',
      reply_markup,
    });
    return true;
  }
  if (!isPhoto && photo === undefined) {
    await api.editMessageText(chatId, messageId, screen.text, {
      parse_mode: 'HTML',
      reply_markup,
      link_preview_options: NO_PREVIEW,
    });
    return true;
  }
  return false;
}

/**
 * Shows `screen` at `target` (see the module comment for the rules). Errors other than the
 * ones the rules name are the caller's.
 */
export async function showScreenAt(
  api: Api,
  target: ScreenTarget,
  screen: Screen,
  log: Logger,
  options: ShowOptions = {},
): Promise<ShowResult> {
  const { chatId, messageId } = target;
  if (messageId === undefined) {
    await send(api, chatId, screen, log);
    return 'sent';
  }
  const full = { chatId, messageId, isPhoto: target.isPhoto ?? false };
  try {
    if (await edit(api, full, screen)) return 'edited';
  } catch (error) {
    if (isNotModified(error)) return 'unchanged';
    if (isMessageGone(error)) {
      if (options.whenGone === 'skip') return 'skipped';
      await send(api, chatId, screen, log);
      return 'sent';
    }
    if (!isNotEditable(error)) throw error;
    log.debug({ err: error, chatId, messageId }, 'screen not editable in place; replacing it');
  }
  try {
    await api.deleteMessage(chatId, messageId);
  } catch (error) {
    if (isMessageGone(error)) return 'skipped';
    if (!isBadRequest(error)) throw error;
    await retireKeyboardAt(api, chatId, messageId, log);
  }
  await send(api, chatId, screen, log);
  return 'sent';
}

/** The message a pressed button belongs to, when the bot can still act on it. */
export function callbackTarget(ctx: BotContext): ScreenTarget | undefined {
  const message = ctx.callbackQuery?.message;
  const chatId = ctx.chat?.id;
  if (!message || chatId === undefined || message.date === 0) return undefined;
  return {
    chatId,
    messageId: message.message_id,
    isPhoto: 'photo' in message && message.photo !== undefined,
  };
}

/**
 * Shows a screen in answer to the current update: in place of the message whose button was
 * pressed, or as a new message for a command or a typed answer.
 */
export async function showScreen(ctx: BotContext, screen: Screen): Promise<ShowResult> {
  const pressed = callbackTarget(ctx);
  const target = pressed ?? { chatId: ctx.chat?.id ?? ctx.from?.id ?? 0 };
  // A pressed message that is gone was replaced by the bot (another press of the same card that
  // came first: ▶ and ◀ at once): its replacement is the live screen, so nothing more is sent.
  return showScreenAt(ctx.api, target, screen, ctx.log ?? ctx.deps.logger, {
    whenGone: pressed ? 'skip' : 'send',
  });
}

/** Sends a screen as a new message in the current chat (leaving the pressed message as it is). */
export async function sendScreen(ctx: BotContext, screen: Screen): Promise<Message> {
  return send(ctx.api, ctx.chat?.id ?? ctx.from?.id ?? 0, screen, ctx.log ?? ctx.deps.logger);
}

/**
 * Changes only the inline keyboard of a message, keeping its text (a relayed message whose buttons
 * follow its ticket, a confirm step); a message that is gone, unchanged or no longer editable is
 * left as it is.
 */
export async function showKeyboardAt(
  api: Api,
  chatId: number,
  messageId: number,
  keyboard: InlineKeyboard | InlineKeyboardMarkup,
  log: Logger,
): Promise<void> {
  try {
    await api.editMessageReplyMarkup(chatId, messageId, { reply_markup: keyboard });
  } catch (error) {
    if (isNotModified(error) || isMessageGone(error) || isNotEditable(error)) return;
    log.warn({ err: error, chatId, messageId }, 'could not change a keyboard');
  }
}

/**
 * Removes the inline keyboard of a message (an answered prompt, a handled notification); a message
 * that is gone, unchanged or no longer editable is left as it is.
 */
export async function retireKeyboardAt(
  api: Api,
  chatId: number,
  messageId: number,
  log: Logger,
): Promise<void> {
  await showKeyboardAt(api, chatId, messageId, EMPTY, log);
}

/** Retires the keyboard of the message whose button was just pressed. */
export async function retirePressedKeyboard(ctx: BotContext): Promise<void> {
  const target = callbackTarget(ctx);
  if (target?.messageId !== undefined)
    await retireKeyboardAt(ctx.api, target.chatId, target.messageId, ctx.log);
}
