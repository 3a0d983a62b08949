import { InlineKeyboard } from 'grammy';
import type { InlineQueryResult } from 'grammy/types';
import { type CatalogItem, localizedDescription, localizedTitle } from '../../../services/catalog.js';
import { html } from '../../../telegram/markup.js';
import { formatPrice } from '../../../text/format.js';
import type { BotContext } from '../../context.js';
import { formatDeadline, productCardText } from './card.js';

/** Telegram's limit of results in one answer. */
export const INLINE_RESULTS_MAX = 50;
/** Seconds Telegram may reuse an answer: short, so a change in the catalog shows soon. */
export const INLINE_CACHE_SECONDS = 10;
/** The `/start` payload of "Open the catalog in the bot" (the c_ deep link's "all"). */
export const CATALOG_START = 'c_all';
/** Offsets past this are not served (50 × 20 = 1,000 services is more than anyone scrolls). */
const OFFSET_MAX = 1000;

const firstChars = (text: string, n: number): string => [...text].slice(0, n).join('');

/** One service as an inline result: its photo when it has one, else an article with the card text. */
function resultOf(ctx: BotContext, item: CatalogItem, botUsername: string): InlineQueryResult {
  const id = `p_${item.id}`;
  const title = localizedTitle(item, ctx.locale);
  const card = productCardText(ctx.t, ctx.locale, item);
  const reply_markup = new InlineKeyboard().url(
    ctx.t('inline-btn-open'),
    `https://t.me/${botUsername}?start=${id}`,
  );
  // A result's description is plain text, not HTML: the values go in unescaped (html() marks them as
  // already safe for the translator), and the message itself has no markup.
  const description = firstChars(
    ctx.t('inline-result-description', {
      price: html(formatPrice(item.price, ctx.locale)),
      deadline: html(formatDeadline(ctx.t, item.deadlineDays)),
      description: html(localizedDescription(item, ctx.locale)),
    }),
    200,
  );
  if (item.image && !/^https?:\/\//.test(item.image)) {
    return {
      type: 'photo',
      id,
      photo_file_id: item.image,
      title,
      description,
      caption: card,
      parse_mode: 'HTML',
      reply_markup,
    };
  }
  return {
    type: 'article',
    id,
    title,
    description,
    input_message_content: {
      message_text: card,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    },
    reply_markup,
    ...(item.image ? { thumbnail_url: item.image } : {}),
  };
}

/**
 * `@bot words` in any chat: the services on sale matching the words (the same search as /search;
 * no words: the catalog from the start), 50 at a time with `next_offset`, in the asker's language
 * (hence `is_personal`), each with an "Open in the bot" button on the `p_<id>` deep link.
 */
export async function answerInlineQuery(ctx: BotContext): Promise<void> {
  const query = ctx.inlineQuery;
  if (!query) return;
  const offset = /^\d{1,4}$/.test(query.offset) ? Math.min(Number(query.offset), OFFSET_MAX) : 0;
  const found = await ctx.deps.services.catalog.search(query.query, INLINE_RESULTS_MAX, offset);
  const username = ctx.me.username;
  const next = offset + found.items.length;
  await ctx.answerInlineQuery(
    found.items.map((item) => resultOf(ctx, item, username)),
    {
      cache_time: INLINE_CACHE_SECONDS,
      is_personal: true,
      next_offset: next < found.total && next < OFFSET_MAX ? String(next) : '',
      // Nothing matched: a button above the (empty) results opens the catalog in the bot (`c_all`).
      ...(found.total === 0 && offset === 0
        ? { button: { text: ctx.t('inline-btn-catalog'), start_parameter: CATALOG_START } }
        : {}),
    },
  );
}
