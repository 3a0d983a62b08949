/**
 * Inline mode: validation of `answerInlineQuery` (results, button, offsets) with Telegram's error texts, and the
 * message a user sends when choosing a result. Result types modelled: `article`, `photo` (by URL) and the cached
 * `photo` (`photo_file_id` of a photo stored in the emulator); other types answer RESULT_TYPE_INVALID.
 */
import { badRequest } from './errors.js';
import { optBool, optInt, optJson, optString, type Params } from './params.js';
import type {
  InlineKeyboardMarkup,
  InlineQueryAnswer,
  InlineQueryResult,
  MessageEntity,
  PhotoSize,
} from './types.js';
import { isValidButtonUrl, parseReplyMarkup } from './validate.js';

const utf8 = new TextEncoder();

/** A parsed text or caption (see `BotApi.formatText`). */
export interface FormattedResult {
  text: string;
  entities: MessageEntity[];
  html: string | undefined;
  parseMode: string | undefined;
}

/** What the inline parser needs from the Bot API layer. */
export interface InlineParseContext {
  /** Parses a text/caption with its parse mode or entities (throws Telegram's errors). */
  formatText(
    source: string | undefined,
    parseMode: string | undefined,
    entities: unknown,
    kind: 'text' | 'caption',
  ): FormattedResult | undefined;
  /** The sizes of a stored photo by file_id (throws for an unknown id or a file that is not a photo). */
  storedPhoto(fileId: string): PhotoSize[];
}

/** What the user's message contains when they choose a result. */
export type ChosenContent =
  | { kind: 'text'; text: FormattedResult; markup: InlineKeyboardMarkup | undefined }
  | {
      kind: 'photo';
      /** A stored photo (cached result) or a URL (stored when the result is chosen). */
      photo: { sizes: PhotoSize[] } | { url: string };
      caption: FormattedResult | undefined;
      markup: InlineKeyboardMarkup | undefined;
    };

/** A validated answerInlineQuery. */
export interface ParsedInlineAnswer {
  answer: Omit<InlineQueryAnswer, 'inlineQueryId'>;
  /** What choosing each result sends, by result id. */
  contents: Map<string, ChosenContent>;
}

export const INLINE_ERR = {
  resultsTooMuch: 'RESULTS_TOO_MUCH',
  resultIdInvalid: 'RESULT_ID_INVALID',
  resultIdDuplicate: 'RESULT_ID_DUPLICATE',
  resultTypeInvalid: 'RESULT_TYPE_INVALID',
  titleEmpty: 'ARTICLE_TITLE_EMPTY',
  messageEmpty: 'MESSAGE_EMPTY',
  photoUrlEmpty: 'PHOTO_CONTENT_URL_EMPTY',
  thumbUrlEmpty: 'PHOTO_THUMB_URL_EMPTY',
  urlInvalid: 'WEBDOCUMENT_URL_INVALID',
  startParamInvalid: 'START_PARAM_INVALID',
  nextOffsetInvalid: 'NEXT_OFFSET_INVALID',
  results: "can't parse inline query results JSON object",
  button: "can't parse InlineQueryResultsButton JSON object",
} as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optUrl(r: Params, name: string): string | undefined {
  const url = optString(r, name);
  if (url === undefined || url === '') return undefined;
  if (!/^https?:\/\//i.test(url) || !isValidButtonUrl(url)) throw badRequest(INLINE_ERR.urlInvalid);
  return url;
}

function optPositive(r: Params, name: string): number | undefined {
  const n = optInt(r, name);
  if (n !== undefined && n < 0) throw badRequest(`field "${name}" must be non-negative`);
  return n;
}

function resultMarkup(r: Params): InlineKeyboardMarkup | undefined {
  const raw = optJson(r, 'reply_markup', "can't parse reply keyboard markup JSON object");
  if (raw === undefined) return undefined;
  const markup = parseReplyMarkup(raw, { inlineOnly: true });
  return markup && 'inline_keyboard' in markup ? markup : undefined;
}

/** `input_message_content`: only InputTextMessageContent is modelled. */
function textContent(raw: unknown, ctx: InlineParseContext): FormattedResult {
  if (!isObject(raw)) throw badRequest("can't parse InputMessageContent JSON object");
  if (raw.message_text === undefined) {
    throw badRequest(
      'unsupported input_message_content: the emulator models InputTextMessageContent (message_text) only',
    );
  }
  const c = raw as Params;
  const source = optString(c, 'message_text');
  if (source === undefined || source === '') throw badRequest(INLINE_ERR.messageEmpty);
  // formatText raises "message text is empty" / "message is too long" like sendMessage
  const text = ctx.formatText(
    source,
    optString(c, 'parse_mode'),
    optJson(c, 'entities', "can't parse entities JSON object"),
    'text',
  );
  if (!text) throw badRequest(INLINE_ERR.messageEmpty);
  return text;
}

function parseResult(raw: unknown, ctx: InlineParseContext): { id: string; content: ChosenContent } {
  if (!isObject(raw)) throw badRequest(INLINE_ERR.results);
  const r = raw as Params;
  const type = optString(r, 'type');
  const idRaw = r.id;
  const id = typeof idRaw === 'number' ? String(idRaw) : idRaw;
  if (typeof id !== 'string') throw badRequest(INLINE_ERR.resultIdInvalid);
  const bytes = utf8.encode(id).length;
  if (bytes < 1 || bytes > 64) throw badRequest(INLINE_ERR.resultIdInvalid);
  const markup = resultMarkup(r);
  const imc = r.input_message_content;
  switch (type) {
    case 'article': {
      const title = optString(r, 'title');
      if (title === undefined || title.trim() === '') throw badRequest(INLINE_ERR.titleEmpty);
      if (imc === undefined || imc === null) throw badRequest(INLINE_ERR.messageEmpty);
      optUrl(r, 'url');
      optUrl(r, 'thumbnail_url');
      optPositive(r, 'thumbnail_width');
      optPositive(r, 'thumbnail_height');
      optString(r, 'description');
      optBool(r, 'hide_url');
      return { id, content: { kind: 'text', text: textContent(imc, ctx), markup } };
    }
    case 'photo': {
      optString(r, 'title');
      optString(r, 'description');
      optBool(r, 'show_caption_above_media');
      const caption = ctx.formatText(
        optString(r, 'caption'),
        optString(r, 'parse_mode'),
        optJson(r, 'caption_entities', "can't parse entities JSON object"),
        'caption',
      );
      let photo: { sizes: PhotoSize[] } | { url: string };
      const fileId = optString(r, 'photo_file_id');
      if (fileId !== undefined && fileId !== '') {
        // InlineQueryResultCachedPhoto
        photo = { sizes: ctx.storedPhoto(fileId) };
      } else {
        const url = optUrl(r, 'photo_url');
        if (url === undefined) throw badRequest(INLINE_ERR.photoUrlEmpty);
        if (optUrl(r, 'thumbnail_url') === undefined) throw badRequest(INLINE_ERR.thumbUrlEmpty);
        optPositive(r, 'photo_width');
        optPositive(r, 'photo_height');
        photo = { url };
      }
      if (imc !== undefined && imc !== null) {
        return { id, content: { kind: 'text', text: textContent(imc, ctx), markup } };
      }
      return { id, content: { kind: 'photo', photo, caption, markup } };
    }
    default:
      throw badRequest(INLINE_ERR.resultTypeInvalid);
  }
}

function parseButton(raw: unknown): InlineQueryAnswer['button'] {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) throw badRequest(INLINE_ERR.button);
  const text = raw.text;
  if (typeof text !== 'string' || text.length === 0) throw badRequest('BUTTON_TEXT_INVALID');
  const hasStart = raw.start_parameter !== undefined && raw.start_parameter !== null;
  const hasWebApp = raw.web_app !== undefined && raw.web_app !== null;
  if (hasStart === hasWebApp) throw badRequest('BUTTON_TYPE_INVALID');
  if (hasStart) {
    const start = raw.start_parameter;
    if (typeof start !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(start)) {
      throw badRequest(INLINE_ERR.startParamInvalid);
    }
    return { text, start_parameter: start };
  }
  const wa = raw.web_app;
  if (
    !isObject(wa) ||
    typeof wa.url !== 'string' ||
    !/^https:\/\//i.test(wa.url) ||
    !isValidButtonUrl(wa.url)
  ) {
    throw badRequest('BUTTON_URL_INVALID');
  }
  return { text, web_app: { url: wa.url } };
}

/** Validates the parameters of answerInlineQuery (except the query id, checked by the caller). */
export function parseInlineAnswer(p: Params, ctx: InlineParseContext): ParsedInlineAnswer {
  const raw = optJson(p, 'results', INLINE_ERR.results);
  if (!Array.isArray(raw)) throw badRequest(INLINE_ERR.results);
  if (raw.length > 50) throw badRequest(INLINE_ERR.resultsTooMuch);
  const contents = new Map<string, ChosenContent>();
  for (const item of raw) {
    const { id, content } = parseResult(item, ctx);
    if (contents.has(id)) throw badRequest(INLINE_ERR.resultIdDuplicate);
    contents.set(id, content);
  }
  const cacheTime = optInt(p, 'cache_time') ?? 300;
  if (cacheTime < 0) throw badRequest('field "cache_time" must be non-negative');
  const nextOffset = optString(p, 'next_offset') ?? '';
  if (utf8.encode(nextOffset).length > 64) throw badRequest(INLINE_ERR.nextOffsetInvalid);
  const button = parseButton(optJson(p, 'button', INLINE_ERR.button));
  const results = structuredClone(raw) as InlineQueryResult[];
  for (const r of results) if (typeof r.id === 'number') r.id = String(r.id);
  const answer: ParsedInlineAnswer['answer'] = {
    results,
    cacheTime,
    isPersonal: optBool(p, 'is_personal') ?? false,
    nextOffset,
  };
  if (button) answer.button = button;
  return { answer, contents };
}
