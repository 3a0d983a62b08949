import { fillPlaceholders } from '../../../jobs/ad-message.js';
import { EntityParseError } from '../../../telegram/entities.js';
import { parseHtml } from '../../../telegram/html.js';
import { entitiesToHtml, escapeHtml } from '../../../telegram/html-render.js';
import { CAPTION_MAX, MESSAGE_TEXT_MAX } from '../../../telegram/limits.js';
import { html } from '../../../telegram/markup.js';
import type { EntityType, MessageEntity } from '../../../telegram/types.js';
import type { BotContext } from '../../context.js';

/** Placeholder values for checking a text: as long as typical real ones. */
const SAMPLE = { name: 'Anna', product: 'Landing page', code: 'BACK1A2B3C4D', discount: 10 };

/**
 * The formatting an admin's client can apply that an ad keeps. Left out: what Telegram detects by itself
 * (links, mentions, commands — detected again in the ad), custom emoji (bots may send them only with a
 * Fragment username; the emoji itself stays) and mentions of a user by id (the recipients cannot open them).
 */
const KEPT: ReadonlySet<EntityType> = new Set<EntityType>([
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'spoiler',
  'code',
  'pre',
  'blockquote',
  'expandable_blockquote',
  'text_link',
]);

/** An entity as grammY delivers it (its type union is wider than the one the emulator produces). */
interface IncomingEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

/** Tags or character references: the text was written as HTML by hand. */
const LOOKS_LIKE_HTML = /<\/?[a-zA-Z][a-zA-Z-]*(?:\s[^>]*)?>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/;

/**
 * The HTML of an ad from the admin's message: the formatting their client applied (bold, a link, a spoiler…,
 * also of a forwarded post) converted to HTML with the text escaped; without any formatting, text that
 * looks like hand-written HTML is taken as HTML, any other text is escaped.
 */
export function adHtmlOf(text: string, entities: readonly IncomingEntity[] | undefined): string {
  const kept: MessageEntity[] = [];
  for (const e of entities ?? []) {
    if (!KEPT.has(e.type as EntityType)) continue;
    const entity: MessageEntity = { type: e.type as EntityType, offset: e.offset, length: e.length };
    if (e.url !== undefined) entity.url = e.url;
    if (e.language !== undefined) entity.language = e.language;
    kept.push(entity);
  }
  if (kept.length > 0) return entitiesToHtml(text, kept).trim();
  return (LOOKS_LIKE_HTML.test(text) ? text : escapeHtml(text)).trim();
}

export type Validation =
  | { ok: true }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'too-long'; max: number }
  | { ok: false; reason: 'bad-link'; link: string }
  | { ok: false; reason: 'markup'; detail: string };

/**
 * Checks an ad's HTML against Telegram's rules and its length limits (text 4096, caption 1024), and refuses
 * links Telegram would drop without a word (`javascript:`, a bare word): the admin would not notice.
 */
export function validateAdHtml(source: string, withPhoto: boolean): Validation {
  const dropped: string[] = [];
  try {
    const parsed = parseHtml(fillPlaceholders(source, SAMPLE), {
      onDroppedLink: (href) => dropped.push(href),
    });
    const max = withPhoto ? CAPTION_MAX : MESSAGE_TEXT_MAX;
    if (dropped[0] !== undefined) return { ok: false, reason: 'bad-link', link: dropped[0] };
    if (parsed.text.trim().length === 0) return { ok: false, reason: 'empty' };
    if (parsed.text.length > max) return { ok: false, reason: 'too-long', max };
    return { ok: true };
  } catch (error) {
    if (error instanceof EntityParseError) return { ok: false, reason: 'markup', detail: error.reason };
    throw error;
  }
}

/** Longest link shown back in an error. */
const LINK_SHOWN = 80;

const ESCAPED: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Telegram's parse error (English, byte offsets) in the admin's words: what is wrong and how to fix it. */
function markupProblem(ctx: BotContext, detail: string): string {
  const mustEscape = (char: string) => ctx.t('bc-html-escape', { char, escaped: ESCAPED[char] ?? '&amp;' });
  let m = /^Unsupported start tag "([^"]*)"/.exec(detail);
  if (m) return m[1] ? ctx.t('bc-html-tag', { tag: m[1] }) : mustEscape('<');
  m = /^Character "(.)" must be escaped/.exec(detail);
  if (m) return mustEscape(m[1] ?? '&');
  m = /^Unsupported HTML entity "([^"]*)"/.exec(detail);
  if (m) return ctx.t('bc-html-entity', { entity: m[1] ?? '' });
  m = /expected "<\/([^"]*)>", found "<\/([^"]*)>"/.exec(detail);
  if (m) return ctx.t('bc-html-mismatch', { expected: m[1] ?? '', found: m[2] ?? '' });
  m = /^Can't find end tag corresponding to start tag "([^"]*)"/.exec(detail);
  if (m) return ctx.t('bc-html-unclosed', { tag: m[1] ?? '' });
  if (detail.startsWith('Unexpected end tag')) return ctx.t('bc-html-extra-end');
  if (detail.startsWith('Tag "a" must have')) return ctx.t('bc-html-no-href');
  return ctx.t('bc-html-broken');
}

/** The admin's answer to a text that failed validation, always in their language. */
export function badHtmlText(ctx: BotContext, check: Exclude<Validation, { ok: true }>): string {
  switch (check.reason) {
    case 'empty':
      return ctx.t('bc-html-empty');
    case 'too-long':
      return ctx.t('bc-html-too-long', { max: check.max });
    case 'bad-link': {
      const link = [...check.link];
      const shown = link.length > LINK_SHOWN ? `${link.slice(0, LINK_SHOWN).join('')}…` : check.link;
      return ctx.t('bc-html-bad-link', { link: shown });
    }
    case 'markup':
      return ctx.t('bc-bad-html', { problem: html(markupProblem(ctx, check.detail)) });
  }
}

/** What a recipient reads of an ad's HTML (tags gone, `&amp;` as `&`). */
export function visibleText(source: string): string {
  try {
    return parseHtml(source, { strict: false }).text;
  } catch {
    return source.replace(/<[^>]*>/g, '');
  }
}

/**
 * `text` cut to at most `max` characters at a word boundary, then "…" when cut (a single long word is cut
 * inside). Line breaks become spaces: the result is one line, for a button label or a list.
 */
export function cutAtWord(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const head = chars.slice(0, max).join('');
  const space = chars[max] === ' ' ? head.length : head.lastIndexOf(' ');
  const cut = space >= max / 3 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,.;:!?—–-]+$/u, '')}…`;
}
