/**
 * Validation of structured parameters: reply markup, bot commands and their scopes, menu buttons and webhook
 * secrets. Every function throws a Telegram-worded {@link ApiError} on invalid input.
 */
import { badRequest, ERR } from './errors.js';
import type {
  BotCommand,
  BotCommandScope,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  KeyboardButton,
  MenuButton,
  ReplyMarkup,
} from './types.js';

const utf8 = new TextEncoder();

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Action fields of an inline keyboard button: exactly one must be present. */
const INLINE_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const;

/** `http(s)://…` or `tg://…` with something after the scheme. */
export function isValidButtonUrl(url: string): boolean {
  if (/^tg:\/\/\S+$/i.test(url)) return true;
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return u.hostname.length > 0 && !/\s/.test(url);
  } catch {
    return false;
  }
}

/** How inline keyboards are checked beyond the shape of each button. */
export interface MarkupOptions {
  /** Edits: only inline keyboards are accepted. */
  inlineOnly?: boolean;
  /** The bot has inline mode (switch_inline_query* buttons need it; default true). */
  inlineMode?: boolean;
  /** Invoices: the first button must be a `pay` button (default: `pay` buttons are refused). */
  payFirst?: boolean;
}

const SWITCH_CHOSEN_FLAGS = [
  'allow_user_chats',
  'allow_bot_chats',
  'allow_group_chats',
  'allow_channel_chats',
] as const;

function validateInlineButton(raw: unknown): InlineKeyboardButton {
  if (!isObject(raw)) throw badRequest(ERR.badMarkup);
  const text = raw.text;
  const actions = INLINE_ACTIONS.filter((k) => raw[k] !== undefined && raw[k] !== null);
  if (typeof text !== 'string' || text.length === 0 || actions.length !== 1) throw badRequest(ERR.buttonType);
  const action = actions[0];
  const button: InlineKeyboardButton = { text };
  switch (action) {
    case 'url': {
      const url = raw.url;
      if (typeof url !== 'string' || !isValidButtonUrl(url)) throw badRequest(ERR.buttonUrl);
      button.url = url;
      break;
    }
    case 'callback_data': {
      const data = raw.callback_data;
      if (typeof data !== 'string') throw badRequest(ERR.buttonData);
      const bytes = utf8.encode(data).length;
      if (bytes < 1 || bytes > 64) throw badRequest(ERR.buttonData);
      button.callback_data = data;
      break;
    }
    case 'web_app': {
      const wa = raw.web_app;
      if (!isObject(wa) || typeof wa.url !== 'string') throw badRequest(ERR.buttonType);
      if (!/^https:\/\//i.test(wa.url) || !isValidButtonUrl(wa.url)) throw badRequest(ERR.buttonUrl);
      button.web_app = { url: wa.url };
      break;
    }
    case 'login_url': {
      const lu = raw.login_url;
      if (!isObject(lu) || typeof lu.url !== 'string') throw badRequest(ERR.buttonType);
      if (!/^https?:\/\//i.test(lu.url) || !isValidButtonUrl(lu.url)) throw badRequest(ERR.buttonUrl);
      const login: NonNullable<InlineKeyboardButton['login_url']> = { url: lu.url };
      if (typeof lu.forward_text === 'string') login.forward_text = lu.forward_text;
      if (typeof lu.bot_username === 'string') login.bot_username = lu.bot_username;
      if (typeof lu.request_write_access === 'boolean') login.request_write_access = lu.request_write_access;
      button.login_url = login;
      break;
    }
    case 'switch_inline_query':
    case 'switch_inline_query_current_chat': {
      const q = raw[action];
      // the text inserted into the input field: at most an inline query's length (256)
      if (typeof q !== 'string' || q.length > 256) throw badRequest(ERR.buttonType);
      button[action] = q;
      break;
    }
    case 'switch_inline_query_chosen_chat': {
      const q = raw[action];
      if (!isObject(q)) throw badRequest(ERR.buttonType);
      const chosen: Record<string, unknown> = {};
      if (q.query !== undefined) {
        if (typeof q.query !== 'string' || q.query.length > 256) throw badRequest(ERR.buttonType);
        chosen.query = q.query;
      }
      for (const flag of SWITCH_CHOSEN_FLAGS) {
        if (q[flag] === undefined) continue;
        if (typeof q[flag] !== 'boolean') throw badRequest(ERR.buttonType);
        chosen[flag] = q[flag];
      }
      // at least one kind of chat must be allowed
      if (!SWITCH_CHOSEN_FLAGS.some((f) => chosen[f] === true)) throw badRequest(ERR.buttonType);
      button.switch_inline_query_chosen_chat = chosen;
      break;
    }
    case 'copy_text': {
      const ct = raw.copy_text;
      if (!isObject(ct) || typeof ct.text !== 'string' || ct.text.length < 1 || ct.text.length > 256) {
        throw badRequest(ERR.buttonType);
      }
      button.copy_text = { text: ct.text };
      break;
    }
    case 'callback_game': {
      if (!isObject(raw.callback_game)) throw badRequest(ERR.buttonType);
      button.callback_game = raw.callback_game;
      break;
    }
    case 'pay': {
      if (raw.pay !== true) throw badRequest(ERR.buttonType);
      button.pay = true;
      break;
    }
    default:
      throw badRequest(ERR.buttonType);
  }
  if (typeof raw.style === 'string') button.style = raw.style;
  if (typeof raw.icon_custom_emoji_id === 'string') button.icon_custom_emoji_id = raw.icon_custom_emoji_id;
  return button;
}

function validateInlineKeyboard(rows: unknown, options: MarkupOptions): InlineKeyboardMarkup {
  if (!Array.isArray(rows)) throw badRequest(ERR.badMarkup);
  const keyboard: InlineKeyboardButton[][] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) throw badRequest(ERR.badMarkup);
    const buttons = row.map(validateInlineButton);
    if (buttons.length > 0) keyboard.push(buttons);
  }
  const all = keyboard.flat();
  all.forEach((b, i) => {
    if (b.pay && !(options.payFirst && i === 0)) throw badRequest(ERR.buttonType);
    const switches =
      b.switch_inline_query !== undefined ||
      b.switch_inline_query_current_chat !== undefined ||
      b.switch_inline_query_chosen_chat !== undefined;
    if (switches && options.inlineMode === false) throw badRequest(ERR.buttonType);
  });
  if (options.payFirst && all.length > 0 && !all[0]?.pay) throw badRequest(ERR.buttonType);
  return { inline_keyboard: keyboard };
}

function validateKeyboardButton(raw: unknown): KeyboardButton {
  if (typeof raw === 'string') {
    if (raw.length === 0) throw badRequest(ERR.badMarkup);
    return { text: raw };
  }
  if (!isObject(raw) || typeof raw.text !== 'string' || raw.text.length === 0)
    throw badRequest(ERR.badMarkup);
  const button: KeyboardButton = { text: raw.text };
  const kinds = [
    'request_contact',
    'request_location',
    'request_poll',
    'request_users',
    'request_chat',
    'web_app',
  ];
  const present = kinds.filter((k) => raw[k] !== undefined && raw[k] !== null && raw[k] !== false);
  if (present.length > 1) throw badRequest(ERR.buttonType);
  if (raw.request_contact === true) button.request_contact = true;
  if (raw.request_location === true) button.request_location = true;
  if (isObject(raw.request_poll)) button.request_poll = raw.request_poll as { type?: string };
  if (isObject(raw.request_users)) button.request_users = raw.request_users;
  if (isObject(raw.request_chat)) button.request_chat = raw.request_chat;
  if (raw.web_app !== undefined) {
    const wa = raw.web_app;
    if (!isObject(wa) || typeof wa.url !== 'string' || !/^https:\/\//i.test(wa.url))
      throw badRequest(ERR.buttonUrl);
    button.web_app = { url: wa.url };
  }
  if (typeof raw.style === 'string') button.style = raw.style;
  if (typeof raw.icon_custom_emoji_id === 'string') button.icon_custom_emoji_id = raw.icon_custom_emoji_id;
  return button;
}

function optBoolField(raw: Record<string, unknown>, key: string): boolean | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  throw badRequest(ERR.badMarkup);
}

/**
 * Validates a `reply_markup` value (already JSON-decoded). With `inlineOnly` (edits) only inline keyboards are
 * accepted; see {@link MarkupOptions} for `pay` and switch_inline_query buttons. Returns a normalised copy, or `undefined` for an empty inline keyboard.
 */
export function parseReplyMarkup(raw: unknown, options: MarkupOptions = {}): ReplyMarkup | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) throw badRequest(ERR.badMarkup);
  if (raw.inline_keyboard !== undefined) {
    const markup = validateInlineKeyboard(raw.inline_keyboard, options);
    return markup.inline_keyboard.length > 0 ? markup : undefined;
  }
  if (options.inlineOnly) throw badRequest(ERR.badMarkup);
  if (raw.keyboard !== undefined) {
    if (!Array.isArray(raw.keyboard)) throw badRequest(ERR.badMarkup);
    const keyboard: KeyboardButton[][] = [];
    for (const row of raw.keyboard) {
      if (!Array.isArray(row)) throw badRequest(ERR.badMarkup);
      const buttons = row.map(validateKeyboardButton);
      if (buttons.length > 0) keyboard.push(buttons);
    }
    if (keyboard.length === 0) throw badRequest(ERR.badMarkup);
    const markup: ReplyMarkup = { keyboard };
    for (const key of ['is_persistent', 'resize_keyboard', 'one_time_keyboard', 'selective'] as const) {
      const v = optBoolField(raw, key);
      if (v !== undefined) markup[key] = v;
    }
    if (typeof raw.input_field_placeholder === 'string') {
      if (raw.input_field_placeholder.length > 64) throw badRequest(ERR.badMarkup);
      markup.input_field_placeholder = raw.input_field_placeholder;
    }
    return markup;
  }
  if (raw.remove_keyboard !== undefined) {
    if (raw.remove_keyboard !== true) throw badRequest(ERR.badMarkup);
    const selective = optBoolField(raw, 'selective');
    return selective === undefined ? { remove_keyboard: true } : { remove_keyboard: true, selective };
  }
  if (raw.force_reply !== undefined) {
    if (raw.force_reply !== true) throw badRequest(ERR.badMarkup);
    const markup: ReplyMarkup = { force_reply: true };
    const selective = optBoolField(raw, 'selective');
    if (selective !== undefined) markup.selective = selective;
    if (typeof raw.input_field_placeholder === 'string')
      markup.input_field_placeholder = raw.input_field_placeholder;
    return markup;
  }
  throw badRequest(ERR.badMarkup);
}

/** Whether a markup is an inline keyboard. */
export function isInlineKeyboard(markup: ReplyMarkup | undefined): markup is InlineKeyboardMarkup {
  return markup !== undefined && 'inline_keyboard' in markup;
}

// ---------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------

const COMMAND_RE = /^[a-z0-9_]{1,32}$/;

/** Validates the `commands` parameter of setMyCommands. */
export function parseCommands(raw: unknown): BotCommand[] {
  if (!Array.isArray(raw)) throw badRequest("can't parse commands JSON object");
  if (raw.length > 100) throw badRequest(ERR.commandsTooMuch);
  const commands: BotCommand[] = [];
  for (const item of raw) {
    if (!isObject(item)) throw badRequest("can't parse BotCommand JSON object");
    const { command, description } = item;
    if (typeof command !== 'string' || !COMMAND_RE.test(command)) throw badRequest(ERR.commandInvalid);
    if (typeof description !== 'string' || description.length < 1 || description.length > 256) {
      throw badRequest(ERR.commandDescriptionInvalid);
    }
    commands.push({ command, description });
  }
  return commands;
}

/** Validates a `scope` (BotCommandScope); absent → default. Chat ids are kept as given (resolved later). */
export function parseScope(raw: unknown): BotCommandScope {
  if (raw === undefined) return { type: 'default' };
  if (!isObject(raw) || typeof raw.type !== 'string')
    throw badRequest("can't parse BotCommandScope JSON object");
  const chatId = (): number | string => {
    const c = raw.chat_id;
    if (typeof c === 'number' && Number.isSafeInteger(c)) return c;
    if (typeof c === 'string' && c.length > 0) return /^-?\d+$/.test(c) ? Number(c) : c;
    throw badRequest(ERR.chatIdEmpty);
  };
  switch (raw.type) {
    case 'default':
    case 'all_private_chats':
    case 'all_group_chats':
    case 'all_chat_administrators':
      return { type: raw.type };
    case 'chat':
    case 'chat_administrators':
      return { type: raw.type, chat_id: chatId() };
    case 'chat_member': {
      const id = chatId();
      const u = typeof raw.user_id === 'string' ? Number(raw.user_id) : raw.user_id;
      if (typeof u !== 'number' || !Number.isSafeInteger(u) || u <= 0) throw badRequest(ERR.invalidUserId);
      return { type: 'chat_member', chat_id: id, user_id: u };
    }
    default:
      throw badRequest('wrong BotCommandScope type specified');
  }
}

/** `language_code`: empty, or a two-letter ISO 639-1 code. */
export function parseLanguageCode(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '';
  if (!/^[a-z]{2}$/.test(raw)) throw badRequest('invalid language code specified');
  return raw;
}

// ---------------------------------------------------------------------------------------------------------
// Menu button, webhook
// ---------------------------------------------------------------------------------------------------------

/** Validates a `menu_button`. */
export function parseMenuButton(raw: unknown): MenuButton {
  if (raw === undefined) return { type: 'default' };
  if (!isObject(raw)) throw badRequest("can't parse menu button JSON object");
  switch (raw.type) {
    case 'default':
      return { type: 'default' };
    case 'commands':
      return { type: 'commands' };
    case 'web_app': {
      const wa = raw.web_app;
      if (typeof raw.text !== 'string' || raw.text.length === 0)
        throw badRequest('menu button text is empty');
      if (!isObject(wa) || typeof wa.url !== 'string' || !/^https:\/\//i.test(wa.url)) {
        throw badRequest('BUTTON_URL_INVALID');
      }
      return { type: 'web_app', text: raw.text, web_app: { url: wa.url } };
    }
    default:
      throw badRequest('unsupported menu button type');
  }
}

/** Webhook `secret_token`: 1–256 characters of A-Z a-z 0-9 _ -. */
export function isValidSecretToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{1,256}$/.test(token);
}
