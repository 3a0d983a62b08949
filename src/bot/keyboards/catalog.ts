import { InlineKeyboard } from 'grammy';
import type { Product } from '../../services/catalog.js';
import type { Translate } from '../../text/i18n.js';
import { addPageRow } from './pagination.js';

/**
 * Callback data of the catalog and the checkout (all ≤ 64 bytes):
 * - `cat:p:<page>`           show catalog page <page> (0-based) in place
 * - `ord:new:<productId>`    start ordering a product
 * - `ord:em:<key>`           reuse the saved email in checkout <key>
 * - `ord:skip:<key>`         continue without a promo code
 * - `ord:ok:<key>`           confirm the order
 * - `ord:no:<key>`           leave the checkout
 * <key> is the checkout's random idempotency key, so a button of an older checkout cannot act on a newer one.
 */
export const catalogPageData = (page: number): string => `cat:p:${page}`;
export const orderStartData = (productId: number): string => `ord:new:${productId}`;
export type CheckoutAction = 'em' | 'skip' | 'ok' | 'no';
export const checkoutData = (action: CheckoutAction, key: string): string => `ord:${action}:${key}`;

/** "Order" plus the ◀ n/N ▶ row when the card is a catalog page; a lone card gets "All services". */
export function productCardKeyboard(
  t: Translate,
  product: Product,
  paging: { page: number; pages: number } | undefined,
): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t('catalog-btn-order'), orderStartData(product.id));
  if (paging) addPageRow(keyboard, paging.page, paging.pages, catalogPageData);
  else keyboard.row().text(t('catalog-btn-all'), catalogPageData(0));
  return keyboard;
}

export function emailStepKeyboard(t: Translate, key: string, savedEmail: string | null): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (savedEmail)
    keyboard.text(t('order-btn-use-email', { email: savedEmail }), checkoutData('em', key)).row();
  return keyboard.text(t('order-btn-cancel'), checkoutData('no', key));
}

export function promoStepKeyboard(t: Translate, key: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('order-btn-skip-promo'), checkoutData('skip', key))
    .row()
    .text(t('order-btn-cancel'), checkoutData('no', key));
}

export function summaryKeyboard(t: Translate, key: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('order-btn-confirm'), checkoutData('ok', key))
    .text(t('order-btn-cancel'), checkoutData('no', key));
}
