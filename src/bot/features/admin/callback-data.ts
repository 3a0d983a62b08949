import { callbackData, type Field, field } from '../../callback-data.js';

/**
 * Callback data of the admin panel. Every section has its own prefix, guarded by
 * `adminSection(prefix)` before any of these codecs decodes: `adm` menu, `adp` products, `adk` categories, `adc` promo
 * codes, `ado` orders board, `ads` staff, `adt` statistics.
 */

/** A Telegram user id: wider than int4 (ids exceed 32 bits), within JavaScript's safe integers. */
const telegramId: Field<number> = {
  parse(raw) {
    if (!/^[1-9][0-9]{0,15}$/.test(raw)) return undefined;
    const value = Number(raw);
    return Number.isSafeInteger(value) ? value : undefined;
  },
  format(value) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`not a Telegram id: ${value}`);
    return String(value);
  },
  widest: Number.MAX_SAFE_INTEGER,
};

const page = () => field.int(0, 9999);
const onOff = () => field.oneOf('0', '1');

export const adminMenu = callbackData('adm:menu', {});

// Products
export const productList = callbackData('adp:list', { page: page() });
export const productNew = callbackData('adp:new', {});
export const productView = callbackData('adp:v', { product: field.id() });
/** Edit one field: title, description, English title and description, image, price, deadline, category. */
export const productEdit = callbackData('adp:e', {
  product: field.id(),
  field: field.oneOf('t', 'd', 'e', 'f', 'i', 'p', 'l', 'c'),
});
export const productActive = callbackData('adp:on', { product: field.id(), on: onOff() });
export const productDelete = callbackData('adp:del', { product: field.id() });
export const productDeleteYes = callbackData('adp:dely', { product: field.id() });
export const productRemovePhoto = callbackData('adp:nophoto', { product: field.id() });
export const productWizardSkipPhoto = callbackData('adp:skip', {});
/** "Russian only" at the English title (no English texts), "Skip" at the English description. */
export const productWizardNoEnglish = callbackData('adp:noen', {});
export const productWizardSkipDescriptionEn = callbackData('adp:nodesc', {});
/** The category picked for the service (the wizard's category step, or its edit). */
export const productPickCategory = callbackData('adp:cat', { category: field.id() });
export const productWizardSave = callbackData('adp:save', {});
export const productWizardCancel = callbackData('adp:cancel', {});

// Categories
export const categoryList = callbackData('adk:list', {});
export const categoryNew = callbackData('adk:new', {});
export const categoryView = callbackData('adk:v', { category: field.id() });
/** Edit one field: title, English title, emoji. */
export const categoryEdit = callbackData('adk:e', {
  category: field.id(),
  field: field.oneOf('t', 'e', 'm'),
});
export const categoryMove = callbackData('adk:mv', { category: field.id(), dir: field.oneOf('u', 'd') });
export const categoryActive = callbackData('adk:on', { category: field.id(), on: onOff() });
export const categoryDelete = callbackData('adk:del', { category: field.id() });
/** Delete: with no services (`to` 0), or moving them to category `to` first. */
export const categoryDeleteYes = callbackData('adk:dely', {
  category: field.id(),
  to: field.int(0, 2_147_483_647),
});
/** "Skip" of the English title, "No emoji": the optional field left empty (or cleared when editing). */
export const categoryClear = callbackData('adk:clr', {});
export const categoryWizardSave = callbackData('adk:save', {});
export const categoryWizardCancel = callbackData('adk:cancel', {});

// Promo codes
export const promoList = callbackData('adc:list', { page: page() });
export const promoNew = callbackData('adc:new', {});
export const promoView = callbackData('adc:v', { promo: field.id() });
/** Edit one field: code, value, product, expiry, max uses, per-user limit. */
export const promoEdit = callbackData('adc:e', {
  promo: field.id(),
  field: field.oneOf('c', 'v', 'p', 'x', 'm', 'u'),
});
export const promoActive = callbackData('adc:on', { promo: field.id(), on: onOff() });
export const promoDelete = callbackData('adc:del', { promo: field.id() });
export const promoDeleteYes = callbackData('adc:dely', { promo: field.id() });
/** Product picker of the promo wizard: every product, one product, another page of products. */
export const promoPickAll = callbackData('adc:pa', {});
export const promoPickProduct = callbackData('adc:pp', { product: field.id() });
export const promoPickPage = callbackData('adc:pg', { page: page() });
/** Skip an optional step of the wizard, or clear an optional field when editing. */
export const promoSkip = callbackData('adc:skip', {});
export const promoWizardSave = callbackData('adc:save', {});
export const promoWizardCancel = callbackData('adc:cancel', {});

// Orders board
const orderState = () => field.oneOf('c', 'w', 'd', 'x');
export const ordersBoard = callbackData('ado:menu', {});
export const ordersByState = callbackData('ado:l', { state: orderState(), page: field.int(0, 99999) });
/** An order card, remembering the list page to go back to. */
export const ordersCard = callbackData('ado:v', {
  order: field.id(),
  state: orderState(),
  page: field.int(0, 99999),
});

// Staff
const staffRole = () => field.oneOf('s', 'a');
export const staffList = callbackData('ads:list', {});
export const staffMember = callbackData('ads:v', { member: telegramId });
export const staffInvite = callbackData('ads:inv', { role: staffRole() });
export const staffAddById = callbackData('ads:id', {});
/** Change a member's role: asks first (`ads:role`), then changes it (`ads:roley`). */
export const staffSetRole = callbackData('ads:role', { member: telegramId, role: staffRole() });
export const staffSetRoleYes = callbackData('ads:roley', { member: telegramId, role: staffRole() });
export const staffRemove = callbackData('ads:rm', { member: telegramId });
export const staffRemoveYes = callbackData('ads:rmy', { member: telegramId });

// Statistics
export const statsShow = callbackData('adt:show', {});
/** The chart of the last 7, 30 or 90 days, sent under the statistics screen. */
const chartDays = () => field.oneOf('7', '30', '90');
export const statsChart = callbackData('adt:chart', { days: chartDays() });
/** Another period on the chart itself: the chart is redrawn in place. */
export const statsChartPeriod = callbackData('adt:cp', { days: chartDays() });
