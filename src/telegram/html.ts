/**
 * Telegram's HTML parse mode: a real parser that turns the HTML subset of the Bot API into plain text plus
 * entities with UTF-16 offsets, with the same tag grammar and error texts as Telegram's server.
 *
 * Strict mode (the default) additionally enforces the documented rule that every `<`, `>` and `&` that is not
 * markup must be escaped (`&lt;`, `&gt;`, `&amp;`), that only the named entities `&lt; &gt; &amp; &quot;` are
 * used, and that `<a>` has a non-empty `href`. Telegram itself tolerates those cases silently; a bot that
 * relies on that tolerance is fragile, so the emulator rejects them.
 */
import { EntityParseError, type FormattedText, linkEntity, sortEntities } from './entities.js';
import type { ApiUser, MessageEntity } from './types.js';

export interface HtmlParseOptions {
  /** Enforce the documented escaping rules (see module docs). Default `true`. */
  strict?: boolean;
  /** Resolves `tg://user?id=N` links to a user for `text_mention` entities (unknown users: link dropped). */
  lookupUser?: (id: number) => ApiUser | undefined;
  /**
   * Called with the `href` of each `<a>` whose link Telegram drops silently (e.g. `javascript:`, an unknown
   * `tg://user?id=`): the text stays, the link is gone.
   */
  onDroppedLink?: (href: string) => void;
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
        else options.onDroppedLink?.(url);
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
