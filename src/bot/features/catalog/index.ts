import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { CatalogView } from '../../../services/catalog.js';
import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext, BotDeps } from '../../context.js';
import { defineDialog } from '../../dialog.js';
import { requireSubscription } from '../../middlewares/subscription-gate.js';
import { type Screen, sendScreen, showScreen } from '../../ui/screen.js';
import {
  catalogCard,
  catalogHome,
  catalogList,
  catalogPage,
  catalogSearch,
  catalogSearchCancel,
} from './callback-data.js';
import { productCard } from './card.js';
import { answerInlineQuery } from './inline.js';
import {
  categoriesScreen,
  listScreen,
  SEARCH_RESULTS_MAX,
  SERVICES_PER_PAGE,
  searchScreen,
} from './screens.js';

/** The search question: one step, the words. */
const searchDialog = defineDialog('catalog-search', {
  steps: ['words'] as const,
  freeText: ['words'],
  data: z.object({}),
});

/** A browsing screen from one statement: the list when a category is shown, else the categories. */
function drawBrowseScreen(ctx: BotContext, view: CatalogView): Screen {
  if (view.categoryMissing || view.categoryDisabled) {
    return {
      text: ctx.t(view.categoryMissing ? 'catalog-category-not-found' : 'catalog-category-unavailable'),
      keyboard: new InlineKeyboard().text(ctx.t('search-btn-catalog'), catalogHome.pack({})),
    };
  }
  return view.category ? listScreen(ctx.t, ctx.locale, view) : categoriesScreen(ctx.t, ctx.locale, view);
}

/**
 * Screens drawn from a view, per locale. A view kept in memory by the catalog service (same revision)
 * is the same object, so its screen is drawn once, not on every press; it goes with the view.
 */
const drawn = new WeakMap<CatalogView, Map<string, Screen>>();

function browseScreen(ctx: BotContext, view: CatalogView): Screen {
  let byLocale = drawn.get(view);
  if (!byLocale) {
    byLocale = new Map();
    drawn.set(view, byLocale);
  }
  let screen = byLocale.get(ctx.locale);
  if (!screen) {
    screen = drawBrowseScreen(ctx, view);
    byLocale.set(ctx.locale, screen);
  }
  return screen;
}

/** A browsing screen's data: from memory when the catalog has not changed since it was read (see browse). */
const browse = (ctx: BotContext, category: number, page: number) =>
  ctx.deps.services.catalog.browse(category, page, SERVICES_PER_PAGE, ctx.catalogRevision ?? undefined);

/**
 * A browsing button: the spinner is stopped and the screen redrawn by two Bot API calls sent
 * together, so the customer waits for one round trip, not two in a row.
 */
async function answerAndShow(ctx: BotContext, view: Promise<Readonly<CatalogView>>): Promise<void> {
  await Promise.all([ctx.answerCallbackQuery(), view.then((v) => showScreen(ctx, browseScreen(ctx, v)))]);
}

/** /catalog: the categories, or the only category's list straight away, as a new message. */
export async function showCatalog(ctx: BotContext): Promise<void> {
  await sendScreen(ctx, browseScreen(ctx, await browse(ctx, 0, 0)));
}

/** One service by id (deep link `p_<id>`): disabled and unknown ones get a clear message. */
export async function showProduct(ctx: BotContext, productId: number): Promise<void> {
  const found = await ctx.deps.services.catalog.card(productId, ctx.catalogRevision ?? undefined);
  if (found.status !== 'ok') {
    const key = found.status === 'not_found' ? 'catalog-product-not-found' : 'catalog-product-unavailable';
    await sendScreen(ctx, { text: ctx.t(key) });
    return;
  }
  await sendScreen(ctx, productCard(ctx.t, ctx.locale, found.product));
}

/** Runs a search and shows its results (a new message, or in place of a pressed button's message). */
async function showSearch(ctx: BotContext, query: string): Promise<void> {
  const found = await ctx.deps.services.catalog.search(query, SEARCH_RESULTS_MAX);
  const screen = searchScreen(ctx.t, ctx.locale, query.trim().replace(/\s+/g, ' ').slice(0, 100), found);
  await sendScreen(ctx, screen);
}

/** Asks for the words to search for (/search without words, the 🔍 button). */
async function askSearch(ctx: BotContext): Promise<void> {
  await searchDialog.start(ctx, 'words', {});
  await searchDialog.prompt(ctx, {
    text: ctx.t('search-ask'),
    keyboard: new InlineKeyboard().text(ctx.t('search-btn-cancel'), catalogSearchCancel.pack({})),
  });
}

const parseId = (argument: string) => (/^\d{1,10}$/.test(argument) ? Number(argument) : 0);

/**
 * /catalog and its screens (categories → a category's list → a card, in place), /search, the
 * `p_<id>` and `c_<id>` deep links, all behind the channel gate; and inline mode (`@bot words`).
 */
export function catalogFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const gate = requireSubscription('catalog');
  const chat = composer.chatType('private');

  deps.gateResumes.register('catalog', (ctx) => showCatalog(ctx));
  deps.gateResumes.register('search', (ctx) => askSearch(ctx));
  deps.deepLinks.register('p', async (ctx, argument) => {
    // Pending as the payload, so "I've subscribed" opens this product rather than the catalog.
    await requireSubscription(`p_${argument}`)(ctx, async () => {
      const id = parseId(argument);
      if (id > 0) await showProduct(ctx, id);
      else await sendScreen(ctx, { text: ctx.t('catalog-product-not-found') });
    });
  });
  deps.deepLinks.register('c', async (ctx, argument) => {
    await requireSubscription(`c_${argument}`)(ctx, async () => {
      if (argument === 'all') {
        await showCatalog(ctx);
        return;
      }
      const id = parseId(argument);
      if (id > 0 && id <= 2_147_483_647) await sendScreen(ctx, browseScreen(ctx, await browse(ctx, id, 0)));
      else await sendScreen(ctx, { text: ctx.t('catalog-category-not-found') });
    });
  });

  chat.command('catalog', gate, (ctx) => showCatalog(ctx));
  chat.command('search', requireSubscription('search'), async (ctx) => {
    const words = typeof ctx.match === 'string' ? ctx.match.trim() : '';
    if (words) await showSearch(ctx, words);
    else await askSearch(ctx);
  });

  chat.on('message').filter(searchDialog.answers(), async (ctx) => {
    const words = ctx.message.text?.trim();
    if (!words) {
      await sendScreen(ctx, { text: ctx.t('search-need-text') });
      return;
    }
    await searchDialog.end(ctx);
    await showSearch(ctx, words);
  });

  composer.callbackQuery(
    catalogHome.filter,
    gate,
    onCallback(catalogHome, async (ctx) => {
      await answerAndShow(ctx, browse(ctx, 0, 0));
    }),
  );

  composer.callbackQuery(
    catalogPage.filter,
    gate,
    onCallback(catalogPage, async (ctx) => {
      await answerAndShow(ctx, browse(ctx, 0, 0));
    }),
  );

  composer.callbackQuery(
    catalogList.filter,
    gate,
    onCallback(catalogList, async (ctx, { category, page }) => {
      await answerAndShow(ctx, browse(ctx, category, page));
    }),
  );

  composer.callbackQuery(
    catalogCard.filter,
    onCallback(catalogCard, (ctx, { product, category, page }) =>
      // A non-subscriber comes back to this card after "I've subscribed".
      requireSubscription(`p_${product}`)(ctx, async () => {
        const found = await ctx.deps.services.catalog.card(product, ctx.catalogRevision ?? undefined);
        if (found.status !== 'ok') {
          await ctx.answerCallbackQuery({ text: ctx.t('catalog-product-unavailable'), show_alert: true });
          return;
        }
        await ctx.answerCallbackQuery();
        const origin = category > 0 ? { category, page } : undefined;
        await showScreen(ctx, productCard(ctx.t, ctx.locale, found.product, origin));
      }),
    ),
  );

  composer.callbackQuery(
    catalogSearch.filter,
    requireSubscription('search'),
    onCallback(catalogSearch, async (ctx) => {
      await ctx.answerCallbackQuery();
      await askSearch(ctx);
    }),
  );

  composer.callbackQuery(
    catalogSearchCancel.filter,
    onCallback(catalogSearchCancel, async (ctx) => {
      await ctx.answerCallbackQuery();
      if (searchDialog.isIn(ctx)) await searchDialog.end(ctx);
      await showScreen(ctx, { text: ctx.t('search-cancelled') });
    }),
  );

  composer.on('inline_query', answerInlineQuery);

  return composer;
}
