import type { PromoCode } from '../../../services/promo.js';
import { html } from '../../../telegram/markup.js';
import { adminSection } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext } from '../../context.js';
import { showScreen, showScreenAt } from '../../ui/screen.js';
import {
  promoActive,
  promoDelete,
  promoDeleteYes,
  promoEdit,
  promoList,
  promoNew,
  promoPickAll,
  promoPickPage,
  promoPickProduct,
  promoSkip,
  promoView,
  promoWizardCancel,
  promoWizardSave,
} from './callback-data.js';
import { confirmKeyboard, PROMOS_PER_PAGE, promoListKeyboard, promoViewKeyboard } from './keyboards.js';
import { type PromoField, promoDetails } from './promo-fields.js';
import { promoWizard, skipPatch } from './promo-wizard.js';

const FIELD_OF_CODE = { c: 'code', v: 'value', p: 'product', x: 'expiry', m: 'max', u: 'peruser' } as const;

/** The code's admin screen: in place of the pressed message, of message `at`, or as a new message. */
async function showPromo(ctx: BotContext, promo: PromoCode, at?: number): Promise<void> {
  const details = await promoDetails(ctx, promo, promo.usesCount);
  const text = ctx.t('admin-promo-view', {
    details: html(details),
    status: ctx.t(promo.isActive ? 'admin-promo-active' : 'admin-promo-disabled'),
  });
  const screen = { text, keyboard: promoViewKeyboard(ctx, promo) };
  const chatId = ctx.chat?.id;
  if (at !== undefined && chatId !== undefined)
    await showScreenAt(ctx.api, { chatId, messageId: at }, screen, ctx.log);
  else await showScreen(ctx, screen);
}

async function showList(ctx: BotContext, page: number): Promise<void> {
  const result = await ctx.deps.services.promo.list(page, PROMOS_PER_PAGE);
  const text = ctx.t(result.total === 0 ? 'admin-promos-empty' : 'admin-promos', { total: result.total });
  await showScreen(ctx, { text, keyboard: promoListKeyboard(ctx, result.items, result.page, result.pages) });
}

/**
 * The promo code a button refers to, with the callback query answered; when it no longer exists, says so and shows
 * the list instead (then `undefined`).
 */
async function openedPromo(ctx: BotContext, id: number): Promise<PromoCode | undefined> {
  const promo = await ctx.deps.services.promo.byId(id);
  await ctx.answerCallbackQuery(promo ? undefined : { text: ctx.t('admin-promo-gone') });
  if (!promo) await showList(ctx, 0);
  return promo;
}

const wizard = promoWizard(showPromo);

/** The wizard's position when `accepts` its current field; otherwise the button is out of date (answered so). */
async function atField(ctx: BotContext, accepts: (field: PromoField) => boolean) {
  const at = wizard.position(ctx);
  if (at && accepts(at.field)) return at;
  await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
  return undefined;
}

const section = adminSection('adc');
/** Promo codes: list with usage, creation wizard, per-field edits, disable/enable, delete. */
export const adminPromoFeature = new Composer<BotContext>();
adminPromoFeature.use(section.composer);
const admin = section.admin;

admin.callbackQuery(
  promoList.filter,
  onCallback(promoList, async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await showList(ctx, page);
  }),
);

// Also the Cancel of a field edit: leaving for the code's screen ends the edit.
admin.callbackQuery(
  promoView.filter,
  onCallback(promoView, async (ctx, { promo: id }) => {
    const promo = await openedPromo(ctx, id);
    if (!promo) return;
    await wizard.endEdit(ctx);
    await showPromo(ctx, promo);
  }),
);

admin.callbackQuery(
  promoNew.filter,
  onCallback(promoNew, async (ctx) => {
    await ctx.answerCallbackQuery();
    await wizard.startNew(ctx);
  }),
);

admin.callbackQuery(
  promoWizardCancel.filter,
  onCallback(promoWizardCancel, async (ctx) => {
    await wizard.endNew(ctx);
    await ctx.answerCallbackQuery({ text: ctx.t('admin-wizard-cancelled') });
    await showList(ctx, 0);
  }),
);

admin.callbackQuery(
  promoEdit.filter,
  onCallback(promoEdit, async (ctx, { promo: id, field }) => {
    if (!(await ctx.deps.services.promo.byId(id))) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-promo-gone') });
      await showList(ctx, 0);
      return;
    }
    await ctx.answerCallbackQuery();
    await wizard.startEdit(ctx, id, FIELD_OF_CODE[field]);
  }),
);

const isProductField = (field: PromoField) => field === 'product';

admin.callbackQuery(
  promoPickAll.filter,
  onCallback(promoPickAll, async (ctx) => {
    if (await atField(ctx, isProductField)) await wizard.accept(ctx, { productId: null });
  }),
);

admin.callbackQuery(
  promoPickProduct.filter,
  onCallback(promoPickProduct, async (ctx, { product: id }) => {
    if (!(await atField(ctx, isProductField))) return;
    const product = await ctx.deps.services.catalog.byId(id);
    if (!product) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-product-gone') });
      return;
    }
    await wizard.accept(ctx, { productId: product.id });
  }),
);

admin.callbackQuery(
  promoPickPage.filter,
  onCallback(promoPickPage, async (ctx, { page }) => {
    if (await atField(ctx, isProductField)) await wizard.turnPage(ctx, page);
  }),
);

admin.callbackQuery(
  promoSkip.filter,
  onCallback(promoSkip, async (ctx) => {
    const at = wizard.position(ctx);
    const patch = at && skipPatch(at.field, at.mode);
    if (!patch) {
      await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
      return;
    }
    await wizard.accept(ctx, patch);
  }),
);

admin.callbackQuery(promoWizardSave.filter, onCallback(promoWizardSave, wizard.save));

adminPromoFeature.on('message', wizard.onMessage);

admin.callbackQuery(
  promoActive.filter,
  onCallback(promoActive, async (ctx, { promo: id, on }) => {
    const promo = await ctx.deps.services.promo.setActive(id, on === '1');
    if (!promo) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-promo-gone') });
      await showList(ctx, 0);
      return;
    }
    await ctx.answerCallbackQuery({
      text: ctx.t(promo.isActive ? 'admin-promo-enabled' : 'admin-promo-was-disabled'),
    });
    await showPromo(ctx, promo);
  }),
);

admin.callbackQuery(
  promoDelete.filter,
  onCallback(promoDelete, async (ctx, { promo: id }) => {
    const promo = await openedPromo(ctx, id);
    if (!promo) return;
    await showScreen(ctx, {
      text: ctx.t('admin-promo-delete-confirm', { code: promo.code }),
      keyboard: confirmKeyboard(ctx, promoDeleteYes.pack({ promo: id }), promoView.pack({ promo: id })),
    });
  }),
);

admin.callbackQuery(
  promoDeleteYes.filter,
  onCallback(promoDeleteYes, async (ctx, { promo: id }) => {
    const deleted = await ctx.deps.services.promo.delete(id);
    await ctx.answerCallbackQuery({ text: ctx.t(deleted ? 'admin-promo-deleted' : 'admin-promo-gone') });
    await showList(ctx, 0);
  }),
);
