import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import {
  CATEGORY_TITLE_MAX,
  type Category,
  type CategoryFieldError,
  type CategoryResult,
  categoryErrorKey,
  validateCategoryEmoji,
  validateCategoryTitle,
} from '../../../services/categories.js';
import type { BotContext } from '../../context.js';
import { defineDialog } from '../../dialog.js';
import { categoryClear, categoryView, categoryWizardCancel, categoryWizardSave } from './callback-data.js';
import { codedEditDialog, fieldWizard, needText, type SaveResult } from './field-wizard.js';

/** The creation wizard and the one-field edit of a catalog category: title, English title, emoji. */

const Draft = z.object({
  title: z.string().optional(),
  /** undefined: not asked yet; null: skipped. */
  titleEn: z.string().nullable().optional(),
  emoji: z.string().nullable().optional(),
});
type Draft = z.infer<typeof Draft>;

const FIELDS = { title: ['title'], titleEn: ['titleEn'], emoji: ['emoji'] } as const satisfies Record<
  string,
  readonly (keyof Draft)[]
>;
type CategoryWizardField = keyof typeof FIELDS;

/** The one-letter field codes of the edit buttons (and of a stored edit dialog). */
export const CATEGORY_FIELD_OF_CODE = { t: 'title', e: 'titleEn', m: 'emoji' } as const;
const CODE_OF_FIELD = { title: 't', titleEn: 'e', emoji: 'm' } as const;

const createDialog = defineDialog('admin-category-new', {
  steps: ['title', 'titleEn', 'emoji', 'preview'] as const,
  freeText: ['title', 'titleEn', 'emoji'],
  data: Draft,
  adminPanel: true,
});

const editDialog = defineDialog('admin-category-edit', {
  steps: ['value'] as const,
  freeText: ['value'],
  data: z.object({
    id: z.number().int(),
    field: z.enum(['t', 'e', 'm']),
    screen: z.number().int().optional(),
  }),
  adminPanel: true,
});

const errorText = (ctx: BotContext, error: CategoryFieldError): string =>
  ctx.t(categoryErrorKey(error), { titleMax: CATEGORY_TITLE_MAX });

function saved(ctx: BotContext, result: CategoryResult): SaveResult<CategoryWizardField, Category> {
  if (result.ok) return { ok: true, entity: result.category };
  if (result.reason === 'not_found') return { ok: false, gone: true };
  return { ok: false, field: result.field, refusal: errorText(ctx, result.error) };
}

/** Builds the category wizard; `show` draws a saved category's screen. */
export function categoryWizard(show: (ctx: BotContext, category: Category, at?: number) => Promise<void>) {
  return fieldWizard<CategoryWizardField, 'preview', Draft, Category>({
    create: createDialog,
    final: 'preview',
    fields: FIELDS,
    edit: codedEditDialog(editDialog, CODE_OF_FIELD, CATEGORY_FIELD_OF_CODE),
    cancelData: (mode, id) =>
      mode === 'new' || id === undefined
        ? categoryWizardCancel.pack({})
        : categoryView.pack({ category: id }),
    async question(ctx, field) {
      const skip =
        field === 'title'
          ? undefined
          : new InlineKeyboard().text(
              ctx.t(field === 'emoji' ? 'admin-category-btn-no-emoji' : 'admin-category-btn-skip'),
              categoryClear.pack({}),
            );
      return { text: ctx.t(`admin-category-ask-${field}`, { titleMax: CATEGORY_TITLE_MAX }), buttons: skip };
    },
    async parse(ctx, field, reply, selfId) {
      if (reply.text === undefined) return needText(ctx);
      if (field === 'emoji') {
        const r = validateCategoryEmoji(reply.text);
        return r.ok
          ? { ok: true, patch: { emoji: r.value } }
          : { ok: false, refusal: errorText(ctx, r.error) };
      }
      const r = validateCategoryTitle(reply.text);
      if (!r.ok) return { ok: false, refusal: errorText(ctx, r.error) };
      if (field === 'title' && (await ctx.deps.services.categories.titleTaken(r.value, selfId)))
        return { ok: false, refusal: errorText(ctx, 'title_taken') };
      return { ok: true, patch: field === 'title' ? { title: r.value } : { titleEn: r.value } };
    },
    async preview(ctx, draft, prompt) {
      const none = ctx.t('admin-category-none');
      const keyboard = new InlineKeyboard()
        .text(ctx.t('admin-wizard-btn-save'), categoryWizardSave.pack({}))
        .text(ctx.t('admin-btn-cancel'), categoryWizardCancel.pack({}));
      await prompt({
        text: ctx.t('admin-category-preview', {
          title: draft.title ?? none,
          titleEn: draft.titleEn ?? none,
          emoji: draft.emoji ?? none,
        }),
        keyboard,
      });
    },
    async save(ctx, draft) {
      return saved(
        ctx,
        await ctx.deps.services.categories.create({
          title: draft.title ?? '',
          titleEn: draft.titleEn ?? null,
          emoji: draft.emoji ?? null,
        }),
      );
    },
    async update(ctx, id, patch) {
      return saved(ctx, await ctx.deps.services.categories.update(id, patch));
    },
    show,
    texts: {
      saved: 'admin-category-saved',
      created: (ctx, category) => ctx.t('admin-category-created', { title: category.title }),
      updated: 'admin-category-updated',
      gone: 'admin-category-gone',
    },
  });
}
