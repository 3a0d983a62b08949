import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext, BotDeps } from '../../context.js';
import { requireSubscription } from '../../middlewares/subscription-gate.js';
import { type Screen, sendScreen, showScreen } from '../../ui/screen.js';
import { catalogPage } from './callback-data.js';
import { productCard } from './card.js';

async function catalogScreen(ctx: BotContext, page: number): Promise<Screen> {
  const { items, page: at, pages } = await ctx.deps.services.catalog.pageActive(page, 1);
  const product = items[0];
  if (!product) return { text: ctx.t('catalog-empty') };
  return productCard(ctx.t, ctx.locale, product, { page: at, pages });
}

/** /catalog: the first product card with ◀ ▶ paging (one product per page), as a new message. */
export async function showCatalog(ctx: BotContext, page = 0): Promise<void> {
  await sendScreen(ctx, await catalogScreen(ctx, page));
}

/** One product by id (deep link `p_<id>`): disabled and unknown products get a clear message. */
export async function showProduct(ctx: BotContext, productId: number): Promise<void> {
  const product = await ctx.deps.services.catalog.byId(productId);
  if (!product) {
    await sendScreen(ctx, { text: ctx.t('catalog-product-not-found') });
    return;
  }
  if (!product.isActive) {
    await sendScreen(ctx, { text: ctx.t('catalog-product-unavailable') });
    return;
  }
  await sendScreen(ctx, productCard(ctx.t, ctx.locale, product));
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
      else await sendScreen(ctx, { text: ctx.t('catalog-product-not-found') });
    });
  });

  composer.chatType('private').command('catalog', gate, (ctx) => showCatalog(ctx, 0));

  composer.callbackQuery(
    catalogPage.filter,
    gate,
    onCallback(catalogPage, async (ctx, { page }) => {
      await ctx.answerCallbackQuery();
      await showScreen(ctx, await catalogScreen(ctx, page));
    }),
  );

  return composer;
}
