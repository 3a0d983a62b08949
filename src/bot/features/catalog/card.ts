import { InlineKeyboard } from 'grammy';
import type { Product } from '../../../services/catalog.js';
import { formatPrice } from '../../../text/format.js';
import type { Locale, Translate } from '../../../text/i18n.js';
import { addPageRow } from '../../ui/pagination.js';
import type { Screen } from '../../ui/screen.js';
import { startCheckout } from '../checkout/callback-data.js';
import { catalogPage } from './callback-data.js';

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

/** "Order" plus the ◀ n/N ▶ row when the card is a catalog page; a lone card gets "All services". */
function productCardKeyboard(
  t: Translate,
  product: Product,
  paging: { page: number; pages: number } | undefined,
): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(
    t('catalog-btn-order'),
    startCheckout.pack({ product: product.id }),
  );
  if (paging) addPageRow(keyboard, paging.page, paging.pages, (page) => catalogPage.pack({ page }));
  else keyboard.row().text(t('catalog-btn-all'), catalogPage.pack({ page: 0 }));
  return keyboard;
}

/** A product's card: its photo when it has one, the texts, "Order", and paging when it is a catalog page. */
export function productCard(
  t: Translate,
  locale: Locale,
  product: Product,
  paging?: { page: number; pages: number },
): Screen {
  return {
    text: productCardText(t, locale, product),
    photo: product.image,
    keyboard: productCardKeyboard(t, product, paging),
  };
}
