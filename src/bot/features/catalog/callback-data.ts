import { callbackData, field } from '../../callback-data.js';

/** The categories screen, in place of the pressed message. */
export const catalogHome = callbackData('cat:h', {});
/** A category's list of services, page `page` (0-based), in place. */
export const catalogList = callbackData('cat:l', { category: field.id(), page: field.int(0, 99_999) });
/**
 * A service's card opened from a list: `category`/`page` say which list "back" returns to
 * (category 0: the card came from search results, "back" leads to the categories).
 */
export const catalogCard = callbackData('cat:v', {
  product: field.id(),
  category: field.int(0, 2_147_483_647),
  page: field.int(0, 99_999),
});
/** "🔍 Search": asks for the words. */
export const catalogSearch = callbackData('cat:s', {});
/** Cancel of the search question. */
export const catalogSearchCancel = callbackData('cat:sx', {});
/** A page button of a card from before categories existed (one service per page): opens the catalog in place. */
export const catalogPage = callbackData('cat:p', { page: field.int(0, 999_999) });
