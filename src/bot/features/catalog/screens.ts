import { InlineKeyboard } from 'grammy';
import {
  type CatalogItem,
  type CatalogView,
  type CategoryEntry,
  localizedTitle,
} from '../../../services/catalog.js';
import { html } from '../../../telegram/markup.js';
import { formatPrice } from '../../../text/format.js';
import type { Locale, Translate } from '../../../text/i18n.js';
import { addPageRow } from '../../ui/pagination.js';
import type { Screen } from '../../ui/screen.js';
import { catalogCard, catalogHome, catalogList, catalogSearch } from './callback-data.js';
import { formatDeadline } from './card.js';

/** Services per list page: one button each, so the keyboard stays short on a phone. */
export const SERVICES_PER_PAGE = 8;
/** Search results shown at most (a longer list asks the customer to narrow the words). */
export const SEARCH_RESULTS_MAX = 10;

const BUTTON_LABEL_MAX = 60;
const label = (text: string) => [...text].slice(0, BUTTON_LABEL_MAX).join('');

export const categoryLabel = (category: Pick<CategoryEntry, 'title' | 'titleEn' | 'emoji'>, locale: Locale) =>
  `${category.emoji ? `${category.emoji} ` : ''}${localizedTitle(category, locale)}`;

/** The categories, each with its count of services on sale, and "🔍 Search". */
export function categoriesScreen(t: Translate, locale: Locale, view: CatalogView): Screen {
  if (view.categories.length === 0) return { text: t('catalog-empty') };
  const keyboard = new InlineKeyboard();
  for (const category of view.categories) {
    keyboard
      .text(
        label(`${categoryLabel(category, locale)} · ${category.count}`),
        catalogList.pack({ category: category.id, page: 0 }),
      )
      .row();
  }
  keyboard.text(t('catalog-btn-search'), catalogSearch.pack({}));
  return { text: t('catalog-categories'), keyboard };
}

/** "1. Лендинг · 45 000 ₽ · 5 дней" lines and one button per service (numbered like the lines). */
function overview(
  t: Translate,
  locale: Locale,
  items: CatalogItem[],
  first: number,
  cardData: (item: CatalogItem) => string,
): { rows: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  const rows = items.map((item, i) => {
    const title = localizedTitle(item, locale);
    keyboard.text(label(`${first + i + 1}. ${title}`), cardData(item)).row();
    return t('catalog-list-row', {
      n: first + i + 1,
      title,
      price: formatPrice(item.price, locale),
      deadline: formatDeadline(t, item.deadlineDays),
    });
  });
  return { rows: rows.join('\n'), keyboard };
}

/** A category's services on one page: the overview lines, a button per service, ◀ n/N ▶, the way back. */
export function listScreen(t: Translate, locale: Locale, view: CatalogView): Screen {
  const category = view.category;
  if (!category) return categoriesScreen(t, locale, view);
  const back = view.categories.length > 1 || !view.categories.some((c) => c.id === category.id);
  if (view.items.length === 0) {
    const keyboard = new InlineKeyboard().text(t('catalog-btn-categories'), catalogHome.pack({}));
    return { text: t(view.categories.length === 0 ? 'catalog-empty' : 'catalog-category-empty'), keyboard };
  }
  const { rows, keyboard } = overview(t, locale, view.items, view.page * SERVICES_PER_PAGE, (item) =>
    catalogCard.pack({ product: item.id, category: category.id, page: view.page }),
  );
  addPageRow(keyboard, view.page, view.pages, (page) => catalogList.pack({ category: category.id, page }));
  keyboard.row();
  if (back) keyboard.text(t('catalog-btn-categories'), catalogHome.pack({}));
  keyboard.text(t('catalog-btn-search'), catalogSearch.pack({}));
  return {
    text: t('catalog-list', {
      category: categoryLabel(category, locale),
      total: view.total,
      rows: html(rows),
    }),
    keyboard,
  };
}

/** Search results as the overview list; nothing found offers the categories. */
export function searchScreen(
  t: Translate,
  locale: Locale,
  query: string,
  found: { items: CatalogItem[]; total: number },
): Screen {
  if (found.items.length === 0) {
    return {
      text: t('search-nothing', { query }),
      keyboard: new InlineKeyboard()
        .text(t('search-btn-catalog'), catalogHome.pack({}))
        .text(t('catalog-btn-search'), catalogSearch.pack({})),
    };
  }
  const { rows, keyboard } = overview(t, locale, found.items, 0, (item) =>
    catalogCard.pack({ product: item.id, category: 0, page: 0 }),
  );
  keyboard
    .text(t('search-btn-catalog'), catalogHome.pack({}))
    .text(t('catalog-btn-search'), catalogSearch.pack({}));
  const more =
    found.total > found.items.length ? `\n\n${t('search-results-more', { shown: found.items.length })}` : '';
  return { text: `${t('search-results', { query, total: found.total, rows: html(rows) })}${more}`, keyboard };
}
