import { callbackData, field } from '../../callback-data.js';

/** Catalog page `page` (0-based, one product per page), shown in place of the pressed card. */
export const catalogPage = callbackData('cat:p', { page: field.int(0, 999_999) });
