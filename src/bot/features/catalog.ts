import type { InlineKeyboard } from 'grammy';
import { Composer, GrammyError } from 'grammy';
import type { Product } from '../../services/catalog.js';
import { formatPrice } from '../../text/format.js';
import type { Locale, Translate } from '../../text/i18n.js';
import type { BotContext, BotDeps } from '../context.js';
import { productCardKeyboard } from '../keyboards/catalog.js';
import { requireSubscription } from '../middlewares/subscription-gate.js';

/** "3 дня", "5 дней", "1 day": the deadline with the locale's plural rules. */
export const formatDeadline = (t: Translate, days: number): string => t('catalog-days', { n: days });

/** The text (or photo caption) of a product card. */
export function productCardText(t: Translate, locale: Locale, product: Product): string {
  return t('catalog-card', {
    title: product.title,
    description: product.description,
    price: formatPrice(product.price, locale),
    deadline: formatDeadline(t, product.deadlineDays),
  });
}

/** True for Telegram's "the edit changes nothing" answer, which is harmless. */
export const isNotModified = (error: unknown): boolean =>
  error instanceof GrammyError && error.description.includes('message is not modified');

interface Card {
  text: string;
  photo: string | null;
  keyboard: InlineKeyboard | undefined;
}

/** Sends a card as a new message: a photo with a caption when there is an image, else text. */
async function sendCard(ctx: BotContext, card: Card): Promise<void> {
  if (card.photo) {
    try {
      await ctx.replyWithPhoto(card.photo, { caption: card.text, reply_markup: card.keyboard });
      return;
    } catch (error) {
      // A file_id from another bot or a deleted file: show the card without its photo.
      if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
      ctx.log.warn({ err: error }, 'product photo could not be sent; showing the text card');
    }
  }
  await ctx.reply(card.text, { reply_markup: card.keyboard });
}

/**
 * Replaces the card the user pressed a button on. Photo → photo uses editMessageMedia and
 * text → text editMessageText; a change between photo and text cannot be an edit in Telegram,
 * so the old message is deleted and the new card sent: the chat still holds a single card.
 */
async function replaceCard(ctx: BotContext, card: Card): Promise<void> {
  const message = ctx.callbackQuery?.message;
  const showsPhoto = message !== undefined && 'photo' in message && message.photo !== undefined;
  try {
    if (message && showsPhoto && card.photo) {
      await ctx.editMessageMedia(
        { type: 'photo', media: card.photo, caption: card.text, parse_mode: 'HTML' },
        { reply_markup: card.keyboard },
      );
      return;
    }
    if (message && !showsPhoto && !card.photo && 'text' in message) {
      await ctx.editMessageText(card.text, { reply_markup: card.keyboard });
      return;
    }
  } catch (error) {
    if (isNotModified(error)) return;
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    ctx.log.warn({ err: error }, 'card could not be edited in place; sending it again');
  }
  if (message) {
    await ctx
      .deleteMessage()
      .catch((error: unknown) => ctx.log.debug({ err: error }, 'old card not deleted'));
  }
  await sendCard(ctx, card);
}

async function catalogPage(ctx: BotContext, page: number): Promise<Card> {
  const { items, page: at, pages } = await ctx.deps.services.catalog.pageActive(page, 1);
  const product = items[0];
  if (!product) return { text: ctx.t('catalog-empty'), photo: null, keyboard: undefined };
  return {
    text: productCardText(ctx.t, ctx.locale, product),
    photo: product.image,
    keyboard: productCardKeyboard(ctx.t, product, { page: at, pages }),
  };
}

/** /catalog: the first product card with ◀ ▶ paging (one product per page). */
export async function showCatalog(ctx: BotContext, page = 0): Promise<void> {
  await sendCard(ctx, await catalogPage(ctx, page));
}

/** One product by id (deep link `p_<id>`): disabled and unknown products get a clear message. */
export async function showProduct(ctx: BotContext, productId: number): Promise<void> {
  const product = await ctx.deps.services.catalog.byId(productId);
  if (!product) {
    await ctx.reply(ctx.t('catalog-product-not-found'));
    return;
  }
  if (!product.isActive) {
    await ctx.reply(ctx.t('catalog-product-unavailable'));
    return;
  }
  await sendCard(ctx, {
    text: productCardText(ctx.t, ctx.locale, product),
    photo: product.image,
    keyboard: productCardKeyboard(ctx.t, product, undefined),
  });
}

/** /catalog behind the channel gate, paging in place, and the `p_<id>` deep link. */
export function catalogFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const gate = requireSubscription('catalog');

  deps.gateResumes.register('catalog', (ctx) => showCatalog(ctx, 0));
  deps.deepLinks.register('p', async (ctx, argument) => {
    const id = /^\d{1,9}$/.test(argument) ? Number(argument) : 0;
    // Pending as the payload, so "I've subscribed" opens this product rather than the catalog.
    await requireSubscription(`p_${argument}`)(ctx, async () => {
      if (id > 0) await showProduct(ctx, id);
      else await ctx.reply(ctx.t('catalog-product-not-found'));
    });
  });

  composer.chatType('private').command('catalog', gate, (ctx) => showCatalog(ctx, 0));

  composer.callbackQuery(/^cat:p:(\d{1,6})$/, gate, async (ctx) => {
    await ctx.answerCallbackQuery();
    await replaceCard(ctx, await catalogPage(ctx, Number(ctx.match[1])));
  });

  return composer;
}
