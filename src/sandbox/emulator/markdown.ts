/**
 * Telegram's MarkdownV2 parse mode: `*bold*`, `_italic_`, `__underline__`, `~strikethrough~`, `||spoiler||`,
 * `[text](url)`, `![👍](tg://emoji?id=…)`, `` `code` ``, ```` ```lang\npre``` ````, `>` block quotations
 * (`**>` … `||` for expandable ones). Every reserved character outside entities must be escaped with `\`.
 */
import {
  checkLink,
  EntityParseError,
  type FormattedText,
  linkEntity,
  linkUserId,
  sortEntities,
} from '../../telegram/entities.js';
import type { ApiUser, EntityType, MessageEntity } from './types.js';

const RESERVED = new Set('_*[]()~`>#+-=|{}.!');

interface Open {
  type: EntityType;
  argument: string;
  /** UTF-16 offset in the output. */
  offset: number;
  /** Index in the source (for errors). */
  sourcePos: number;
}

export interface MarkdownOptions {
  lookupUser?: (id: number) => ApiUser | undefined;
}

/** Parses MarkdownV2 into plain text and entities. Throws {@link EntityParseError}. */
export function parseMarkdownV2(source: string, options: MarkdownOptions = {}): FormattedText {
  const s = source;
  const n = s.length;
  const at = (i: number): string => (i < n ? s.charAt(i) : '\0');
  const byteOffset = (i: number): number => Buffer.byteLength(s.slice(0, i), 'utf8');
  const reserved = (ch: string) =>
    new EntityParseError(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);

  let out = '';
  const entities: MessageEntity[] = [];
  const stack: Open[] = [];
  let quote: { offset: number; expandable: boolean } | undefined;

  const closeQuote = (endOffset: number) => {
    if (!quote) return;
    if (endOffset > quote.offset) {
      entities.push({
        type: quote.expandable ? 'expandable_blockquote' : 'blockquote',
        offset: quote.offset,
        length: endOffset - quote.offset,
      });
    }
    quote = undefined;
  };

  const readUrl = (start: number): { url: string; end: number } => {
    // start points at '('; ')' and '\' must be escaped inside
    let i = start + 1;
    let url = '';
    while (i < n && s.charAt(i) !== ')') {
      const code = s.charCodeAt(i + 1);
      if (s.charAt(i) === '\\' && code > 0 && code <= 126) {
        url += s.charAt(i + 1);
        i += 2;
        continue;
      }
      url += s.charAt(i);
      i++;
    }
    if (at(i) !== ')')
      throw new EntityParseError(`Can't find end of a URL at byte offset ${byteOffset(start + 1)}`);
    return { url, end: i };
  };

  let i = 0;
  while (i < n) {
    const top = stack[stack.length - 1];
    const inCode = top !== undefined && (top.type === 'code' || top.type === 'pre');
    const lineStart = i === 0 || s.charAt(i - 1) === '\n';

    // block quotations: lines starting with '>'
    if (lineStart && !inCode) {
      if (s.startsWith('**>', i) && !quote) {
        quote = { offset: out.length, expandable: true };
        i += 3;
        continue;
      }
      if (s.charAt(i) === '>') {
        if (!quote) quote = { offset: out.length, expandable: false };
        i++;
        continue;
      }
      if (quote && i > 0) closeQuote(out.length - 1);
    }

    const ch = s.charAt(i);
    const code = s.charCodeAt(i + 1);
    if (ch === '\\' && code > 0 && code <= 126) {
      out += s.charAt(i + 1);
      i += 2;
      continue;
    }
    if (ch === '\n' && quote === undefined) {
      out += ch;
      i++;
      continue;
    }
    // the expandability mark "||" at the end of the last quoted line
    if (quote && !inCode && s.startsWith('||', i) && (i + 2 >= n || s.charAt(i + 2) === '\n')) {
      const spoilerOpen = stack.some((e) => e.type === 'spoiler');
      if (!spoilerOpen) {
        quote.expandable = true;
        i += 2;
        continue;
      }
    }
    if (ch === '\n') {
      out += ch;
      i++;
      continue;
    }
    const isReserved = inCode ? ch === '`' : RESERVED.has(ch);
    if (!isReserved) {
      out += ch;
      i++;
      continue;
    }

    let isEnd = false;
    if (top) {
      switch (top.type) {
        case 'bold':
          isEnd = ch === '*';
          break;
        case 'italic':
          isEnd = ch === '_' && at(i + 1) !== '_';
          break;
        case 'underline':
          isEnd = ch === '_' && at(i + 1) === '_';
          break;
        case 'strikethrough':
          isEnd = ch === '~';
          break;
        case 'spoiler':
          isEnd = ch === '|' && at(i + 1) === '|';
          break;
        case 'code':
          isEnd = ch === '`';
          break;
        case 'pre':
          isEnd = ch === '`' && at(i + 1) === '`' && at(i + 2) === '`';
          break;
        case 'text_link':
        case 'custom_emoji':
          isEnd = ch === ']';
          break;
        default:
          break;
      }
    }

    if (!isEnd) {
      const begin = i;
      let type: EntityType;
      let argument = '';
      switch (ch) {
        case '_':
          if (at(i + 1) === '_') {
            type = 'underline';
            i++;
          } else {
            type = 'italic';
          }
          break;
        case '*':
          type = 'bold';
          break;
        case '~':
          type = 'strikethrough';
          break;
        case '|':
          if (at(i + 1) !== '|') throw reserved(ch);
          type = 'spoiler';
          i++;
          break;
        case '[':
          type = 'text_link';
          break;
        case '`':
          if (at(i + 1) === '`' && at(i + 2) === '`') {
            i += 3;
            type = 'pre';
            let langEnd = i;
            while (langEnd < n && !/\s/.test(s.charAt(langEnd)) && s.charAt(langEnd) !== '`') langEnd++;
            if (langEnd !== i && langEnd < n && s.charAt(langEnd) !== '`') {
              argument = s.slice(i, langEnd);
              i = langEnd;
            }
            // one line break right after the opening (and language) is not part of the text
            if (at(i) === '\n' || at(i) === '\r') {
              if ((at(i + 1) === '\n' || at(i + 1) === '\r') && at(i) !== at(i + 1)) i += 2;
              else i++;
            }
            stack.push({ type, argument, offset: out.length, sourcePos: begin });
            continue;
          }
          type = 'code';
          break;
        case '!':
          if (at(i + 1) !== '[') throw reserved(ch);
          type = 'custom_emoji';
          i++;
          break;
        default:
          throw reserved(ch);
      }
      stack.push({ type, argument, offset: out.length, sourcePos: begin });
      i++;
      continue;
    }

    // end of an entity
    const open = stack.pop() as Open;
    let skip = out.length === open.offset;
    let url = '';
    let userId: number | undefined;
    let emojiId: string | undefined;
    switch (open.type) {
      case 'underline':
      case 'spoiler':
        i += 2;
        break;
      case 'pre':
        i += 3;
        break;
      case 'text_link': {
        if (at(i + 1) === '(') {
          const r = readUrl(i + 1);
          url = r.url;
          i = r.end + 1;
        } else {
          url = out.slice(open.offset);
          i++;
        }
        userId = linkUserId(url);
        if (userId === undefined) {
          const checked = checkLink(url);
          if (checked === undefined) skip = true;
          else url = checked;
        }
        break;
      }
      case 'custom_emoji': {
        if (at(i + 1) !== '(')
          throw new EntityParseError('Custom emoji entity must contain a tg://emoji URL');
        const r = readUrl(i + 1);
        const m = /^tg:\/\/emoji\?id=(\d{1,19})$/i.exec(r.url);
        if (!m || /^0+$/.test(m[1] ?? ''))
          throw new EntityParseError('Invalid custom emoji identifier specified');
        emojiId = m[1];
        i = r.end + 1;
        break;
      }
      default:
        i++;
        break;
    }
    if (skip) continue;
    const offset = open.offset;
    const length = out.length - offset;
    if (open.type === 'text_link') {
      if (userId !== undefined) {
        const user = options.lookupUser?.(userId);
        if (user) entities.push({ type: 'text_mention', offset, length, user });
      } else {
        entities.push({ type: 'text_link', offset, length, url });
      }
    } else if (open.type === 'custom_emoji') {
      entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: emojiId ?? '' });
    } else if (open.type === 'pre' && open.argument.length > 0) {
      entities.push({ type: 'pre', offset, length, language: open.argument });
    } else {
      entities.push({ type: open.type, offset, length });
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) {
    throw new EntityParseError(
      `Can't find end of the entity starting at byte offset ${byteOffset(unclosed.sourcePos)}`,
    );
  }
  closeQuote(out.length);
  return { text: out, entities: sortEntities(entities) };
}

/**
 * Telegram's legacy `Markdown` parse mode: `*bold*`, `_italic_`, `` `code` ``, ```` ```pre``` ````,
 * `[text](url)`; only `_ * ` [` can be escaped with `\`, and entities cannot be nested.
 */
export function parseMarkdownLegacy(source: string, options: MarkdownOptions = {}): FormattedText {
  const s = source;
  const n = s.length;
  const at = (i: number): string => (i < n ? s.charAt(i) : '\0');
  const byteOffset = (i: number): number => Buffer.byteLength(s.slice(0, i), 'utf8');
  let out = '';
  const entities: MessageEntity[] = [];
  for (let i = 0; i < n; i++) {
    const c = s.charAt(i);
    if (c === '\\' && '_*`['.includes(at(i + 1))) {
      out += s.charAt(i + 1);
      i++;
      continue;
    }
    if (c !== '_' && c !== '*' && c !== '`' && c !== '[') {
      out += c;
      continue;
    }
    const begin = i;
    const endChar = c === '[' ? ']' : c;
    let isPre = false;
    let language = '';
    i++;
    if (c === '`' && at(i) === '`' && at(i + 1) === '`') {
      i += 2;
      isPre = true;
      let langEnd = i;
      while (langEnd < n && !/\s/.test(s.charAt(langEnd)) && s.charAt(langEnd) !== '`') langEnd++;
      if (langEnd !== i && langEnd < n && s.charAt(langEnd) !== '`') {
        language = s.slice(i, langEnd);
        i = langEnd;
      }
      if (at(i) === '\n' || at(i) === '\r') {
        if ((at(i + 1) === '\n' || at(i + 1) === '\r') && at(i) !== at(i + 1)) i += 2;
        else i++;
      }
    }
    const offset = out.length;
    while (i < n && (s.charAt(i) !== endChar || (isPre && !(at(i + 1) === '`' && at(i + 2) === '`')))) {
      out += s.charAt(i);
      i++;
    }
    if (i >= n)
      throw new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffset(begin)}`);
    const length = out.length - offset;
    if (c === '[') {
      let url: string;
      if (at(i + 1) !== '(') {
        url = s.slice(begin + 1, i);
      } else {
        i += 2;
        url = '';
        while (i < n && s.charAt(i) !== ')') url += s.charAt(i++);
      }
      const link = length > 0 ? linkEntity(url, offset, length, options.lookupUser) : undefined;
      if (link) entities.push(link);
    } else if (length > 0) {
      if (c === '_') entities.push({ type: 'italic', offset, length });
      else if (c === '*') entities.push({ type: 'bold', offset, length });
      else if (isPre) {
        entities.push(
          language.length > 0 ? { type: 'pre', offset, length, language } : { type: 'pre', offset, length },
        );
      } else entities.push({ type: 'code', offset, length });
    }
    if (isPre) i += 2;
  }
  return { text: out, entities: sortEntities(entities) };
}
