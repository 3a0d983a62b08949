import { InlineKeyboard } from 'grammy';
import type { Product } from '../../../services/catalog.js';
import { formatDateTime, formatPrice } from '../../../text/format.js';
import { adminSection } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext } from '../../context.js';
import { showScreen, showScreenAt } from '../../ui/screen.js';
import {
  productActive,
  productDelete,
  productDeleteYes,
  productEdit,
  productList,
  productNew,
  productPickCategory,
  productRemovePhoto,
  productView,
  productWizardCancel,
  productWizardNoEnglish,
  productWizardSave,
  productWizardSkipDescriptionEn,
  productWizardSkipPhoto,
} from './callback-data.js';
import { confirmKeyboard, PRODUCTS_PER_PAGE, productListKeyboard, productViewKeyboard } from './keyboards.js';
import { FIELD_OF_CODE, productWizard } from './product-wizard.js';

function productText(ctx: BotContext, product: Product, category: string): string {
  const { timezone } = ctx.deps.config;
  const english = product.titleEn
    ? ctx.t('admin-product-english', {
        title: product.titleEn,
        description: product.descriptionEn ?? product.description,
      })
    : ctx.t('admin-product-no-english');
  const view = ctx.t('admin-product-view', {
    id: product.id,
    title: product.title,
    description: product.description,
    price: formatPrice(product.price, ctx.locale),
    deadline: product.deadlineDays,
    photo: ctx.t(product.image ? 'admin-yes' : 'admin-no'),
    status: ctx.t(product.isActive ? 'admin-product-active' : 'admin-product-disabled'),
    created: formatDateTime(product.createdOn, ctx.locale, timezone),
    updated: formatDateTime(product.updatedOn, ctx.locale, timezone),
  });
  return `${view}\n${ctx.t('admin-product-category', { category })}\n\n${english}`;
}

/** The product's admin screen: in place of the pressed message, of message `at`, or as a new message. */
async function showProduct(ctx: BotContext, product: Product, at?: number): Promise<void> {
  const category = await ctx.deps.services.categories.byId(product.categoryId);
  const name = category ? `${category.isActive ? '' : '🚫 '}${category.title}` : '—';
  const screen = { text: productText(ctx, product, name), keyboard: productViewKeyboard(ctx, product) };
  const chatId = ctx.chat?.id;
  if (at !== undefined && chatId !== undefined)
    await showScreenAt(ctx.api, { chatId, messageId: at }, screen, ctx.log);
  else await showScreen(ctx, screen);
}

async function showList(ctx: BotContext, page: number): Promise<void> {
  const result = await ctx.deps.services.catalog.pageAll(page, PRODUCTS_PER_PAGE);
  const text = ctx.t(result.total === 0 ? 'admin-products-empty' : 'admin-products', {
    total: result.total,
  });
  await showScreen(ctx, {
    text,
    keyboard: productListKeyboard(ctx, result.items, result.page, result.pages),
  });
}

/**
 * The product a button refers to, with the callback query answered; when it no longer exists, says so and shows
 * the list instead (then `undefined`).
 */
async function openedProduct(ctx: BotContext, id: number): Promise<Product | undefined> {
  const product = await ctx.deps.services.catalog.byId(id);
  await ctx.answerCallbackQuery(product ? undefined : { text: ctx.t('admin-product-gone') });
  if (!product) await showList(ctx, 0);
  return product;
}

const wizard = productWizard(showProduct);

const section = adminSection('adp');
/** Products: paginated list, creation wizard with a customer preview, per-field edits, disable, delete. */
export const adminProductsFeature = new Composer<BotContext>();
adminProductsFeature.use(section.composer);
const admin = section.admin;

// Leaving for the list or the product's screen (also the Cancel of a field edit) ends an edit, so a
// later message (e.g. a reply to a customer) does not become the product's new title or price.
admin.callbackQuery(
  productList.filter,
  onCallback(productList, async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await wizard.endEdit(ctx);
    await showList(ctx, page);
  }),
);

admin.callbackQuery(
  productView.filter,
  onCallback(productView, async (ctx, { product: id }) => {
    await wizard.endEdit(ctx);
    const product = await openedProduct(ctx, id);
    if (product) await showProduct(ctx, product);
  }),
);

admin.callbackQuery(
  productNew.filter,
  onCallback(productNew, async (ctx) => {
    await ctx.answerCallbackQuery();
    await wizard.startNew(ctx);
  }),
);

admin.callbackQuery(
  productWizardCancel.filter,
  onCallback(productWizardCancel, async (ctx) => {
    await wizard.end(ctx);
    await ctx.answerCallbackQuery({ text: ctx.t('admin-wizard-cancelled') });
    await showList(ctx, 0);
  }),
);

admin.callbackQuery(
  productWizardSkipPhoto.filter,
  onCallback(productWizardSkipPhoto, async (ctx) => {
    const at = wizard.position(ctx);
    if (at?.mode !== 'new' || at.field !== 'image') {
      await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
      return;
    }
    await wizard.accept(ctx, { image: null });
  }),
);

admin.callbackQuery(
  productWizardNoEnglish.filter,
  onCallback(productWizardNoEnglish, async (ctx) => {
    if (wizard.position(ctx)?.field !== 'titleEn') {
      await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
      return;
    }
    await wizard.accept(ctx, { titleEn: null, descriptionEn: null });
  }),
);

admin.callbackQuery(
  productWizardSkipDescriptionEn.filter,
  onCallback(productWizardSkipDescriptionEn, async (ctx) => {
    if (wizard.position(ctx)?.field !== 'descriptionEn') {
      await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
      return;
    }
    await wizard.accept(ctx, { descriptionEn: null });
  }),
);

admin.callbackQuery(
  productPickCategory.filter,
  onCallback(productPickCategory, async (ctx, { category }) => {
    if (wizard.position(ctx)?.field !== 'category') {
      await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
      return;
    }
    await wizard.accept(ctx, { categoryId: category });
  }),
);

admin.callbackQuery(productWizardSave.filter, onCallback(productWizardSave, wizard.save));

// Wizard and edit answers: text for title / description / price / deadline, a photo for the image.
adminProductsFeature.on('message', wizard.onMessage);

admin.callbackQuery(
  productEdit.filter,
  onCallback(productEdit, async (ctx, { product: id, field }) => {
    const product = await openedProduct(ctx, id);
    if (!product) return;
    const buttons =
      field === 'i' && product.image
        ? new InlineKeyboard().text(
            ctx.t('admin-product-btn-remove-photo'),
            productRemovePhoto.pack({ product: id }),
          )
        : undefined;
    await wizard.startEdit(ctx, id, FIELD_OF_CODE[field], buttons);
  }),
);

admin.callbackQuery(
  productRemovePhoto.filter,
  onCallback(productRemovePhoto, async (ctx, { product: id }) => {
    await wizard.endEdit(ctx);
    const result = await ctx.deps.services.catalog.update(id, { image: null });
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-product-gone') });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t('admin-product-updated') });
    await showProduct(ctx, result.product);
  }),
);

admin.callbackQuery(
  productActive.filter,
  onCallback(productActive, async (ctx, { product: id, on }) => {
    const product = await ctx.deps.services.catalog.setActive(id, on === '1');
    if (!product) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-product-gone') });
      await showList(ctx, 0);
      return;
    }
    await ctx.answerCallbackQuery({
      text: ctx.t(product.isActive ? 'admin-product-enabled' : 'admin-product-was-disabled'),
    });
    await showProduct(ctx, product);
  }),
);

admin.callbackQuery(
  productDelete.filter,
  onCallback(productDelete, async (ctx, { product: id }) => {
    const product = await openedProduct(ctx, id);
    if (!product) return;
    await showScreen(ctx, {
      text: ctx.t('admin-product-delete-confirm', { title: product.title }),
      keyboard: confirmKeyboard(
        ctx,
        productDeleteYes.pack({ product: id }),
        productView.pack({ product: id }),
      ),
    });
  }),
);

admin.callbackQuery(
  productDeleteYes.filter,
  onCallback(productDeleteYes, async (ctx, { product: id }) => {
    const deleted = await ctx.deps.services.catalog.delete(id);
    await ctx.answerCallbackQuery({ text: ctx.t(deleted ? 'admin-product-deleted' : 'admin-product-gone') });
    await showList(ctx, 0);
  }),
);
