import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { PromoCode, PromoInput, PromoSaveResult } from '../../../services/promo.js';
import { html } from '../../../telegram/markup.js';
import type { MessageKey } from '../../../text/i18n.js';
import type { BotContext } from '../../context.js';
import { defineDialog } from '../../dialog.js';
import { addPageRow } from '../../ui/pagination.js';
import {
  promoPickAll,
  promoPickPage,
  promoPickProduct,
  promoSkip,
  promoView,
  promoWizardCancel,
  promoWizardSave,
} from './callback-data.js';
import { fieldWizard, needText, type SaveResult } from './field-wizard.js';
import {
  PROMO_FIELD_NAMES,
  PROMO_FIELDS,
  PromoDraft,
  type PromoField,
  parsePromoField,
  promoDetails,
  promoErrorKey,
  promoInput,
} from './promo-fields.js';

/** The creation wizard and the one-field edit of a promo code. */

const PRODUCTS_PER_PICK = 6;
const TYPED_FIELDS = ['code', 'value', 'expiry', 'max', 'peruser'] as const;

const createDialog = defineDialog('admin-promo-new', {
  steps: [...PROMO_FIELD_NAMES, 'summary'] as const,
  freeText: TYPED_FIELDS,
  data: PromoDraft,
  adminPanel: true,
});

const editDialog = defineDialog('admin-promo-edit', {
  steps: PROMO_FIELD_NAMES,
  freeText: TYPED_FIELDS,
  data: z.object({
    id: z.number().int(),
    field: z.enum(PROMO_FIELD_NAMES),
    screen: z.number().int().optional(),
  }),
  adminPanel: true,
});

/** The draft values of the Skip (new) / Clear (edit) button of an optional field. */
export function skipPatch(field: PromoField, mode: 'new' | 'edit'): Partial<PromoDraft> | undefined {
  if (field === 'expiry') return { expiresAt: null };
  if (field === 'max') return { maxUses: null };
  if (field === 'peruser' && mode === 'new') return { perUserLimit: 1 };
  return undefined;
}

/** The label of that button, for the fields that have one. */
const SKIP_LABEL: Record<'new' | 'edit', Partial<Record<PromoField, MessageKey>>> = {
  new: {
    expiry: 'admin-promo-btn-skip-expiry',
    max: 'admin-promo-btn-skip-max',
    peruser: 'admin-promo-btn-skip-peruser',
  },
  edit: { expiry: 'admin-promo-btn-clear-expiry', max: 'admin-promo-btn-clear-max' },
};

/** Asks for a field: optional fields get a Skip/Clear button, the product step gets a product picker. */
async function questionButtons(
  ctx: BotContext,
  field: PromoField,
  mode: 'new' | 'edit',
  pickerPage: number,
): Promise<InlineKeyboard> {
  const keyboard = new InlineKeyboard();
  if (field === 'product') {
    const page = await ctx.deps.services.catalog.pageAll(pickerPage, PRODUCTS_PER_PICK);
    keyboard.text(ctx.t('admin-promo-all-products'), promoPickAll.pack({})).row();
    for (const p of page.items)
      keyboard.text(`${p.isActive ? '' : '🚫 '}${p.title}`, promoPickProduct.pack({ product: p.id })).row();
    addPageRow(keyboard, page.page, page.pages, (n) => promoPickPage.pack({ page: n }));
  } else {
    const label = SKIP_LABEL[mode][field];
    if (label && skipPatch(field, mode)) keyboard.text(ctx.t(label), promoSkip.pack({}));
  }
  return keyboard;
}

function saved(
  ctx: BotContext,
  result: PromoSaveResult,
  refused: PromoField,
): SaveResult<PromoField, PromoCode> {
  if (result.ok) return { ok: true, entity: result.promo };
  if (result.reason === 'not_found') return { ok: false, gone: true };
  return { ok: false, field: refused, refusal: ctx.t(promoErrorKey(result.reason)) };
}

/** Builds the promo wizard; `show` draws a saved code's screen. */
export function promoWizard(show: (ctx: BotContext, promo: PromoCode, at?: number) => Promise<void>) {
  return fieldWizard<PromoField, 'summary', PromoDraft, PromoCode>({
    create: createDialog,
    final: 'summary',
    fields: PROMO_FIELDS,
    edit: {
      dialog: editDialog,
      start: (ctx, id, field, screen) =>
        editDialog.start(ctx, field, { id, field, ...(screen ? { screen } : {}) }),
      read: (ctx) => editDialog.read(ctx)?.data,
    },
    buttonFields: ['product'],
    cancelData: (mode, id) =>
      mode === 'new' || id === undefined ? promoWizardCancel.pack({}) : promoView.pack({ promo: id }),
    async question(ctx, field, mode, page) {
      return {
        text: ctx.t(`admin-promo-ask-${field}`),
        buttons: await questionButtons(ctx, field, mode, page),
      };
    },
    async parse(ctx, field, reply, selfId) {
      if (reply.text === undefined || field === 'product') return needText(ctx);
      return parsePromoField(ctx, field, reply.text, selfId);
    },
    async preview(ctx, draft, prompt) {
      const details = await promoDetails(ctx, draft as Required<PromoDraft>);
      await prompt({
        text: ctx.t('admin-promo-summary', { details: html(details) }),
        keyboard: new InlineKeyboard()
          .text(ctx.t('admin-wizard-btn-save'), promoWizardSave.pack({}))
          .text(ctx.t('admin-btn-cancel'), promoWizardCancel.pack({})),
      });
    },
    async save(ctx, draft) {
      const result = await ctx.deps.services.promo.create(promoInput(draft) as PromoInput);
      // The code was taken meanwhile, or the product was deleted: ask that field again, keep the rest.
      if (!result.ok && result.reason === 'not_found')
        return { ok: false, field: 'code', refusal: ctx.t('admin-promo-gone') };
      return saved(ctx, result, !result.ok && result.reason === 'product_unknown' ? 'product' : 'code');
    },
    async update(ctx, id, patch) {
      const result = await ctx.deps.services.promo.update(id, promoInput(patch));
      return saved(ctx, result, 'code');
    },
    show,
    texts: {
      saved: 'admin-promo-saved',
      created: (ctx, promo) => ctx.t('admin-promo-created', { code: promo.code }),
      updated: 'admin-promo-updated',
      gone: 'admin-promo-gone',
    },
  });
}
