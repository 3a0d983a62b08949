import { z } from 'zod';
import {
  type PromoCode,
  type PromoInput,
  type PromoInputError,
  type PromoKind,
  validatePromoCode,
  validatePromoValue,
} from '../../../services/promo.js';
import { formatDate, formatPrice } from '../../../text/format.js';
import type { MessageKey } from '../../../text/i18n.js';
import { zonedTimeToUtc } from '../../../text/zoned-time.js';
import type { BotContext } from '../../context.js';
import type { Answer } from './field-wizard.js';

/** A promo code's fields as the panel reads, checks and shows them. */

export const PromoDraft = z.object({
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
export type PromoDraft = z.infer<typeof PromoDraft>;

/** The fields in the order the wizard asks them, each with the draft keys it fills. */
export const PROMO_FIELDS = {
  code: ['code'],
  value: ['value', 'kind'],
  product: ['productId'],
  expiry: ['expiresAt'],
  max: ['maxUses'],
  peruser: ['perUserLimit'],
} as const satisfies Record<string, readonly (keyof PromoDraft)[]>;
export type PromoField = keyof typeof PROMO_FIELDS;
export const PROMO_FIELD_NAMES = Object.keys(PROMO_FIELDS) as [PromoField, ...PromoField[]];

const PROMO_ERROR_KEY: Record<PromoInputError, MessageKey> = {
  code_invalid: 'admin-promo-error-code-invalid',
  code_taken: 'admin-promo-error-code-taken',
  value_invalid: 'admin-promo-error-value-invalid',
  max_uses_invalid: 'admin-promo-error-max-uses-invalid',
  per_user_limit_invalid: 'admin-promo-error-per-user-limit-invalid',
  expires_invalid: 'admin-promo-error-expires-invalid',
  product_unknown: 'admin-promo-error-product-unknown',
};

/** B's error names, worded in this panel's texts (`admin-promo-error-…`). */
export const promoErrorKey = (error: PromoInputError): MessageKey => PROMO_ERROR_KEY[error];

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

/** Validates a typed answer for a promo field (the code's uniqueness is checked against the database). */
export async function parsePromoField(
  ctx: BotContext,
  field: Exclude<PromoField, 'product'>,
  text: string,
  selfId?: number,
): Promise<Answer<PromoDraft>> {
  const refuse = (error: PromoInputError): Answer<PromoDraft> => ({
    ok: false,
    refusal: ctx.t(promoErrorKey(error)),
  });
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

/** The service's input for the draft's answered fields (a whole draft, or one edited field). */
export function promoInput(patch: PromoDraft): Partial<PromoInput> {
  const input: Partial<PromoInput> = {};
  if (patch.code !== undefined) input.code = patch.code;
  if (patch.kind !== undefined) input.kind = patch.kind;
  if (patch.value !== undefined) input.value = patch.value;
  if (patch.productId !== undefined) input.productId = patch.productId;
  if (patch.expiresAt !== undefined)
    input.expiresAt = patch.expiresAt === null ? null : new Date(patch.expiresAt);
  if (patch.maxUses !== undefined) input.maxUses = patch.maxUses;
  if (patch.perUserLimit !== undefined) input.perUserLimit = patch.perUserLimit;
  return input;
}

export const discountText = (ctx: BotContext, kind: PromoKind, value: number): string =>
  kind === 'percent' ? `${value}%` : formatPrice(value, ctx.locale);

/** The code's details block (summary of the wizard, the code's screen). */
export async function promoDetails(
  ctx: BotContext,
  d: Required<PromoDraft> | PromoCode,
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
