/**
 * Formatted-text normalisation, as Telegram applies it to every text and caption after parsing:
 * control characters, entity fixing (merging, splitting, nesting rules), trimming, and automatic detection of
 * mentions, bot commands, hashtags, cashtags, URLs and e-mail addresses.
 */

import { checkLink, type FormattedText, sortEntities } from '../../telegram/entities.js';
import { badRequest } from './errors.js';
import type { ApiUser, EntityType, MessageEntity } from './types.js';

const SPLITTABLE = new Set<EntityType>(['bold', 'italic', 'underline', 'strikethrough', 'spoiler']);
const BLOCKQUOTE = new Set<EntityType>(['blockquote', 'expandable_blockquote']);
const PRE = new Set<EntityType>(['pre', 'code']);
const HIDDEN_DATA = new Set<EntityType>(['text_link', 'text_mention', 'custom_emoji']);
/** Entity types a bot may specify explicitly (the others are detected by Telegram itself). */
const USER_ENTITY_TYPES = new Set<EntityType>([
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'spoiler',
  'blockquote',
  'expandable_blockquote',
  'code',
  'pre',
  'text_link',
  'text_mention',
  'custom_emoji',
]);
const ALL_TYPES = new Set<string>([
  ...USER_ENTITY_TYPES,
  'mention',
  'hashtag',
  'cashtag',
  'bot_command',
  'url',
  'email',
  'phone_number',
]);

// ---------------------------------------------------------------------------------------------------------
// Cleaning
// ---------------------------------------------------------------------------------------------------------

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NEEDS_CLEAN = /[\x00-\x09\x0b-\x1f\u2028-\u202e]/;

/**
 * Replaces control characters (including TAB) by spaces, drops `\r` and U+2028–U+202E, and remaps entity
 * offsets accordingly (entities that become empty are removed).
 */
export function cleanText(text: string, entities: MessageEntity[]): FormattedText {
  if (!NEEDS_CLEAN.test(text)) return { text, entities };
  const map = new Int32Array(text.length + 1);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    map[i] = out.length;
    const c = text.charCodeAt(i);
    if (c === 0x0d || (c >= 0x2028 && c <= 0x202e)) continue;
    if (c < 0x20 && c !== 0x0a) out += ' ';
    else out += text.charAt(i);
  }
  map[text.length] = out.length;
  const remapped: MessageEntity[] = [];
  for (const e of entities) {
    const start = map[e.offset] ?? out.length;
    const end = map[e.offset + e.length] ?? out.length;
    if (end > start) remapped.push({ ...e, offset: start, length: end - start });
  }
  return { text: out, entities: remapped };
}

// ---------------------------------------------------------------------------------------------------------
// Entity fixing
// ---------------------------------------------------------------------------------------------------------

function end(e: MessageEntity): number {
  return e.offset + e.length;
}

/** Keeps only entities that don't intersect (or nest in) an earlier one, in sorted order. */
function removeIntersecting(entities: MessageEntity[]): MessageEntity[] {
  let lastEnd = 0;
  const kept: MessageEntity[] = [];
  for (const e of entities) {
    if (e.offset >= lastEnd) {
      kept.push(e);
      lastEnd = end(e);
    }
  }
  return kept;
}

/** Telegram's validity check: when it passes, the entities are left exactly as they are. */
function areEntitiesValid(entities: MessageEntity[]): boolean {
  const lastEnd = new Map<EntityType, number>();
  const stack: MessageEntity[] = [];
  const types = new Map<EntityType, number>();
  const push = (e: MessageEntity) => {
    stack.push(e);
    types.set(e.type, (types.get(e.type) ?? 0) + 1);
  };
  const pop = () => {
    const e = stack.pop();
    if (e) types.set(e.type, (types.get(e.type) ?? 1) - 1);
  };
  const has = (pred: (t: EntityType) => boolean) => {
    for (const [t, n] of types) if (n > 0 && pred(t)) return true;
    return false;
  };
  for (const e of entities) {
    if (e.length <= 0) return false;
    while (stack.length > 0 && e.offset >= end(stack[stack.length - 1] as MessageEntity)) pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      if (end(e) > end(parent)) return false;
      if ((types.get(e.type) ?? 0) > 0) return false;
      if (PRE.has(parent.type)) return false;
      if (PRE.has(e.type) && has((t) => !BLOCKQUOTE.has(t))) return false;
      const continuous = (t: EntityType) => !SPLITTABLE.has(t) && !BLOCKQUOTE.has(t) && !PRE.has(t);
      if ((continuous(e.type) || BLOCKQUOTE.has(e.type)) && has(continuous)) return false;
      if (BLOCKQUOTE.has(e.type) && has((t) => BLOCKQUOTE.has(t))) return false;
      if (has((t) => SPLITTABLE.has(t))) return false;
    }
    if (SPLITTABLE.has(e.type)) {
      const last = lastEnd.get(e.type);
      if (last !== undefined && last >= e.offset) return false;
      lastEnd.set(e.type, end(e));
    }
    push(e);
  }
  return true;
}

/**
 * Splits splittable entities (bold, italic, underline, strikethrough, spoiler) at the boundaries of the other
 * entities, drops their parts inside `pre`/`code`, and merges overlapping or adjacent ones of the same type.
 */
function resplit(splittable: MessageEntity[], others: MessageEntity[]): MessageEntity[] {
  if (splittable.length === 0) return others;
  const cuts = new Set<number>();
  for (const o of others) {
    cuts.add(o.offset);
    cuts.add(end(o));
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const pres = others.filter((o) => PRE.has(o.type));
  const insidePre = (from: number, to: number) => pres.some((p) => p.offset <= from && to <= end(p));
  const result: MessageEntity[] = [...others];
  const byType = new Map<EntityType, MessageEntity[]>();
  for (const e of splittable) {
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  for (const [type, list] of byType) {
    list.sort((a, b) => a.offset - b.offset);
    const merged: Array<[number, number]> = [];
    for (const e of list) {
      const last = merged[merged.length - 1];
      if (last && e.offset <= last[1]) last[1] = Math.max(last[1], end(e));
      else merged.push([e.offset, end(e)]);
    }
    for (const [from, to] of merged) {
      let start = from;
      for (const c of sortedCuts) {
        if (c <= start) continue;
        if (c >= to) break;
        if (!insidePre(start, c)) result.push({ type, offset: start, length: c - start });
        start = c;
      }
      if (!insidePre(start, to)) result.push({ type, offset: start, length: to - start });
    }
  }
  return sortEntities(result);
}

/** Telegram's fix_entities: makes any set of entities well-formed. */
export function fixEntities(input: MessageEntity[]): MessageEntity[] {
  const entities = sortEntities(input.filter((e) => e.length > 0));
  if (areEntitiesValid(entities)) return entities;
  const splittable: MessageEntity[] = [];
  const blockquotes: MessageEntity[] = [];
  let continuous: MessageEntity[] = [];
  for (const e of entities) {
    if (SPLITTABLE.has(e.type)) splittable.push(e);
    else if (BLOCKQUOTE.has(e.type)) blockquotes.push(e);
    else continuous.push(e);
  }
  continuous = removeIntersecting(continuous);
  if (blockquotes.length > 0) {
    const quotes = removeIntersecting(blockquotes);
    continuous = continuous.filter(
      (e) =>
        !quotes.some(
          (q) => (e.offset < q.offset && q.offset < end(e)) || (e.offset < end(q) && end(q) < end(e)),
        ),
    );
    continuous = sortEntities([...continuous, ...quotes]);
  }
  return resplit(splittable, continuous);
}

/**
 * Drops entities that contain only whitespace and moves entity starts past leading whitespace
 * (entities carrying hidden data — links, mentions by id, custom emoji — are kept as they are).
 */
function removeWhitespaceEntities(text: string, entities: MessageEntity[]): MessageEntity[] {
  const isWs = (i: number) => {
    const c = text.charCodeAt(i);
    return c === 0x20 || c === 0x0a;
  };
  const kept: MessageEntity[] = [];
  for (const e of entities) {
    if (HIDDEN_DATA.has(e.type)) {
      kept.push(e);
      continue;
    }
    let start = e.offset;
    const stop = end(e);
    while (start < stop && isWs(start)) start++;
    if (start === stop) continue;
    kept.push(start === e.offset ? e : { ...e, offset: start, length: stop - start });
  }
  return kept;
}

export interface FinalizeOptions {
  /** Empty text is allowed (captions); otherwise an empty result returns `undefined`. */
  allowEmpty?: boolean;
  /** Detect mentions, commands, hashtags, URLs… like Telegram (default true). */
  detectEntities?: boolean;
}

/**
 * Telegram's fix_formatted_text: cleans the text, fixes entities, trims whitespace (trailing always, leading
 * up to the first entity) and adds automatically detected entities. Returns `undefined` for a text that is
 * empty after this (unless `allowEmpty`, which returns an empty text).
 */
export function finalizeText(input: FormattedText, options: FinalizeOptions = {}): FormattedText | undefined {
  const cleaned = cleanText(input.text, input.entities);
  let text = cleaned.text;
  let entities = fixEntities(cleaned.entities);
  entities = fixEntities(removeWhitespaceEntities(text, entities));

  // rtrim
  let last = text.length - 1;
  while (last >= 0 && (text.charCodeAt(last) === 0x20 || text.charCodeAt(last) === 0x0a)) last--;
  if (last < 0) return options.allowEmpty ? { text: '', entities: [] } : undefined;
  if (last < text.length - 1) {
    text = text.slice(0, last + 1);
    entities = entities
      .filter((e) => e.offset < text.length)
      .map((e) => (end(e) > text.length ? { ...e, length: text.length - e.offset } : e));
    entities = sortEntities(entities);
  }
  // ltrim (only before the first entity)
  const firstEntity = entities.length > 0 ? (entities[0] as MessageEntity).offset : text.length;
  let first = 0;
  while (first < firstEntity && (text.charCodeAt(first) === 0x20 || text.charCodeAt(first) === 0x0a)) first++;
  if (first > 0) {
    text = text.slice(first);
    entities = entities.map((e) => ({ ...e, offset: e.offset - first }));
  }

  if (options.detectEntities ?? true) {
    const found = findEntities(text);
    if (found.length > 0) {
      const quotes = entities.filter((e) => BLOCKQUOTE.has(e.type));
      const continuous = entities.filter((e) => !SPLITTABLE.has(e.type) && !BLOCKQUOTE.has(e.type));
      const accepted = found.filter(
        (n) =>
          !continuous.some((o) => n.offset < end(o) && o.offset < end(n)) &&
          !quotes.some(
            (q) => (n.offset < q.offset && q.offset < end(n)) || (n.offset < end(q) && end(q) < end(n)),
          ),
      );
      if (accepted.length > 0) {
        const splittable = entities.filter((e) => SPLITTABLE.has(e.type));
        const others = sortEntities([...entities.filter((e) => !SPLITTABLE.has(e.type)), ...accepted]);
        entities = resplit(splittable, others);
        entities = removeWhitespaceEntities(text, entities);
      }
    }
  }
  return { text, entities };
}

// ---------------------------------------------------------------------------------------------------------
// Automatic entity detection
// ---------------------------------------------------------------------------------------------------------

const SHORT_USERNAMES = new Set([
  'gif',
  'wiki',
  'vid',
  'bing',
  'pic',
  'bold',
  'imdb',
  'coub',
  'like',
  'vote',
]);

const MENTION_RE = /(?<![\p{L}\p{N}_])@([A-Za-z0-9_]{2,32})(?![\p{L}\p{N}_])/gu;
const COMMAND_RE = /(?<![\p{L}\p{N}_/<>])\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\p{L}\p{N}_/<>@])/gu;
const HASHTAG_RE =
  /(?<![\p{L}\p{Nd}_\u200c\u0d80-\u0dff\u00b7])#([\p{L}\p{Nd}_\u200c\u0d80-\u0dff\u00b7]+)/gu;
const CASHTAG_RE =
  /(?<![$\p{L}\p{Nd}_\u200c\u0d80-\u0dff])\$(?:1INCH|[A-Z]{1,8})(?![$\p{L}\p{Nd}_\u200c\u0d80-\u0dff])/gu;
const URL_RE =
  /(?<![\p{L}\p{N}_/.@-])(?:(?:https?|ftp|tg|ton):\/\/|(?:t\.me|telegram\.me|telegram\.dog)\/)[^\s<>"«»]+/giu;
const EMAIL_RE =
  /(?<![\p{L}\p{N}_.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\p{L}\p{N}_@])/gu;

function trimUrl(url: string): string {
  let u = url;
  while (u.length > 0) {
    const last = u.charAt(u.length - 1);
    if ('.,:;!?\'"'.includes(last)) {
      u = u.slice(0, -1);
      continue;
    }
    if (last === ')') {
      const open = (u.match(/\(/g) ?? []).length;
      const close = (u.match(/\)/g) ?? []).length;
      if (close > open) {
        u = u.slice(0, -1);
        continue;
      }
    }
    break;
  }
  return u;
}

/**
 * Finds the entities Telegram detects by itself: mentions (@username, 5–32 chars), bot commands, hashtags,
 * cashtags, URLs with a scheme or on t.me, and e-mail addresses. Bare domains without a scheme are not
 * detected (that needs Telegram's list of top-level domains).
 */
export function findEntities(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  if (text.includes('@')) {
    for (const m of text.matchAll(MENTION_RE)) {
      const name = m[1] ?? '';
      if (name.length >= 5 || SHORT_USERNAMES.has(name.toLowerCase())) {
        found.push({ type: 'mention', offset: m.index, length: m[0].length });
      }
    }
  }
  if (text.includes('/')) {
    for (const m of text.matchAll(COMMAND_RE))
      found.push({ type: 'bot_command', offset: m.index, length: m[0].length });
  }
  if (text.includes('#')) {
    for (const m of text.matchAll(HASHTAG_RE)) {
      const body = m[1] ?? '';
      const next = text.charAt(m.index + m[0].length);
      if (next === '#' || !/\p{L}/u.test(body)) continue;
      // at most 256 characters of the tag are highlighted
      const tag = [...body].slice(0, 256).join('');
      found.push({ type: 'hashtag', offset: m.index, length: 1 + tag.length });
    }
  }
  if (text.includes('$')) {
    for (const m of text.matchAll(CASHTAG_RE))
      found.push({ type: 'cashtag', offset: m.index, length: m[0].length });
  }
  if (text.includes(':') || text.includes('.me/') || text.includes('.dog/')) {
    for (const m of text.matchAll(URL_RE)) {
      const url = trimUrl(m[0]);
      if (/^(?:[a-z]+:\/\/|t\.me\/|telegram\.(?:me|dog)\/)$/i.test(url)) continue;
      found.push({ type: 'url', offset: m.index, length: url.length });
    }
  }
  if (text.includes('@')) {
    for (const m of text.matchAll(EMAIL_RE))
      found.push({ type: 'email', offset: m.index, length: m[0].length });
  }
  return removeIntersecting(sortEntities(found));
}

// ---------------------------------------------------------------------------------------------------------
// Explicit entities (the `entities` / `caption_entities` parameters)
// ---------------------------------------------------------------------------------------------------------

/**
 * Validates entities given explicitly by the bot (instead of a parse mode). Types Telegram detects itself
 * (mention, url, …) are dropped like Telegram does; out-of-range entities are errors.
 */
export function parseInputEntities(
  raw: unknown,
  text: string,
  lookupUser: (id: number) => ApiUser | undefined,
): MessageEntity[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw badRequest("can't parse entities JSON object");
  const result: MessageEntity[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) throw badRequest("can't parse entities JSON object");
    const e = item as Record<string, unknown>;
    const type = e.type;
    const offset = typeof e.offset === 'string' ? Number(e.offset) : e.offset;
    const length = typeof e.length === 'string' ? Number(e.length) : e.length;
    if (typeof type !== 'string' || !ALL_TYPES.has(type)) {
      throw badRequest("can't parse MessageEntity: Unsupported type specified");
    }
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > 1_000_000) {
      throw badRequest(`Receive an entity with incorrect offset ${String(offset)}`);
    }
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > 1_000_000) {
      throw badRequest(`Receive an entity with incorrect length ${String(length)}`);
    }
    if (offset > text.length)
      throw badRequest(`Entity begins after the end of the text at UTF-16 offset ${offset}`);
    if (offset + length > text.length) {
      throw badRequest(
        `Entity beginning at UTF-16 offset ${offset} ends after the end of the text at UTF-16 offset ${offset + length}`,
      );
    }
    const t = type as EntityType;
    if (!USER_ENTITY_TYPES.has(t) || length === 0) continue;
    const entity: MessageEntity = { type: t, offset, length };
    if (t === 'text_link') {
      const url = typeof e.url === 'string' ? checkLink(e.url) : undefined;
      if (url === undefined) throw badRequest('Entity URL_INVALID');
      entity.url = url;
    } else if (t === 'text_mention') {
      const u = e.user as { id?: unknown } | undefined;
      const id = typeof u?.id === 'number' ? u.id : Number(u?.id);
      const user = Number.isSafeInteger(id) ? lookupUser(id) : undefined;
      if (!user) throw badRequest('USER_ID_INVALID');
      entity.user = user;
    } else if (t === 'custom_emoji') {
      const id = e.custom_emoji_id;
      if (typeof id !== 'string' || !/^\d{1,19}$/.test(id) || /^0+$/.test(id)) {
        throw badRequest('Invalid custom emoji identifier specified');
      }
      entity.custom_emoji_id = id;
    } else if (t === 'pre' && typeof e.language === 'string' && e.language.length > 0) {
      entity.language = e.language;
    }
    result.push(entity);
  }
  return result;
}
