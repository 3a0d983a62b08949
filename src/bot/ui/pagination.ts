import type { InlineKeyboard } from 'grammy';

/** Number of pages for `total` items, at least 1. */
export const pageCount = (total: number, perPage: number): number => Math.max(1, Math.ceil(total / perPage));

/** Keeps a requested page inside 0 … pages-1 (a stale button may point past the end). */
export const clampPage = (page: number, pages: number): number => Math.min(Math.max(0, page), pages - 1);

/**
 * Adds a `◀ 2/5 ▶` row navigating in place: `callback(page)` builds each button's data.
 * Nothing is added for a single page. The middle button is inert (`noop`).
 */
export function addPageRow(
  keyboard: InlineKeyboard,
  page: number,
  pages: number,
  callback: (page: number) => string,
): InlineKeyboard {
  if (pages <= 1) return keyboard;
  keyboard.row();
  keyboard.text('◀', callback((page - 1 + pages) % pages));
  keyboard.text(`${page + 1}/${pages}`, 'noop');
  keyboard.text('▶', callback((page + 1) % pages));
  return keyboard;
}
