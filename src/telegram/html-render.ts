/**
 * Formatted text back to Telegram HTML: escaping of user text, and text + entities → HTML (used by the web
 * sandbox to show what the bot sent, and by the bot to escape what users typed).
 */
import { sortEntities } from './entities.js';
import type { MessageEntity } from './types.js';

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
