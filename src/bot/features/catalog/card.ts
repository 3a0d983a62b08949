import { InlineKeyboard } from 'grammy';
import { type CatalogItem, localizedDescription, localizedTitle } from '../../../services/catalog.js';
import { formatPrice } from '../../../text/format.js';
import type { Locale, Translate } from '../../../text/i18n.js';
import type { Screen } from '../../ui/screen.js';
import { startCheckout } from '../checkout/callback-data.js';
import { catalogHome, catalogList } from './callback-data.js';

/** "3 дня", "5 дней", "1 day": the deadline with the locale's plural rules. */
export const formatDeadline = (t: Translate, days: number): string => t('catalog-days', { n: days });

type CardTexts = Pick<
  CatalogItem,
  'title' | 'titleEn' | 'description' | 'descriptionEn' | 'price' | 'deadlineDays'
>;

/** The text (or photo caption) of a product card, in the reader's language (English when set, else Russian). */
export function productCardText(t: Translate, locale: Locale, product: CardTexts): string {
  return t('catalog-card', {
    title: localizedTitle(product, locale),
    description: localizedDescription(product, locale),
    price: formatPrice(product.price, locale),
    deadline: formatDeadline(t, product.deadlineDays),
  });
}

/** Where a card was opened from: a category's list page (its "back" returns there), or anywhere else. */
export type CardOrigin = { category: number; page: number } | undefined;

/** A product's card: its photo when it has one, the texts, "Order", and the way back. */
export function productCard(t: Translate, locale: Locale, product: CatalogItem, origin?: CardOrigin): Screen {
  const keyboard = new InlineKeyboard()
    .text(t('catalog-btn-order'), startCheckout.pack({ product: product.id }))
    .row();
  if (origin) keyboard.text(t('catalog-btn-back-list'), catalogList.pack(origin));
  else keyboard.text(t('catalog-btn-all'), catalogHome.pack({}));
  return { text: productCardText(t, locale, product), photo: product.image, keyboard };
}
