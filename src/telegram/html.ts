/**
 * Telegram's HTML parse mode: a real parser that turns the HTML subset of the Bot API into plain text plus
 * entities with UTF-16 offsets, with the same tag grammar and error texts as Telegram's server.
 *
 * Strict mode (the default) additionally enforces the documented rule that every `<`, `>` and `&` that is not
 * markup must be escaped (`&lt;`, `&gt;`, `&amp;`), that only the named entities `&lt; &gt; &amp; &quot;` are
 * used, and that `<a>` has a non-empty `href`. Telegram itself tolerates those cases silently; a bot that
 * relies on that tolerance is fragile, so the emulator rejects them.
 */
import type { ApiUser, MessageEntity } from './types.js';

/** A parse failure (HTML or MarkdownV2); `reason` is the text after `can't parse entities: `. */
export class EntityParseError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`can't parse entities: ${reason}`);
    this.name = 'EntityParseError';
    this.reason = reason;
  }
}

export interface HtmlParseOptions {
  /** Enforce the documented escaping rules (see module docs). Default `true`. */
  strict?: boolean;
  /** Resolves `tg://user?id=N` links to a user for `text_mention` entities (unknown users: link dropped). */
  lookupUser?: (id: number) => ApiUser | undefined;
}

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const EQ = 0x3d;
const SEMI = 0x3b;
const HASH = 0x23;
const DQ = 0x22;
const SQ = 0x27;

const SUPPORTED_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  's',
  'strike',
  'del',
  'u',
  'ins',
  'tg-spoiler',
  'tg-emoji',
  'span',
  'pre',
  'code',
  'blockquote',
]);

/** tdlib's notion of space: also NUL (the end of the text behaves like NUL). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0 || c === 0x0b || c === 0x0c;
}
function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Entity sort priority (Telegram's order for entities with equal offset and length). */
const PRIORITY: Record<string, number> = {
  blockquote: 0,
  expandable_blockquote: 0,
  pre: 11,
  code: 20,
  text_link: 49,
  text_mention: 49,
  mention: 50,
  hashtag: 50,
  cashtag: 50,
  bot_command: 50,
  url: 50,
  email: 50,
  phone_number: 50,
  bold: 90,
  italic: 91,
  underline: 92,
  strikethrough: 93,
  spoiler: 94,
  custom_emoji: 99,
};

function priority(e: MessageEntity): number {
  if (e.type === 'pre' && e.language !== undefined) return 10;
  return PRIORITY[e.type] ?? 50;
}

/** Sorts entities like Telegram: by offset, then longer first, then by type priority. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length || priority(a) - priority(b));
}

/**
 * Checks and normalises a link the way Telegram does for `text_link` entities and URL buttons: returns the
 * normalised URL, or `undefined` when Telegram would reject it.
 */
export function checkLink(raw: string): string | undefined {
  const link = raw.trim();
  if (link.length === 0) return undefined;
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(link);
  let candidate = link;
  if (schemeMatch) {
    const scheme = (schemeMatch[1] ?? '').toLowerCase();
    if (scheme === 'tg' || scheme === 'ton') {
      return /^[a-zA-Z]+:\/\/[^\s]+$/.test(link) ? `${scheme}${link.slice(scheme.length)}` : undefined;
    }
    if (scheme !== 'http' && scheme !== 'https' && scheme !== 'ftp') {
      // "host:port/path" without a scheme looks like a scheme to the regex
      if (!/^[a-zA-Z0-9.-]+:\d+/.test(link)) return undefined;
      candidate = `http://${link}`;
    }
  } else {
    candidate = `http://${link}`;
  }
  try {
    const url = new URL(candidate);
    if (url.hostname.length === 0 || /\s/.test(link)) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** Returns the user id of a `tg://user?id=N` link. */
export function linkUserId(url: string): number | undefined {
  const m = /^tg:(?:\/\/)?user\?id=(\d{1,16})$/i.exec(url.trim());
  if (!m) return undefined;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * The entity of a link over `length` characters at `offset`: a `text_mention` for `tg://user?id=` of a known
 * user, a `text_link` for a valid URL, `undefined` when Telegram drops the link (HTML and legacy Markdown).
 */
export function linkEntity(
  url: string,
  offset: number,
  length: number,
  lookupUser: HtmlParseOptions['lookupUser'],
): MessageEntity | undefined {
  const userId = linkUserId(url);
  if (userId !== undefined) {
    const user = lookupUser?.(userId);
    return user ? { type: 'text_mention', offset, length, user } : undefined;
  }
  const checked = checkLink(url);
  return checked === undefined ? undefined : { type: 'text_link', offset, length, url: checked };
}

interface Decoded {
  /** Decoded code point. */
  cp: number;
  /** Index just after the entity (and its optional `;`). */
  end: number;
}

/** tdlib's decode_html_entity: `&lt; &gt; &amp; &quot;`, `&#NN;`, `&#xNN;` (the `;` is optional). */
function decodeEntity(s: string, pos: number): Decoded | undefined {
  const at = (i: number): number => (i < s.length ? s.charCodeAt(i) : 0);
  let end = pos + 1;
  let cp = 0;
  if (at(pos + 1) === HASH) {
    end++;
    if (at(pos + 2) === 0x78 /* x */) {
      end++;
      while (isHex(at(end))) {
        cp = cp * 16 + Number.parseInt(s.charAt(end), 16);
        end++;
        if (cp >= 0x10ffff) return undefined;
      }
    } else {
      while (isDigit(at(end))) {
        cp = cp * 10 + (at(end) - 0x30);
        end++;
        if (cp >= 0x10ffff) return undefined;
      }
    }
    if (cp === 0 || cp >= 0x10ffff || end - pos >= 10) return undefined;
  } else {
    while (isAlpha(at(end))) end++;
    const name = s.slice(pos + 1, end);
    if (name === 'lt') cp = LT;
    else if (name === 'gt') cp = GT;
    else if (name === 'amp') cp = AMP;
    else if (name === 'quot') cp = DQ;
    else return undefined;
  }
  if (at(end) === SEMI) end++;
  return { cp, end };
}

interface OpenTag {
  tag: string;
  argument: string;
  expandable: boolean;
  /** UTF-16 offset in the output where the tag's content starts. */
  offset: number;
}

/**
 * Parses Telegram HTML into plain text and raw entities (sorted). Throws {@link EntityParseError}.
 * The result is not yet trimmed/normalised: pass it through `finalizeText` (entities.ts) like Telegram does.
 */
export function parseHtml(source: string, options: HtmlParseOptions = {}): FormattedText {
  const strict = options.strict ?? true;
  const s = source;
  const n = s.length;
  const at = (i: number): number => (i < n ? s.charCodeAt(i) : 0);
  const byteOffset = (i: number): number => Buffer.byteLength(s.slice(0, i), 'utf8');

  let out = '';
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];

  let i = 0;
  while (i < n) {
    // copy a run of ordinary characters at once
    let j = i;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === LT || c === AMP || c === GT) break;
      j++;
    }
    if (j > i) {
      out += s.slice(i, j);
      i = j;
      if (i >= n) break;
    }
    const c = s.charCodeAt(i);
    if (c === AMP) {
      const d = decodeEntity(s, i);
      if (d) {
        if (d.cp >= 0xd800 && d.cp <= 0xdfff) {
          throw new EntityParseError(
            'Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units',
          );
        }
        out += String.fromCodePoint(d.cp);
        i = d.end;
        continue;
      }
      if (strict) {
        const name = /^&([a-zA-Z][a-zA-Z0-9]*);?/.exec(s.slice(i, i + 40));
        if (name) {
          throw new EntityParseError(
            `Unsupported HTML entity "&${name[1]};" at byte offset ${byteOffset(i)}: only &lt;, &gt;, &amp; and &quot; are supported`,
          );
        }
        throw new EntityParseError(
          `Character "&" must be escaped as "&amp;" at byte offset ${byteOffset(i)}`,
        );
      }
      out += '&';
      i++;
      continue;
    }
    if (c === GT) {
      if (strict) {
        throw new EntityParseError(`Character ">" must be escaped as "&gt;" at byte offset ${byteOffset(i)}`);
      }
      out += '>';
      i++;
      continue;
    }

    // c === '<'
    const begin = i++;
    if (at(i) !== SLASH) {
      // start tag
      while (!isSpace(at(i)) && at(i) !== GT) i++;
      if (at(i) === 0) throw new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      const tag = s.slice(begin + 1, i).toLowerCase();
      if (!SUPPORTED_TAGS.has(tag)) {
        throw new EntityParseError(`Unsupported start tag "${tag}" at byte offset ${byteOffset(begin)}`);
      }
      let argument = '';
      let expandable = false;
      let hasHref = false;
      while (at(i) !== GT) {
        while (at(i) !== 0 && isSpace(at(i))) i++;
        if (at(i) === GT) break;
        const attrBegin = i;
        while (!isSpace(at(i)) && at(i) !== EQ && at(i) !== GT) i++;
        const attrName = s.slice(attrBegin, i);
        if (attrName.length === 0) {
          throw new EntityParseError(
            `Empty attribute name in the tag "${tag}" at byte offset ${byteOffset(begin)}`,
          );
        }
        while (at(i) !== 0 && isSpace(at(i))) i++;
        if (at(i) !== EQ) {
          if (tag === 'blockquote' && attrName.toLowerCase() === 'expandable') {
            expandable = true;
            if (at(i) === 0)
              throw new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
            continue;
          }
          throw new EntityParseError(
            `Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${byteOffset(begin)}`,
          );
        }
        i++;
        while (at(i) !== 0 && isSpace(at(i))) i++;
        if (at(i) === 0) {
          throw new EntityParseError(`Unclosed start tag "${tag}" at byte offset ${byteOffset(begin)}`);
        }
        let value = '';
        if (at(i) !== SQ && at(i) !== DQ) {
          // a name token: letters, digits, periods, hyphens; case-insensitive
          const tokenBegin = i;
          while (isAlpha(at(i)) || isDigit(at(i)) || at(i) === 0x2e || at(i) === 0x2d) i++;
          value = s.slice(tokenBegin, i).toLowerCase();
          if (!isSpace(at(i)) && at(i) !== GT) {
            throw new EntityParseError(
              `Unexpected end of name token at byte offset ${byteOffset(tokenBegin)}`,
            );
          }
        } else {
          const quote = at(i++);
          while (at(i) !== quote && at(i) !== 0) {
            if (at(i) === AMP) {
              const d = decodeEntity(s, i);
              if (d) {
                value += String.fromCodePoint(d.cp);
                i = d.end;
                continue;
              }
            }
            value += s.charAt(i);
            i++;
          }
          if (at(i) === quote) i++;
        }
        if (at(i) === 0) throw new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        if (tag === 'a' && attrName === 'href') {
          argument = value;
          hasHref = true;
        } else if (tag === 'code' && attrName === 'class' && value.startsWith('language-')) {
          argument = value.slice(9);
        } else if (tag === 'span' && attrName === 'class' && value.startsWith('tg-')) {
          argument = value.slice(3);
        } else if (tag === 'tg-emoji' && attrName === 'emoji-id') {
          argument = value;
        }
      }
      if (tag === 'span' && argument !== 'spoiler') {
        throw new EntityParseError(
          `Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`,
        );
      }
      if (strict && tag === 'a' && (!hasHref || argument.trim().length === 0)) {
        throw new EntityParseError(
          `Tag "a" must have a non-empty attribute "href" at byte offset ${byteOffset(begin)}`,
        );
      }
      i++; // skip '>'
      stack.push({ tag, argument, expandable, offset: out.length });
      continue;
    }

    // end tag
    const open = stack.at(-1);
    if (!open) throw new EntityParseError(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
    while (!isSpace(at(i)) && at(i) !== GT) i++;
    const endTag = s.slice(begin + 2, i).toLowerCase();
    while (isSpace(at(i)) && at(i) !== 0) i++;
    if (at(i) !== GT) throw new EntityParseError(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
    i++; // skip '>'
    if (endTag.length > 0 && endTag !== open.tag) {
      throw new EntityParseError(
        `Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${open.tag}>", found "</${endTag}>"`,
      );
    }
    stack.pop();
    const offset = open.offset;
    const length = out.length - offset;
    if (length <= 0) continue;
    switch (open.tag) {
      case 'i':
      case 'em':
        entities.push({ type: 'italic', offset, length });
        break;
      case 'b':
      case 'strong':
        entities.push({ type: 'bold', offset, length });
        break;
      case 's':
      case 'strike':
      case 'del':
        entities.push({ type: 'strikethrough', offset, length });
        break;
      case 'u':
      case 'ins':
        entities.push({ type: 'underline', offset, length });
        break;
      case 'tg-spoiler':
      case 'span':
        entities.push({ type: 'spoiler', offset, length });
        break;
      case 'tg-emoji': {
        if (!/^\d{1,19}$/.test(open.argument) || /^0+$/.test(open.argument)) {
          throw new EntityParseError('Invalid custom emoji identifier specified');
        }
        entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: open.argument });
        break;
      }
      case 'a': {
        const url = open.argument.length > 0 ? open.argument : out.slice(offset);
        const link = linkEntity(url, offset, length, options.lookupUser);
        if (link) entities.push(link);
        break;
      }
      case 'pre': {
        const last = entities.at(-1);
        if (
          last &&
          last.type === 'code' &&
          last.offset === offset &&
          last.length === length &&
          last.language !== undefined
        ) {
          last.type = 'pre';
        } else {
          entities.push({ type: 'pre', offset, length });
        }
        break;
      }
      case 'code': {
        const last = entities.at(-1);
        if (
          last &&
          last.type === 'pre' &&
          last.language === undefined &&
          last.offset === offset &&
          last.length === length &&
          open.argument.length > 0
        ) {
          last.language = open.argument;
        } else if (open.argument.length > 0) {
          entities.push({ type: 'code', offset, length, language: open.argument });
        } else {
          entities.push({ type: 'code', offset, length });
        }
        break;
      }
      case 'blockquote':
        entities.push({ type: open.expandable ? 'expandable_blockquote' : 'blockquote', offset, length });
        break;
      default:
        throw new Error(`unreachable tag ${open.tag}`);
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed) throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);

  for (const e of entities) {
    if (e.type === 'code' && e.language !== undefined) delete e.language;
  }
  return { text: out, entities: sortEntities(entities) };
}

// ---------------------------------------------------------------------------------------------------------
// Rendering (text + entities → HTML), for the web sandbox
// ---------------------------------------------------------------------------------------------------------

/** Escapes `&`, `<`, `>` and `"` for Telegram HTML (and for ordinary HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) =>
    ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;',
  );
}

function openTag(e: MessageEntity): string {
  switch (e.type) {
    case 'bold':
      return '<b>';
    case 'italic':
      return '<i>';
    case 'underline':
      return '<u>';
    case 'strikethrough':
      return '<s>';
    case 'spoiler':
      return '<tg-spoiler>';
    case 'code':
      return '<code>';
    case 'pre':
      return e.language !== undefined ? `<pre><code class="language-${escapeHtml(e.language)}">` : '<pre>';
    case 'blockquote':
      return '<blockquote>';
    case 'expandable_blockquote':
      return '<blockquote expandable>';
    case 'text_link':
      return `<a href="${escapeHtml(e.url ?? '')}">`;
    case 'text_mention':
      return `<a href="tg://user?id=${e.user?.id ?? 0}">`;
    case 'custom_emoji':
      return `<tg-emoji emoji-id="${escapeHtml(e.custom_emoji_id ?? '')}">`;
    default:
      return '';
  }
}

function closeTag(e: MessageEntity): string {
  switch (e.type) {
    case 'bold':
      return '</b>';
    case 'italic':
      return '</i>';
    case 'underline':
      return '</u>';
    case 'strikethrough':
      return '</s>';
    case 'spoiler':
      return '</tg-spoiler>';
    case 'code':
      return '</code>';
    case 'pre':
      return e.language !== undefined ? '</code></pre>' : '</pre>';
    case 'blockquote':
    case 'expandable_blockquote':
      return '</blockquote>';
    case 'text_link':
    case 'text_mention':
      return '</a>';
    case 'custom_emoji':
      return '</tg-emoji>';
    default:
      return '';
  }
}

/**
 * Renders plain text with entities as Telegram HTML (the inverse of {@link parseHtml} for formatting
 * entities; automatically detected entities such as `url` or `bot_command` are rendered as plain text).
 * Overlapping entities are split so that the output is always well nested.
 */
export function entitiesToHtml(text: string, entities: readonly MessageEntity[] | undefined): string {
  const list = (entities ?? []).filter((e) => openTag(e) !== '' && e.length > 0);
  if (list.length === 0) return escapeHtml(text);
  const sorted = sortEntities([...list]);
  const points = new Set<number>([0, text.length]);
  for (const e of sorted) {
    points.add(e.offset);
    points.add(e.offset + e.length);
  }
  const cuts = [...points].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  let html = '';
  let stack: MessageEntity[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k] ?? 0;
    const to = cuts[k + 1] ?? 0;
    const active = sorted.filter((e) => e.offset <= from && e.offset + e.length >= to);
    // keep the common prefix of the stack, close the rest, open the missing ones
    let common = 0;
    while (common < stack.length && common < active.length && stack[common] === active[common]) common++;
    for (let m = stack.length - 1; m >= common; m--) html += closeTag(stack[m] as MessageEntity);
    for (let m = common; m < active.length; m++) html += openTag(active[m] as MessageEntity);
    stack = active;
    html += escapeHtml(text.slice(from, to));
  }
  for (let m = stack.length - 1; m >= 0; m--) html += closeTag(stack[m] as MessageEntity);
  return html;
}
