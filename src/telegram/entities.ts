/**
 * Formatted text as the Bot API carries it (plain text + entities with UTF-16 offsets): the parse error,
 * Telegram's entity order, and the link rules of `text_link` entities and URL buttons. Shared by the HTML
 * and Markdown parsers.
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

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
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
  lookupUser: ((id: number) => ApiUser | undefined) | undefined,
): MessageEntity | undefined {
  const userId = linkUserId(url);
  if (userId !== undefined) {
    const user = lookupUser?.(userId);
    return user ? { type: 'text_mention', offset, length, user } : undefined;
  }
  const checked = checkLink(url);
  return checked === undefined ? undefined : { type: 'text_link', offset, length, url: checked };
}
