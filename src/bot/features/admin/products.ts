import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import {
  DESCRIPTION_MAX,
  type Product,
  type ProductFieldError,
  type ProductInput,
  productErrorKey,
  productErrorVars,
  TITLE_MAX,
  validateDeadline,
  validateDescription,
  validatePrice,
  validateTitle,
} from '../../../services/catalog.js';
import { formatDateTime, formatPrice } from '../../../text/format.js';
import { adminSection, stillAdmin } from '../../access.js';
import type { BotContext } from '../../context.js';
import { endDialog, readDialog, setStep, startDialog } from '../../dialog.js';
import { PRODUCTS_PER_PAGE, productListKeyboard, productViewKeyboard } from '../../keyboards/admin.js';
import { productCardText } from '../catalog/card.js';
import { showScreen } from './menu.js';

const NEW = 'admin-product-new';
const EDIT = 'admin-product-edit';

const Draft = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  /** undefined: not asked yet; null: the admin skipped the photo. */
  image: z.string().nullable().optional(),
  price: z.number().int().optional(),
  deadlineDays: z.number().int().optional(),
});
type Draft = z.infer<typeof Draft>;

const EditState = z.object({ id: z.number().int(), field: z.enum(['t', 'd', 'i', 'p', 'l']) });
type EditField = z.infer<typeof EditState>['field'];

type Step = 'title' | 'description' | 'image' | 'price' | 'deadline' | 'preview';

/** The first field still missing, so a refused or re-asked step never loses what came after it. */
function nextStep(draft: Draft): Step {
  if (draft.title === undefined) return 'title';
  if (draft.description === undefined) return 'description';
  if (draft.image === undefined) return 'image';
  if (draft.price === undefined) return 'price';
  if (draft.deadlineDays === undefined) return 'deadline';
  return 'preview';
}

const FIELD_STEP: Record<EditField, Exclude<Step, 'preview'>> = {
  t: 'title',
  d: 'description',
  i: 'image',
  p: 'price',
  l: 'deadline',
};

const promptKey = (step: Exclude<Step, 'preview'>): string => `admin-product-ask-${step}`;
const limits = () => ({ titleMax: TITLE_MAX, descriptionMax: DESCRIPTION_MAX });
const errorText = (ctx: BotContext, error: ProductFieldError): string =>
  ctx.t(productErrorKey(error), productErrorVars());

/** Sends the question of a wizard or edit step, after the reason the last answer was refused. */
async function ask(
  ctx: BotContext,
  step: Exclude<Step, 'preview'>,
  cancelData: string,
  refusal?: string,
  extra?: InlineKeyboard,
): Promise<void> {
  const keyboard = extra ?? new InlineKeyboard();
  keyboard.row().text(ctx.t('admin-btn-cancel'), cancelData);
  const question = ctx.t(promptKey(step), limits());
  await ctx.reply(refusal ? `${refusal}\n\n${question}` : question, { reply_markup: keyboard });
}

async function askNew(ctx: BotContext, step: Exclude<Step, 'preview'>, refusal?: string): Promise<void> {
  const extra =
    step === 'image'
      ? new InlineKeyboard().text(ctx.t('admin-product-btn-skip-photo'), 'adp:skip')
      : undefined;
  await ask(ctx, step, 'adp:cancel', refusal, extra);
}

/** The product exactly as a customer sees it in /catalog, with Save / Cancel under it. */
async function sendPreview(ctx: BotContext, draft: Required<Draft>): Promise<void> {
  await ctx.reply(ctx.t('admin-product-preview-intro'));
  const now = new Date();
  const card = productCardText(ctx.t, ctx.locale, {
    ...draft,
    id: 0,
    isActive: true,
    createdOn: now,
    updatedOn: now,
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t('admin-product-btn-save'), 'adp:save')
    .text(ctx.t('admin-btn-cancel'), 'adp:cancel');
  if (draft.image) await ctx.replyWithPhoto(draft.image, { caption: card, reply_markup: keyboard });
  else await ctx.reply(card, { reply_markup: keyboard });
}

async function advance(ctx: BotContext, draft: Draft): Promise<void> {
  const step = nextStep(draft);
  setStep(ctx, step);
  if (step === 'preview') await sendPreview(ctx, draft as Required<Draft>);
  else await askNew(ctx, step);
}

function productText(ctx: BotContext, product: Product): string {
  const { timezone } = ctx.deps.config;
  return ctx.t('admin-product-view', {
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
}

async function showProduct(ctx: BotContext, product: Product): Promise<void> {
  await showScreen(ctx, productText(ctx, product), productViewKeyboard(ctx, product));
}

async function showList(ctx: BotContext, page: number): Promise<void> {
  const result = await ctx.deps.services.catalog.pageAll(page, PRODUCTS_PER_PAGE);
  const text = ctx.t(result.total === 0 ? 'admin-products-empty' : 'admin-products', {
    total: result.total,
  });
  await showScreen(ctx, text, productListKeyboard(ctx, result.items, result.page, result.pages));
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

/** Validates one answer of the wizard; the value, or the reason it is refused. */
function parseAnswer(
  step: 'title' | 'description' | 'price' | 'deadline',
  text: string,
): { ok: true; patch: Draft } | { ok: false; error: ProductFieldError } {
  switch (step) {
    case 'title': {
      const r = validateTitle(text);
      return r.ok ? { ok: true, patch: { title: r.value } } : r;
    }
    case 'description': {
      const r = validateDescription(text);
      return r.ok ? { ok: true, patch: { description: r.value } } : r;
    }
    case 'price': {
      const r = validatePrice(text);
      return r.ok ? { ok: true, patch: { price: r.value } } : r;
    }
    case 'deadline': {
      const r = validateDeadline(text);
      return r.ok ? { ok: true, patch: { deadlineDays: r.value } } : r;
    }
  }
}

const largestPhoto = (ctx: BotContext): string | undefined => ctx.message?.photo?.at(-1)?.file_id;

const section = adminSection('adp');
/** Products: paginated list, creation wizard with a customer preview, per-field edits, disable, delete. */
export const adminProductsFeature = new Composer<BotContext>();
adminProductsFeature.use(section.composer);
const admin = section.admin;

admin.callbackQuery(/^adp:list:(\d{1,4})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (ctx.session.dialog?.name === EDIT) endDialog(ctx);
  await showList(ctx, Number(ctx.match[1]));
});

// Also the Cancel of a field edit: leaving for the product's screen ends the edit, so a later message
// (e.g. a reply to a customer) does not become the product's new title or price.
admin.callbackQuery(/^adp:v:(\d{1,10})$/, async (ctx) => {
  if (ctx.session.dialog?.name === EDIT) endDialog(ctx);
  const product = await openedProduct(ctx, Number(ctx.match[1]));
  if (!product) return;
  await showProduct(ctx, product);
});

admin.callbackQuery('adp:new', async (ctx) => {
  await ctx.answerCallbackQuery();
  startDialog(ctx, NEW, 'title');
  await askNew(ctx, 'title');
});

admin.callbackQuery('adp:cancel', async (ctx) => {
  if (ctx.session.dialog?.name === NEW || ctx.session.dialog?.name === EDIT) endDialog(ctx);
  await ctx.answerCallbackQuery({ text: ctx.t('admin-product-cancelled') });
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  await showList(ctx, 0);
});

admin.callbackQuery('adp:skip', async (ctx) => {
  const dialog = readDialog(ctx, NEW, Draft);
  if (dialog?.step !== 'image') {
    await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  setStep(ctx, 'image', { image: null });
  await advance(ctx, { ...dialog.data, image: null });
});

admin.callbackQuery('adp:save', async (ctx) => {
  const dialog = readDialog(ctx, NEW, Draft);
  if (!dialog || nextStep(dialog.data) !== 'preview') {
    await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
    return;
  }
  const draft = dialog.data as Required<Draft>;
  const input: ProductInput = { ...draft, image: draft.image ?? null };
  const result = await ctx.deps.services.catalog.create(input);
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  if (!result.ok) {
    await ctx.answerCallbackQuery();
    if (result.reason === 'not_found') return;
    // A refused field (e.g. the title was taken meanwhile) is asked again; the rest is kept.
    const step: Exclude<Step, 'preview'> =
      result.field === 'deadlineDays' ? 'deadline' : result.field === 'image' ? 'image' : result.field;
    const cleared = { ...draft, [result.field]: undefined };
    startDialog(ctx, NEW, step, cleared);
    await askNew(ctx, step, errorText(ctx, result.error));
    return;
  }
  endDialog(ctx);
  await ctx.answerCallbackQuery({ text: ctx.t('admin-product-saved') });
  await ctx.reply(ctx.t('admin-product-created', { title: result.product.title }));
  await showScreen(ctx, productText(ctx, result.product), productViewKeyboard(ctx, result.product));
});

// Wizard answers: text for title / description / price / deadline, a photo for the image step.
adminProductsFeature.on('message', async (ctx, next) => {
  if (ctx.session.dialog?.name !== NEW || ctx.message.text?.startsWith('/')) return next();
  if (!(await stillAdmin(ctx))) return;
  const dialog = readDialog(ctx, NEW, Draft);
  if (!dialog) return next();
  const step = dialog.step as Step;
  if (step === 'preview') {
    await ctx.reply(ctx.t('admin-product-use-buttons'));
    return;
  }
  if (step === 'image') {
    const photo = largestPhoto(ctx);
    if (!photo) {
      await askNew(ctx, 'image', ctx.t('admin-product-need-photo'));
      return;
    }
    setStep(ctx, 'image', { image: photo });
    await advance(ctx, { ...dialog.data, image: photo });
    return;
  }
  const text = ctx.message.text;
  if (text === undefined) {
    await askNew(ctx, step, ctx.t('admin-product-need-text'));
    return;
  }
  const parsed = parseAnswer(step, text);
  if (!parsed.ok) {
    await askNew(ctx, step, errorText(ctx, parsed.error));
    return;
  }
  const draft = { ...dialog.data, ...parsed.patch };
  setStep(ctx, step, parsed.patch);
  await advance(ctx, draft);
});

admin.callbackQuery(/^adp:e:(\d{1,10}):([tdipl])$/, async (ctx) => {
  const id = Number(ctx.match[1]);
  const field = ctx.match[2] as EditField;
  const product = await openedProduct(ctx, id);
  if (!product) return;
  startDialog(ctx, EDIT, 'value', { id, field });
  const extra =
    field === 'i' && product.image
      ? new InlineKeyboard().text(ctx.t('admin-product-btn-remove-photo'), `adp:nophoto:${id}`)
      : undefined;
  await ask(ctx, FIELD_STEP[field], `adp:v:${id}`, undefined, extra);
});

admin.callbackQuery(/^adp:nophoto:(\d{1,10})$/, async (ctx) => {
  const id = Number(ctx.match[1]);
  if (ctx.session.dialog?.name === EDIT) endDialog(ctx);
  const result = await ctx.deps.services.catalog.update(id, { image: null });
  if (!result.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t('admin-product-gone') });
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('admin-product-updated') });
  await showProduct(ctx, result.product);
});

adminProductsFeature.on('message', async (ctx, next) => {
  if (ctx.session.dialog?.name !== EDIT || ctx.message.text?.startsWith('/')) return next();
  if (!(await stillAdmin(ctx))) return;
  const dialog = readDialog(ctx, EDIT, EditState);
  if (!dialog) return next();
  const { id, field } = dialog.data;
  const step = FIELD_STEP[field];
  const cancel = `adp:v:${id}`;
  let patch: Partial<ProductInput>;
  if (step === 'image') {
    const photo = largestPhoto(ctx);
    if (!photo) {
      await ask(ctx, step, cancel, ctx.t('admin-product-need-photo'));
      return;
    }
    patch = { image: photo };
  } else {
    const text = ctx.message.text;
    if (text === undefined) {
      await ask(ctx, step, cancel, ctx.t('admin-product-need-text'));
      return;
    }
    const parsed = parseAnswer(step, text);
    if (!parsed.ok) {
      await ask(ctx, step, cancel, errorText(ctx, parsed.error));
      return;
    }
    patch = parsed.patch as Partial<ProductInput>;
  }
  const result = await ctx.deps.services.catalog.update(id, patch);
  if (!result.ok) {
    if (result.reason === 'not_found') {
      endDialog(ctx);
      await ctx.reply(ctx.t('admin-product-gone'));
      return;
    }
    await ask(ctx, step, cancel, errorText(ctx, result.error));
    return;
  }
  endDialog(ctx);
  await ctx.reply(ctx.t('admin-product-updated'));
  await showProduct(ctx, result.product);
});

admin.callbackQuery(/^adp:on:(\d{1,10}):([01])$/, async (ctx) => {
  const product = await ctx.deps.services.catalog.setActive(Number(ctx.match[1]), ctx.match[2] === '1');
  if (!product) {
    await ctx.answerCallbackQuery({ text: ctx.t('admin-product-gone') });
    await showList(ctx, 0);
    return;
  }
  await ctx.answerCallbackQuery({
    text: ctx.t(product.isActive ? 'admin-product-enabled' : 'admin-product-was-disabled'),
  });
  await showProduct(ctx, product);
});

admin.callbackQuery(/^adp:del:(\d{1,10})$/, async (ctx) => {
  const product = await openedProduct(ctx, Number(ctx.match[1]));
  if (!product) return;
  await showScreen(
    ctx,
    ctx.t('admin-product-delete-confirm', { title: product.title }),
    new InlineKeyboard()
      .text(ctx.t('admin-btn-confirm-delete'), `adp:dely:${product.id}`)
      .text(ctx.t('admin-btn-cancel'), `adp:v:${product.id}`),
  );
});

admin.callbackQuery(/^adp:dely:(\d{1,10})$/, async (ctx) => {
  const deleted = await ctx.deps.services.catalog.delete(Number(ctx.match[1]));
  await ctx.answerCallbackQuery({ text: ctx.t(deleted ? 'admin-product-deleted' : 'admin-product-gone') });
  await showList(ctx, 0);
});
