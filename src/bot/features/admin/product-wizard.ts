import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import {
  DESCRIPTION_MAX,
  type Product,
  type ProductField,
  type ProductFieldError,
  type ProductResult,
  productErrorKey,
  productErrorVars,
  TITLE_MAX,
  validateDeadline,
  validateDescription,
  validatePrice,
  validateTitle,
} from '../../../services/catalog.js';
import type { BotContext } from '../../context.js';
import { defineDialog } from '../../dialog.js';
import { productCardText } from '../catalog/card.js';
import {
  productPickCategory,
  productView,
  productWizardCancel,
  productWizardNoEnglish,
  productWizardSave,
  productWizardSkipDescriptionEn,
  productWizardSkipPhoto,
} from './callback-data.js';
import { type Answer, codedEditDialog, fieldWizard, needText, type SaveResult } from './field-wizard.js';

/** The creation wizard and the one-field edit of a product: questions, answers, preview. */

const Draft = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  /** undefined: not asked yet; null: Russian only (English readers see the Russian texts). */
  titleEn: z.string().nullable().optional(),
  descriptionEn: z.string().nullable().optional(),
  categoryId: z.number().int().optional(),
  /** undefined: not asked yet; null: the admin skipped the photo. */
  image: z.string().nullable().optional(),
  price: z.number().int().optional(),
  deadlineDays: z.number().int().optional(),
});
type Draft = z.infer<typeof Draft>;

const FIELDS = {
  title: ['title'],
  description: ['description'],
  titleEn: ['titleEn'],
  descriptionEn: ['descriptionEn'],
  image: ['image'],
  price: ['price'],
  deadline: ['deadlineDays'],
  category: ['categoryId'],
} as const satisfies Record<string, readonly (keyof Draft)[]>;
type ProductWizardField = keyof typeof FIELDS;

/** The one-letter field codes of the edit buttons (and of a stored edit dialog). */
export const FIELD_OF_CODE = {
  t: 'title',
  d: 'description',
  e: 'titleEn',
  f: 'descriptionEn',
  i: 'image',
  p: 'price',
  l: 'deadline',
  c: 'category',
} as const;
type FieldCode = keyof typeof FIELD_OF_CODE;
const CODE_OF_FIELD = Object.fromEntries(
  Object.entries(FIELD_OF_CODE).map(([code, field]) => [field, code]),
) as Record<ProductWizardField, FieldCode>;

const createDialog = defineDialog('admin-product-new', {
  steps: [
    'title',
    'description',
    'titleEn',
    'descriptionEn',
    'image',
    'price',
    'deadline',
    'category',
    'preview',
  ] as const,
  freeText: ['title', 'description', 'titleEn', 'descriptionEn', 'image', 'price', 'deadline'],
  data: Draft,
  adminPanel: true,
});

const editDialog = defineDialog('admin-product-edit', {
  steps: ['value'] as const,
  freeText: ['value'],
  data: z.object({
    id: z.number().int(),
    field: z.enum(['t', 'd', 'e', 'f', 'i', 'p', 'l', 'c']),
    screen: z.number().int().optional(),
  }),
  adminPanel: true,
});

/** The wizard step of the field a save refused. */
const STEP_OF_INPUT: Record<ProductField, ProductWizardField> = {
  title: 'title',
  description: 'description',
  titleEn: 'titleEn',
  descriptionEn: 'descriptionEn',
  categoryId: 'category',
  image: 'image',
  price: 'price',
  deadlineDays: 'deadline',
};

const errorText = (ctx: BotContext, error: ProductFieldError): string =>
  ctx.t(productErrorKey(error), productErrorVars());

function parseText(
  field: Exclude<ProductWizardField, 'image' | 'category'>,
  text: string,
): Answer<Draft> | ProductFieldError {
  switch (field) {
    case 'titleEn': {
      const r = validateTitle(text);
      return r.ok ? { ok: true, patch: { titleEn: r.value } } : r.error;
    }
    case 'descriptionEn': {
      const r = validateDescription(text);
      return r.ok ? { ok: true, patch: { descriptionEn: r.value } } : r.error;
    }
    case 'title': {
      const r = validateTitle(text);
      return r.ok ? { ok: true, patch: { title: r.value } } : r.error;
    }
    case 'description': {
      const r = validateDescription(text);
      return r.ok ? { ok: true, patch: { description: r.value } } : r.error;
    }
    case 'price': {
      const r = validatePrice(text);
      return r.ok ? { ok: true, patch: { price: r.value } } : r.error;
    }
    case 'deadline': {
      const r = validateDeadline(text);
      return r.ok ? { ok: true, patch: { deadlineDays: r.value } } : r.error;
    }
  }
}

function saved(ctx: BotContext, result: ProductResult): SaveResult<ProductWizardField, Product> {
  if (result.ok) return { ok: true, entity: result.product };
  if (result.reason === 'not_found') return { ok: false, gone: true };
  return { ok: false, field: STEP_OF_INPUT[result.field], refusal: errorText(ctx, result.error) };
}

/** Builds the product wizard; `show` draws a saved product's screen. */
export function productWizard(show: (ctx: BotContext, product: Product, at?: number) => Promise<void>) {
  return fieldWizard<ProductWizardField, 'preview', Draft, Product>({
    create: createDialog,
    final: 'preview',
    fields: FIELDS,
    edit: codedEditDialog(editDialog, CODE_OF_FIELD, FIELD_OF_CODE),
    cancelData: (mode, id) =>
      mode === 'new' || id === undefined ? productWizardCancel.pack({}) : productView.pack({ product: id }),
    buttonFields: ['category'],
    async prefill(ctx) {
      // With one category there is nothing to choose: the service goes there without a question.
      const all = await ctx.deps.services.categories.listWithCounts();
      return all.length === 1 && all[0] ? { categoryId: all[0].id } : {};
    },
    async question(ctx, field, mode) {
      const vars = { titleMax: TITLE_MAX, descriptionMax: DESCRIPTION_MAX };
      if (field === 'category') {
        const keyboard = new InlineKeyboard();
        const all = await ctx.deps.services.categories.listWithCounts();
        for (const [i, category] of all.entries()) {
          const name = `${category.isActive ? '' : '🚫 '}${category.emoji ? `${category.emoji} ` : ''}${category.title}`;
          keyboard.text([...name].slice(0, 60).join(''), productPickCategory.pack({ category: category.id }));
          if (i % 2 === 1) keyboard.row();
        }
        return { text: ctx.t('admin-product-ask-category'), buttons: keyboard };
      }
      let buttons: InlineKeyboard | undefined;
      if (mode === 'new' && field === 'image')
        buttons = new InlineKeyboard().text(
          ctx.t('admin-product-btn-skip-photo'),
          productWizardSkipPhoto.pack({}),
        );
      if (field === 'titleEn')
        buttons = new InlineKeyboard().text(
          ctx.t('admin-product-btn-russian-only'),
          productWizardNoEnglish.pack({}),
        );
      if (field === 'descriptionEn')
        buttons = new InlineKeyboard().text(
          ctx.t('admin-product-btn-skip'),
          productWizardSkipDescriptionEn.pack({}),
        );
      return { text: ctx.t(`admin-product-ask-${field}`, vars), buttons };
    },
    async parse(ctx, field, reply, selfId) {
      if (field === 'category') return { ok: false, refusal: ctx.t('admin-wizard-use-buttons') };
      if (field === 'image') {
        return reply.photo
          ? { ok: true, patch: { image: reply.photo } }
          : { ok: false, refusal: ctx.t('admin-product-need-photo') };
      }
      if (reply.text === undefined) return needText(ctx);
      const parsed = parseText(field, reply.text);
      if (typeof parsed === 'string') return { ok: false, refusal: errorText(ctx, parsed) };
      // A taken title is refused here, not after the other four answers (the index still decides at save).
      const title = parsed.ok ? parsed.patch.title : undefined;
      if (title !== undefined && (await ctx.deps.services.catalog.titleTaken(title, selfId)))
        return { ok: false, refusal: errorText(ctx, 'title_taken') };
      const titleEn = parsed.ok ? parsed.patch.titleEn : undefined;
      if (titleEn && (await ctx.deps.services.catalog.titleTaken(titleEn, selfId, 'en')))
        return { ok: false, refusal: errorText(ctx, 'title_taken') };
      return parsed;
    },
    // The product exactly as a customer sees it in /catalog, with Save / Cancel under it.
    async preview(ctx, draft, prompt) {
      await ctx.reply(ctx.t('admin-product-preview-intro'));
      const full = draft as Required<Draft>;
      const card = productCardText(ctx.t, ctx.locale, full);
      const keyboard = new InlineKeyboard()
        .text(ctx.t('admin-wizard-btn-save'), productWizardSave.pack({}))
        .text(ctx.t('admin-btn-cancel'), productWizardCancel.pack({}));
      await prompt({ text: card, keyboard, photo: full.image });
    },
    async save(ctx, draft) {
      const full = draft as Required<Draft>;
      return saved(
        ctx,
        await ctx.deps.services.catalog.create({
          ...full,
          image: full.image ?? null,
          titleEn: full.titleEn ?? null,
          descriptionEn: full.titleEn ? (full.descriptionEn ?? null) : null,
        }),
      );
    },
    async update(ctx, id, patch) {
      return saved(ctx, await ctx.deps.services.catalog.update(id, patch));
    },
    show,
    texts: {
      saved: 'admin-product-saved',
      created: (ctx, product) => ctx.t('admin-product-created', { title: product.title }),
      updated: 'admin-product-updated',
      gone: 'admin-product-gone',
    },
  });
}
