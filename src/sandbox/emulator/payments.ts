/**
 * Payments: the currencies Telegram accepts with their limits, and the validation of `sendInvoice` /
 * `createInvoiceLink` parameters with Telegram's error texts. Flexible invoices (shipping) are not modelled.
 */
import { badRequest } from './errors.js';
import { optBool, optInt, optJson, optString, type Params } from './params.js';
import type { InvoiceDetails, LabeledPrice } from './types.js';
import { isValidButtonUrl } from './validate.js';

/** A currency: digits after the decimal point and the accepted total, in the smallest units. */
export interface CurrencyInfo {
  readonly exp: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Currencies with limits like Telegram's https://core.telegram.org/bots/payments/currencies.json (there: about
 * US$1 … US$10,000 at the day's rate; here fixed values of that size), plus Telegram Stars (`XTR`, 1–10000).
 */
export const CURRENCIES: Readonly<Record<string, CurrencyInfo>> = {
  XTR: { exp: 0, min: 1, max: 10_000 },
  RUB: { exp: 2, min: 8_700, max: 87_000_000 },
  USD: { exp: 2, min: 100, max: 1_000_000 },
  EUR: { exp: 2, min: 93, max: 930_000 },
  GBP: { exp: 2, min: 79, max: 790_000 },
  UAH: { exp: 2, min: 4_100, max: 41_000_000 },
  KZT: { exp: 2, min: 52_000, max: 520_000_000 },
  BYN: { exp: 2, min: 330, max: 3_300_000 },
  UZS: { exp: 2, min: 1_280_000, max: 12_800_000_000 },
  GEL: { exp: 2, min: 270, max: 2_700_000 },
  AMD: { exp: 2, min: 39_000, max: 390_000_000 },
  AZN: { exp: 2, min: 170, max: 1_700_000 },
  KGS: { exp: 2, min: 8_700, max: 87_000_000 },
  TJS: { exp: 2, min: 1_070, max: 10_700_000 },
  MDL: { exp: 2, min: 1_780, max: 17_800_000 },
  TRY: { exp: 2, min: 3_400, max: 34_000_000 },
  PLN: { exp: 2, min: 400, max: 4_000_000 },
  CZK: { exp: 2, min: 2_300, max: 23_000_000 },
  CHF: { exp: 2, min: 88, max: 880_000 },
  SEK: { exp: 2, min: 1_050, max: 10_500_000 },
  NOK: { exp: 2, min: 1_080, max: 10_800_000 },
  DKK: { exp: 2, min: 690, max: 6_900_000 },
  CAD: { exp: 2, min: 136, max: 1_360_000 },
  AUD: { exp: 2, min: 150, max: 1_500_000 },
  ILS: { exp: 2, min: 370, max: 3_700_000 },
  AED: { exp: 2, min: 367, max: 3_670_000 },
  INR: { exp: 2, min: 8_400, max: 84_000_000 },
  CNY: { exp: 2, min: 720, max: 7_200_000 },
  BRL: { exp: 2, min: 550, max: 5_500_000 },
  JPY: { exp: 0, min: 150, max: 1_500_000 },
  KRW: { exp: 0, min: 1_350, max: 13_500_000 },
};

export const PAYMENT_ERR = {
  title: 'INVOICE_TITLE_INVALID',
  description: 'INVOICE_DESCRIPTION_INVALID',
  payload: 'INVOICE_PAYLOAD_INVALID',
  provider: 'PAYMENT_PROVIDER_INVALID',
  currency: 'CURRENCY_INVALID',
  total: 'CURRENCY_TOTAL_AMOUNT_INVALID',
  prices: "can't parse prices JSON object",
  pricesEmpty: 'prices must be non-empty',
  stars: 'STARS_INVOICE_INVALID',
  maxTip: 'MAX_TIP_AMOUNT_INVALID',
  suggestedTips: 'SUGGESTED_TIP_AMOUNTS_INVALID',
  startParam: 'START_PARAM_INVALID',
  photoUrl: 'PHOTO_URL_INVALID',
  flexible:
    'is_flexible is not supported by the emulator: shipping queries (answerShippingQuery) are not modelled',
  shipping: 'shipping queries are not modelled by the emulator (flexible invoices are refused)',
  subscription: 'SUBSCRIPTION_PERIOD_INVALID',
  chargeNotFound: 'CHARGE_NOT_FOUND',
  chargeRefunded: 'CHARGE_ALREADY_REFUNDED',
  notStars: 'CHARGE_NOT_STARS',
  errorMessageEmpty: 'ERROR_MESSAGE_EMPTY',
  okMissing: 'parameter "ok" is required',
} as const;

const utf8 = new TextEncoder();

/** Digits after the decimal point of a currency (2 for unknown ones). */
export function currencyExp(currency: string): number {
  return CURRENCIES[currency]?.exp ?? 2;
}

/** An amount in the smallest units written with its currency, e.g. `8700.00 RUB`, `⭐ 50`. */
export function formatAmount(currency: string, amount: number): string {
  if (currency === 'XTR') return `⭐ ${amount}`;
  const exp = currencyExp(currency);
  return `${(amount / 10 ** exp).toFixed(exp)} ${currency}`;
}

function prices(p: Params, currency: string): LabeledPrice[] {
  const raw = optJson(p, 'prices', PAYMENT_ERR.prices);
  if (raw === undefined) throw badRequest(PAYMENT_ERR.pricesEmpty);
  if (!Array.isArray(raw)) throw badRequest(PAYMENT_ERR.prices);
  if (raw.length === 0) throw badRequest(PAYMENT_ERR.pricesEmpty);
  const list: LabeledPrice[] = raw.map((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw badRequest(PAYMENT_ERR.prices);
    const { label, amount } = item as Params;
    if (typeof label !== 'string' || label === '') throw badRequest(PAYMENT_ERR.prices);
    const n = typeof amount === 'string' && /^-?\d+$/.test(amount) ? Number(amount) : amount;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw badRequest(PAYMENT_ERR.prices);
    return { label, amount: n };
  });
  if (currency === 'XTR' && list.length !== 1) throw badRequest(PAYMENT_ERR.stars);
  return list;
}

function tips(p: Params, currency: string): { max: number; suggested: number[] } {
  const max = optInt(p, 'max_tip_amount') ?? 0;
  if (max < 0 || (currency === 'XTR' && max !== 0)) throw badRequest(PAYMENT_ERR.maxTip);
  const raw = optJson(p, 'suggested_tip_amounts', PAYMENT_ERR.suggestedTips);
  if (raw === undefined) return { max, suggested: [] };
  if (!Array.isArray(raw) || raw.length > 4) throw badRequest(PAYMENT_ERR.suggestedTips);
  const suggested = raw.map((v) => {
    const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0 || n > max) {
      throw badRequest(PAYMENT_ERR.suggestedTips);
    }
    return n;
  });
  for (let i = 1; i < suggested.length; i++) {
    if ((suggested[i] as number) <= (suggested[i - 1] as number)) throw badRequest(PAYMENT_ERR.suggestedTips);
  }
  return { max, suggested };
}

function optNonNegative(p: Params, name: string): number | undefined {
  const n = optInt(p, name);
  if (n !== undefined && n < 0) throw badRequest(`field "${name}" must be non-negative`);
  return n;
}

/**
 * Validates the invoice parameters of sendInvoice (`kind: 'message'`) or createInvoiceLink (`kind: 'link'`)
 * in Telegram's order of checks; returns everything the invoice was created with.
 */
export function parseInvoice(p: Params, kind: 'message' | 'link'): InvoiceDetails {
  const title = optString(p, 'title') ?? '';
  if (title.length < 1 || title.length > 32) throw badRequest(PAYMENT_ERR.title);
  const description = optString(p, 'description') ?? '';
  if (description.length < 1 || description.length > 255) throw badRequest(PAYMENT_ERR.description);
  const payload = optString(p, 'payload') ?? '';
  const payloadBytes = utf8.encode(payload).length;
  if (payloadBytes < 1 || payloadBytes > 128) throw badRequest(PAYMENT_ERR.payload);
  const currency = optString(p, 'currency') ?? '';
  const info = CURRENCIES[currency];
  if (!info) throw badRequest(PAYMENT_ERR.currency);
  const providerToken = optString(p, 'provider_token') ?? '';
  if (currency === 'XTR' ? providerToken !== '' : providerToken.trim() === '') {
    throw badRequest(PAYMENT_ERR.provider);
  }
  const list = prices(p, currency);
  const total = list.reduce((sum, price) => sum + price.amount, 0);
  if (!Number.isSafeInteger(total) || total < info.min || total > info.max)
    throw badRequest(PAYMENT_ERR.total);
  const tip = tips(p, currency);
  if (total + tip.max > info.max) throw badRequest(PAYMENT_ERR.maxTip);
  const startParameter = kind === 'message' ? (optString(p, 'start_parameter') ?? '') : '';
  if (startParameter !== '' && !/^[A-Za-z0-9_-]{1,64}$/.test(startParameter)) {
    throw badRequest(PAYMENT_ERR.startParam);
  }
  const providerData = optString(p, 'provider_data');
  if (providerData !== undefined && providerData !== '') {
    try {
      JSON.parse(providerData);
    } catch {
      throw badRequest("can't parse provider_data JSON object");
    }
  }
  const photoUrl = optString(p, 'photo_url');
  if (
    photoUrl !== undefined &&
    photoUrl !== '' &&
    (!/^https?:\/\//i.test(photoUrl) || !isValidButtonUrl(photoUrl))
  ) {
    throw badRequest(PAYMENT_ERR.photoUrl);
  }
  if (optBool(p, 'is_flexible') === true) throw badRequest(PAYMENT_ERR.flexible);
  if (kind === 'link') {
    const period = optInt(p, 'subscription_period');
    if (period !== undefined && (currency !== 'XTR' || period !== 2_592_000)) {
      throw badRequest(PAYMENT_ERR.subscription);
    }
  }
  const flag = (name: string) => optBool(p, name) ?? false;
  return {
    title,
    description,
    payload,
    provider_token: providerToken,
    currency,
    prices: list,
    total_amount: total,
    max_tip_amount: tip.max,
    suggested_tip_amounts: tip.suggested,
    start_parameter: startParameter,
    provider_data: providerData === '' ? undefined : providerData,
    photo_url: photoUrl === '' ? undefined : photoUrl,
    photo_size: optNonNegative(p, 'photo_size'),
    photo_width: optNonNegative(p, 'photo_width'),
    photo_height: optNonNegative(p, 'photo_height'),
    need_name: flag('need_name'),
    need_phone_number: flag('need_phone_number'),
    need_email: flag('need_email'),
    need_shipping_address: flag('need_shipping_address'),
    send_phone_number_to_provider: flag('send_phone_number_to_provider'),
    send_email_to_provider: flag('send_email_to_provider'),
  };
}
