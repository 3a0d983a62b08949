import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import {
  type PromoCode,
  type PromoInput,
  type PromoInputError,
  type PromoKind,
  promoInputErrorKey,
  validatePromoCode,
  validatePromoValue,
} from '../../../services/promo.js';
import { html } from '../../../telegram/markup.js';
import { formatDate, formatPrice } from '../../../text/format.js';
import { zonedTimeToUtc } from '../../../text/zoned-time.js';
import { adminSection, stillAdmin } from '../../access.js';
import type { BotContext } from '../../context.js';
import { endDialog, readDialog, setStep, startDialog } from '../../dialog.js';
import { backButton } from '../../keyboards/admin.js';
import { addPageRow } from '../../keyboards/pagination.js';
import { showScreen } from './menu.js';

/** B's error names, worded in this panel's texts (`admin-promo-error-…`). */
const promoErrorKey = (error: PromoInputError): string => `admin-${promoInputErrorKey(error)}`;

const NEW = 'admin-promo-new';
const EDIT = 'admin-promo-edit';
const PER_PAGE = 8;
const PRODUCTS_PER_PICK = 6;

const Draft = z.object({
  code: z.string().optional(),
  kind: z.enum(['percent', 'fixed']).optional(),
  value: z.number().int().optional(),
  /** undefined: not asked yet; null: every product. */
  productId: z.number().int().nullable().optional(),
  /** ISO time; null: no expiry. */
  expiresAt: z.string().nullable().optional(),
  maxUses: z.number().int().nullable().optional(),
  perUserLimit: z.number().int().optional(),
});
type Draft = z.infer<typeof Draft>;

const FIELDS = ['code', 'value', 'product', 'expiry', 'max', 'peruser'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_CODES: Record<string, Field> = {
  c: 'code',
  v: 'value',
  p: 'product',
  x: 'expiry',
  m: 'max',
  u: 'peruser',
};

const EditState = z.object({ id: z.number().int(), field: z.enum(FIELDS) });

function nextField(d: Draft): Field | 'summary' {
  if (d.code === undefined) return 'code';
  if (d.value === undefined || d.kind === undefined) return 'value';
  if (d.productId === undefined) return 'product';
  if (d.expiresAt === undefined) return 'expiry';
  if (d.maxUses === undefined) return 'max';
  if (d.perUserLimit === undefined) return 'peruser';
  return 'summary';
}

/**
 * `31.12.2026` or `2026-12-31` → the end of that day in the studio's time zone (the code works
 * through the whole day). Undefined for a malformed or impossible date.
 */
export function parseExpiry(text: string, timeZone: string): Date | undefined {
  const trimmed = text.trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (!m) return undefined;
  const [y, mo, d] = trimmed.includes('-')
    ? [Number(m[1]), Number(m[2]), Number(m[3])]
    : [Number(m[3]), Number(m[2]), Number(m[1])];
  return zonedTimeToUtc({ year: y, month: mo, day: d, hour: 23, minute: 59, second: 59 }, timeZone);
}

/** `15%` → percent 15; `500` → a fixed 500 roubles. */
export function parseDiscount(text: string): { kind: PromoKind; value: number } | undefined {
  const trimmed = text.trim().replace(/[\s\u00a0]/g, '');
  const percent = /^(\d{1,3})%$/.exec(trimmed);
  if (percent) return { kind: 'percent', value: Number(percent[1]) };
  if (/^\d{1,9}$/.test(trimmed)) return { kind: 'fixed', value: Number(trimmed) };
  return undefined;
}

const positiveInt = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n >= 1 ? n : undefined;
};

type Parsed = { ok: true; patch: Partial<Draft> } | { ok: false; refusal: string };

/** Validates a typed answer for a promo field (the code's uniqueness is checked against the database). */
async function parseField(
  ctx: BotContext,
  field: Exclude<Field, 'product'>,
  text: string,
  selfId?: number,
): Promise<Parsed> {
  const refuse = (error: PromoInputError): Parsed => ({ ok: false, refusal: ctx.t(promoErrorKey(error)) });
  switch (field) {
    case 'code': {
      const code = validatePromoCode(text);
      if (!code) return refuse('code_invalid');
      const existing = await ctx.deps.services.promo.byCode(code);
      if (existing && existing.id !== selfId) return refuse('code_taken');
      return { ok: true, patch: { code } };
    }
    case 'value': {
      const discount = parseDiscount(text);
      if (!discount || !validatePromoValue(discount.kind, discount.value)) return refuse('value_invalid');
      return { ok: true, patch: discount };
    }
    case 'expiry': {
      const date = parseExpiry(text, ctx.deps.config.timezone);
      if (!date) return { ok: false, refusal: ctx.t('admin-promo-bad-date') };
      if (date.getTime() <= Date.now()) return { ok: false, refusal: ctx.t('admin-promo-past-date') };
      return { ok: true, patch: { expiresAt: date.toISOString() } };
    }
    case 'max': {
      const n = positiveInt(text);
      return n === undefined ? refuse('max_uses_invalid') : { ok: true, patch: { maxUses: n } };
    }
    case 'peruser': {
      const n = positiveInt(text);
      return n === undefined || n > 1_000_000
        ? refuse('per_user_limit_invalid')
        : { ok: true, patch: { perUserLimit: n } };
    }
  }
}

const discountText = (ctx: BotContext, kind: PromoKind, value: number): string =>
  kind === 'percent' ? `${value}%` : formatPrice(value, ctx.locale);

async function promoDetails(
  ctx: BotContext,
  d: Required<Draft> | PromoCode,
  usesCount?: number,
): Promise<string> {
  const product = d.productId === null ? undefined : await ctx.deps.services.catalog.byId(d.productId);
  const expires = d.expiresAt === null ? null : new Date(d.expiresAt);
  return ctx.t('admin-promo-details', {
    code: d.code,
    discount: discountText(ctx, d.kind, d.value),
    product: d.productId === null ? ctx.t('admin-promo-all-products') : (product?.title ?? `#${d.productId}`),
    expires: expires
      ? formatDate(expires, ctx.locale, ctx.deps.config.timezone)
      : ctx.t('admin-promo-no-expiry'),
    uses: usesCount ?? 0,
    max: d.maxUses === null ? '∞' : String(d.maxUses),
    perUser: d.perUserLimit,
  });
}

function questionKey(field: Field): string {
  return `admin-promo-ask-${field}`;
}

/** Asks for a field: optional fields get a Skip/Clear button, the product step gets a product picker. */
async function ask(
  ctx: BotContext,
  field: Field,
  mode: 'new' | 'edit',
  cancelData: string,
  refusal?: string,
  pickerPage = 0,
): Promise<void> {
  const keyboard = new InlineKeyboard();
  if (field === 'product') {
    const page = await ctx.deps.services.catalog.pageAll(pickerPage, PRODUCTS_PER_PICK);
    keyboard.text(ctx.t('admin-promo-all-products'), 'adc:pa').row();
    for (const p of page.items) keyboard.text(`${p.isActive ? '' : '🚫 '}${p.title}`, `adc:pp:${p.id}`).row();
    addPageRow(keyboard, page.page, page.pages, (n) => `adc:pg:${n}`);
  } else if (field === 'expiry' || field === 'max' || (field === 'peruser' && mode === 'new')) {
    keyboard.text(
      ctx.t(mode === 'new' ? `admin-promo-btn-skip-${field}` : `admin-promo-btn-clear-${field}`),
      'adc:skip',
    );
  }
  keyboard.row().text(ctx.t('admin-btn-cancel'), cancelData);
  const question = ctx.t(questionKey(field));
  const text = refusal ? `${refusal}\n\n${question}` : question;
  if (field === 'product' && ctx.callbackQuery?.data?.startsWith('adc:pg:')) {
    await showScreen(ctx, text, keyboard);
    return;
  }
  await ctx.reply(text, { reply_markup: keyboard });
}

async function advanceNew(ctx: BotContext, draft: Draft): Promise<void> {
  const field = nextField(draft);
  if (field === 'summary') {
    setStep(ctx, 'summary');
    const full = draft as Required<Draft>;
    await ctx.reply(ctx.t('admin-promo-summary', { details: html(await promoDetails(ctx, full)) }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t('admin-product-btn-save'), 'adc:save')
        .text(ctx.t('admin-btn-cancel'), 'adc:cancel'),
    });
    return;
  }
  setStep(ctx, field);
  await ask(ctx, field, 'new', 'adc:cancel');
}

function toInput(d: Required<Draft>): PromoInput {
  return {
    code: d.code,
    kind: d.kind,
    value: d.value,
    productId: d.productId,
    expiresAt: d.expiresAt === null ? null : new Date(d.expiresAt),
    maxUses: d.maxUses,
    perUserLimit: d.perUserLimit,
  };
}

function viewKeyboard(ctx: BotContext, promo: PromoCode): InlineKeyboard {
  const id = promo.id;
  return backButton(
    ctx,
    'adc:list:0',
    new InlineKeyboard()
      .text(ctx.t('admin-promo-btn-edit-code'), `adc:e:${id}:c`)
      .text(ctx.t('admin-promo-btn-edit-value'), `adc:e:${id}:v`)
      .text(ctx.t('admin-promo-btn-edit-product'), `adc:e:${id}:p`)
      .row()
      .text(ctx.t('admin-promo-btn-edit-expiry'), `adc:e:${id}:x`)
      .text(ctx.t('admin-promo-btn-edit-max'), `adc:e:${id}:m`)
      .text(ctx.t('admin-promo-btn-edit-peruser'), `adc:e:${id}:u`)
      .row()
      .text(
        ctx.t(promo.isActive ? 'admin-promo-btn-disable' : 'admin-promo-btn-enable'),
        `adc:on:${id}:${promo.isActive ? 0 : 1}`,
      )
      .text(ctx.t('admin-product-btn-delete'), `adc:del:${id}`),
  );
}

async function showPromo(ctx: BotContext, promo: PromoCode): Promise<void> {
  const details = await promoDetails(ctx, promo, promo.usesCount);
  const text = ctx.t('admin-promo-view', {
    details: html(details),
    status: ctx.t(promo.isActive ? 'admin-promo-active' : 'admin-promo-disabled'),
  });
  await showScreen(ctx, text, viewKeyboard(ctx, promo));
}

async function showList(ctx: BotContext, page: number): Promise<void> {
  const result = await ctx.deps.services.promo.list(page, PER_PAGE);
  const keyboard = new InlineKeyboard();
  for (const p of result.items) {
    const uses = `${p.usesCount}/${p.maxUses ?? '∞'}`;
    keyboard
      .text(
        `${p.isActive ? '' : '🚫 '}${p.code} · ${discountText(ctx, p.kind, p.value)} · ${uses}`,
        `adc:v:${p.id}`,
      )
      .row();
  }
  keyboard.text(ctx.t('admin-promo-btn-new'), 'adc:new');
  addPageRow(keyboard, result.page, result.pages, (n) => `adc:list:${n}`);
  const text = ctx.t(result.total === 0 ? 'admin-promos-empty' : 'admin-promos', { total: result.total });
  await showScreen(ctx, text, backButton(ctx, 'adm:menu', keyboard));
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

/** Saves one edited field; a refused value is asked again with the reason. Answers a pending button press. */
async function applyEdit(ctx: BotContext, id: number, field: Field, patch: Partial<Draft>): Promise<void> {
  const input: Partial<PromoInput> = {};
  if (patch.code !== undefined) input.code = patch.code;
  if (patch.kind !== undefined) input.kind = patch.kind;
  if (patch.value !== undefined) input.value = patch.value;
  if (patch.productId !== undefined) input.productId = patch.productId;
  if (patch.expiresAt !== undefined)
    input.expiresAt = patch.expiresAt === null ? null : new Date(patch.expiresAt);
  if (patch.maxUses !== undefined) input.maxUses = patch.maxUses;
  if (patch.perUserLimit !== undefined) input.perUserLimit = patch.perUserLimit;
  const result = await ctx.deps.services.promo.update(id, input);
  if (!result.ok) {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    if (result.reason === 'not_found') {
      endDialog(ctx);
      await ctx.reply(ctx.t('admin-promo-gone'));
      return;
    }
    await ask(ctx, field, 'edit', `adc:v:${id}`, ctx.t(promoErrorKey(result.reason)));
    return;
  }
  endDialog(ctx);
  // A button answer (product picker, "no expiry") turns its own message into the code's screen.
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('admin-promo-updated') });
  else await ctx.reply(ctx.t('admin-promo-updated'));
  await showPromo(ctx, result.promo);
}

const section = adminSection('adc');
/** Promo codes: list with usage, creation wizard, per-field edits, disable/enable, delete. */
export const adminPromoFeature = new Composer<BotContext>();
adminPromoFeature.use(section.composer);
const admin = section.admin;

admin.callbackQuery(/^adc:list:(\d{1,4})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showList(ctx, Number(ctx.match[1]));
});

admin.callbackQuery(/^adc:v:(\d{1,10})$/, async (ctx) => {
  const promo = await openedPromo(ctx, Number(ctx.match[1]));
  if (!promo) return;
  if (ctx.session.dialog?.name === EDIT) endDialog(ctx);
  await showPromo(ctx, promo);
});

admin.callbackQuery('adc:new', async (ctx) => {
  await ctx.answerCallbackQuery();
  startDialog(ctx, NEW, 'code');
  await ask(ctx, 'code', 'new', 'adc:cancel');
});

admin.callbackQuery('adc:cancel', async (ctx) => {
  if (ctx.session.dialog?.name === NEW) endDialog(ctx);
  await ctx.answerCallbackQuery({ text: ctx.t('admin-product-cancelled') });
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  await showList(ctx, 0);
});

admin.callbackQuery(/^adc:e:(\d{1,10}):([cvpxmu])$/, async (ctx) => {
  const id = Number(ctx.match[1]);
  const field = FIELD_CODES[ctx.match[2] as string] as Field;
  if (!(await ctx.deps.services.promo.byId(id))) {
    await ctx.answerCallbackQuery({ text: ctx.t('admin-promo-gone') });
    await showList(ctx, 0);
    return;
  }
  await ctx.answerCallbackQuery();
  startDialog(ctx, EDIT, field, { id, field });
  await ask(ctx, field, 'edit', `adc:v:${id}`);
});

/** Product picker: "all products", one product, or another page of products. */
admin.callbackQuery(/^adc:(pa|pp:(\d{1,10})|pg:(\d{1,4}))$/, async (ctx) => {
  const isNew = readDialog(ctx, NEW, Draft);
  const edit = readDialog(ctx, EDIT, EditState);
  if (!(isNew?.step === 'product' || edit?.data.field === 'product')) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
    return;
  }
  if (ctx.match[3] !== undefined) {
    await ctx.answerCallbackQuery();
    await ask(
      ctx,
      'product',
      isNew ? 'new' : 'edit',
      isNew ? 'adc:cancel' : `adc:v:${edit?.data.id}`,
      undefined,
      Number(ctx.match[3]),
    );
    return;
  }
  let productId: number | null = null;
  if (ctx.match[2] !== undefined) {
    const product = await ctx.deps.services.catalog.byId(Number(ctx.match[2]));
    if (!product) {
      await ctx.answerCallbackQuery({ text: ctx.t('admin-product-gone') });
      return;
    }
    productId = product.id;
  }
  if (isNew) {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
    setStep(ctx, 'product', { productId });
    await advanceNew(ctx, { ...isNew.data, productId });
  } else if (edit) {
    await applyEdit(ctx, edit.data.id, 'product', { productId });
  }
});

/** Skip an optional step of the wizard, or clear an optional field when editing. */
admin.callbackQuery('adc:skip', async (ctx) => {
  const isNew = readDialog(ctx, NEW, Draft);
  const edit = readDialog(ctx, EDIT, EditState);
  const field = isNew ? (isNew.step as Field) : edit?.data.field;
  const defaults: Partial<Record<Field, Partial<Draft>>> = {
    expiry: { expiresAt: null },
    max: { maxUses: null },
    ...(isNew ? { peruser: { perUserLimit: 1 } } : {}),
  };
  const patch = field ? defaults[field] : undefined;
  if (!field || !patch) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
    return;
  }
  if (isNew) {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
    setStep(ctx, field, patch);
    await advanceNew(ctx, { ...isNew.data, ...patch });
  } else if (edit) {
    await applyEdit(ctx, edit.data.id, field, patch);
  }
});

admin.callbackQuery('adc:save', async (ctx) => {
  const dialog = readDialog(ctx, NEW, Draft);
  if (!dialog || nextField(dialog.data) !== 'summary') {
    await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
    return;
  }
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  const result = await ctx.deps.services.promo.create(toInput(dialog.data as Required<Draft>));
  await ctx.answerCallbackQuery(result.ok ? { text: ctx.t('admin-promo-saved') } : {});
  if (!result.ok) {
    // The code was taken meanwhile, or the product was deleted: ask that field again, keep the rest.
    const field: Field = result.reason === 'product_unknown' ? 'product' : 'code';
    const cleared: Draft = {
      ...dialog.data,
      ...(field === 'code' ? { code: undefined } : { productId: undefined }),
    };
    startDialog(ctx, NEW, field, cleared);
    const key = result.reason === 'not_found' ? 'admin-promo-gone' : promoErrorKey(result.reason);
    await ask(ctx, field, 'new', 'adc:cancel', ctx.t(key));
    return;
  }
  endDialog(ctx);
  await ctx.reply(ctx.t('admin-promo-created', { code: result.promo.code }));
  await showPromo(ctx, result.promo);
});

adminPromoFeature.on('message', async (ctx, next) => {
  const name = ctx.session.dialog?.name;
  if ((name !== NEW && name !== EDIT) || ctx.message.text?.startsWith('/')) return next();
  if (!(await stillAdmin(ctx))) return;
  const text = ctx.message.text;
  if (name === NEW) {
    const dialog = readDialog(ctx, NEW, Draft);
    if (!dialog) return next();
    const field = dialog.step as Field | 'summary';
    if (field === 'summary' || field === 'product') {
      await ctx.reply(ctx.t('admin-product-use-buttons'));
      return;
    }
    if (text === undefined) {
      await ask(ctx, field, 'new', 'adc:cancel', ctx.t('admin-product-need-text'));
      return;
    }
    const parsed = await parseField(ctx, field, text);
    if (!parsed.ok) {
      await ask(ctx, field, 'new', 'adc:cancel', parsed.refusal);
      return;
    }
    setStep(ctx, field, parsed.patch);
    await advanceNew(ctx, { ...dialog.data, ...parsed.patch });
    return;
  }
  const dialog = readDialog(ctx, EDIT, EditState);
  if (!dialog) return next();
  const { id, field } = dialog.data;
  if (field === 'product') {
    await ctx.reply(ctx.t('admin-product-use-buttons'));
    return;
  }
  if (text === undefined) {
    await ask(ctx, field, 'edit', `adc:v:${id}`, ctx.t('admin-product-need-text'));
    return;
  }
  const parsed = await parseField(ctx, field, text, id);
  if (!parsed.ok) {
    await ask(ctx, field, 'edit', `adc:v:${id}`, parsed.refusal);
    return;
  }
  await applyEdit(ctx, id, field, parsed.patch);
});

admin.callbackQuery(/^adc:on:(\d{1,10}):([01])$/, async (ctx) => {
  const promo = await ctx.deps.services.promo.setActive(Number(ctx.match[1]), ctx.match[2] === '1');
  if (!promo) {
    await ctx.answerCallbackQuery({ text: ctx.t('admin-promo-gone') });
    await showList(ctx, 0);
    return;
  }
  await ctx.answerCallbackQuery({
    text: ctx.t(promo.isActive ? 'admin-promo-enabled' : 'admin-promo-was-disabled'),
  });
  await showPromo(ctx, promo);
});

admin.callbackQuery(/^adc:del:(\d{1,10})$/, async (ctx) => {
  const promo = await openedPromo(ctx, Number(ctx.match[1]));
  if (!promo) return;
  await showScreen(
    ctx,
    ctx.t('admin-promo-delete-confirm', { code: promo.code }),
    new InlineKeyboard()
      .text(ctx.t('admin-btn-confirm-delete'), `adc:dely:${promo.id}`)
      .text(ctx.t('admin-btn-cancel'), `adc:v:${promo.id}`),
  );
});

admin.callbackQuery(/^adc:dely:(\d{1,10})$/, async (ctx) => {
  const deleted = await ctx.deps.services.promo.delete(Number(ctx.match[1]));
  await ctx.answerCallbackQuery({ text: ctx.t(deleted ? 'admin-promo-deleted' : 'admin-promo-gone') });
  await showList(ctx, 0);
});
