import { InlineKeyboard } from 'grammy';
import type { CategoryWithCounts } from '../../../services/categories.js';
import { adminSection } from '../../access.js';
import { onCallback } from '../../callback-data.js';
import { Composer } from '../../composer.js';
import type { BotContext } from '../../context.js';
import { showScreen, showScreenAt } from '../../ui/screen.js';
import {
  categoryActive,
  categoryClear,
  categoryDelete,
  categoryDeleteYes,
  categoryEdit,
  categoryList,
  categoryMove,
  categoryNew,
  categoryView,
  categoryWizardCancel,
  categoryWizardSave,
} from './callback-data.js';
import { CATEGORY_FIELD_OF_CODE, categoryWizard } from './category-wizard.js';
import { backButton, backToMenu, confirmKeyboard } from './keyboards.js';

const label = (text: string) => [...text].slice(0, 60).join('');
const nameOf = (c: { title: string; emoji: string | null }) => `${c.emoji ? `${c.emoji} ` : ''}${c.title}`;

async function showList(ctx: BotContext): Promise<void> {
  const all = await ctx.deps.services.categories.listWithCounts();
  const keyboard = new InlineKeyboard();
  for (const c of all) {
    keyboard
      .text(
        label(`${c.isActive ? '' : '🚫 '}${nameOf(c)} · ${c.products}`),
        categoryView.pack({ category: c.id }),
      )
      .row();
  }
  keyboard.text(ctx.t('admin-category-btn-new'), categoryNew.pack({}));
  await showScreen(ctx, {
    text: ctx.t('admin-categories', { total: all.length }),
    keyboard: backToMenu(ctx, keyboard),
  });
}

function viewScreen(ctx: BotContext, c: CategoryWithCounts) {
  const none = ctx.t('admin-category-none');
  const id = c.id;
  const edit = (field: 't' | 'e' | 'm') => categoryEdit.pack({ category: id, field });
  const keyboard = new InlineKeyboard()
    .text(ctx.t('admin-category-btn-title'), edit('t'))
    .text(ctx.t('admin-category-btn-title-en'), edit('e'))
    .text(ctx.t('admin-category-btn-emoji'), edit('m'))
    .row()
    .text(ctx.t('admin-category-btn-up'), categoryMove.pack({ category: id, dir: 'u' }))
    .text(ctx.t('admin-category-btn-down'), categoryMove.pack({ category: id, dir: 'd' }))
    .row()
    .text(
      ctx.t(c.isActive ? 'admin-category-btn-disable' : 'admin-category-btn-enable'),
      categoryActive.pack({ category: id, on: c.isActive ? '0' : '1' }),
    )
    .text(ctx.t('admin-btn-delete'), categoryDelete.pack({ category: id }));
  return {
    text: ctx.t('admin-category-view', {
      id,
      title: c.title,
      titleEn: c.titleEn ?? none,
      emoji: c.emoji ?? none,
      products: c.products,
      active: c.activeProducts,
      status: ctx.t(c.isActive ? 'admin-category-active' : 'admin-category-disabled'),
    }),
    keyboard: backButton(ctx, categoryList.pack({}), keyboard),
  };
}

/** The category's admin screen: in place of the pressed message, of message `at`, or anew. */
async function showCategory(ctx: BotContext, category: { id: number }, at?: number): Promise<void> {
  const c = await ctx.deps.services.categories.withCounts(category.id);
  if (!c) {
    await showList(ctx);
    return;
  }
  const chatId = ctx.chat?.id;
  if (at !== undefined && chatId !== undefined)
    await showScreenAt(ctx.api, { chatId, messageId: at }, viewScreen(ctx, c), ctx.log);
  else await showScreen(ctx, viewScreen(ctx, c));
}

/** The category a button refers to, with the query answered; gone: says so and shows the list. */
async function opened(ctx: BotContext, id: number): Promise<CategoryWithCounts | undefined> {
  const c = await ctx.deps.services.categories.withCounts(id);
  await ctx.answerCallbackQuery(c ? undefined : { text: ctx.t('admin-category-gone') });
  if (!c) await showList(ctx);
  return c;
}

const wizard = categoryWizard(showCategory);

const section = adminSection('adk');
/**
 * Catalog categories: list in the customers' order, create (title, English title, emoji), edit a
 * field, move up / down, disable (hides its services everywhere), delete (its services move first).
 * Every button is re-checked for the admin role by `adminSection` before it runs.
 */
export const adminCategoriesFeature = new Composer<BotContext>();
adminCategoriesFeature.use(section.composer);
const admin = section.admin;

admin.callbackQuery(
  categoryList.filter,
  onCallback(categoryList, async (ctx) => {
    await ctx.answerCallbackQuery();
    await wizard.endEdit(ctx);
    await showList(ctx);
  }),
);

admin.callbackQuery(
  categoryView.filter,
  onCallback(categoryView, async (ctx, { category: id }) => {
    await wizard.endEdit(ctx);
    const c = await opened(ctx, id);
    if (c) await showScreen(ctx, viewScreen(ctx, c));
  }),
);

admin.callbackQuery(
  categoryNew.filter,
  onCallback(categoryNew, async (ctx) => {
    await ctx.answerCallbackQuery();
    await wizard.startNew(ctx);
  }),
);

admin.callbackQuery(
  categoryWizardCancel.filter,
  onCallback(categoryWizardCancel, async (ctx) => {
    await wizard.end(ctx);
    await ctx.answerCallbackQuery({ text: ctx.t('admin-wizard-cancelled') });
    await showList(ctx);
  }),
);

admin.callbackQuery(
  categoryClear.filter,
  onCallback(categoryClear, async (ctx) => {
    const field = wizard.position(ctx)?.field;
    if (field !== 'titleEn' && field !== 'emoji') {
      await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
      return;
    }
    await wizard.accept(ctx, field === 'titleEn' ? { titleEn: null } : { emoji: null });
  }),
);

admin.callbackQuery(categoryWizardSave.filter, onCallback(categoryWizardSave, wizard.save));

adminCategoriesFeature.on('message', wizard.onMessage);

admin.callbackQuery(
  categoryEdit.filter,
  onCallback(categoryEdit, async (ctx, { category: id, field }) => {
    const c = await opened(ctx, id);
    if (c) await wizard.startEdit(ctx, id, CATEGORY_FIELD_OF_CODE[field]);
  }),
);

admin.callbackQuery(
  categoryMove.filter,
  onCallback(categoryMove, async (ctx, { category: id, dir }) => {
    const moved = await ctx.deps.services.categories.move(id, dir === 'u' ? 'up' : 'down');
    await ctx.answerCallbackQuery(moved ? undefined : { text: ctx.t('admin-category-cant-move') });
    await showCategory(ctx, { id });
  }),
);

admin.callbackQuery(
  categoryActive.filter,
  onCallback(categoryActive, async (ctx, { category: id, on }) => {
    const category = await ctx.deps.services.categories.setActive(id, on === '1');
    if (!category) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-category-gone') });
      await showList(ctx);
      return;
    }
    await ctx.answerCallbackQuery({
      text: ctx.t(category.isActive ? 'admin-category-enabled' : 'admin-category-was-disabled'),
    });
    await showCategory(ctx, category);
  }),
);

admin.callbackQuery(
  categoryDelete.filter,
  onCallback(categoryDelete, async (ctx, { category: id }) => {
    const c = await opened(ctx, id);
    if (!c) return;
    const all = await ctx.deps.services.categories.listWithCounts();
    const back = categoryView.pack({ category: id });
    if (all.length === 1) {
      await showScreen(ctx, {
        text: ctx.t('admin-category-delete-last'),
        keyboard: backButton(ctx, back),
      });
      return;
    }
    if (c.products === 0) {
      await showScreen(ctx, {
        text: ctx.t('admin-category-delete-confirm', { title: c.title }),
        keyboard: confirmKeyboard(ctx, categoryDeleteYes.pack({ category: id, to: 0 }), back),
      });
      return;
    }
    // Where its services go: every other category is a button.
    const keyboard = new InlineKeyboard();
    for (const other of all.filter((o) => o.id !== id)) {
      keyboard
        .text(label(`→ ${nameOf(other)}`), categoryDeleteYes.pack({ category: id, to: other.id }))
        .row();
    }
    keyboard.text(ctx.t('admin-btn-cancel'), back);
    await showScreen(ctx, {
      text: ctx.t('admin-category-delete-move', { title: c.title, n: c.products }),
      keyboard,
    });
  }),
);

admin.callbackQuery(
  categoryDeleteYes.filter,
  onCallback(categoryDeleteYes, async (ctx, { category: id, to }) => {
    const { categories } = ctx.deps.services;
    const target = to > 0 ? await categories.byId(to) : undefined;
    const result = await categories.delete(id, to > 0 ? to : undefined);
    if (!result.ok) {
      const key =
        result.reason === 'has_products'
          ? 'admin-category-delete-refused'
          : result.reason === 'last_category'
            ? 'admin-category-delete-last'
            : 'admin-category-gone';
      await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
      await showList(ctx);
      return;
    }
    const text =
      result.moved > 0 && target
        ? ctx.t('admin-category-deleted-moved', { to: target.title })
        : ctx.t('admin-category-deleted');
    await ctx.answerCallbackQuery({ text });
    await showList(ctx);
  }),
);
