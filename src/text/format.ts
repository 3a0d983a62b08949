import type { Locale } from './i18n.js';

const money = new Map<Locale, Intl.NumberFormat>();

/** `15000` → `15 000 ₽` (ru) / `₽15,000` (en); prices are whole roubles. */
export function formatPrice(amount: number, locale: Locale): string {
  let format = money.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-US', {
      style: 'currency',
      currency: 'RUB',
      currencyDisplay: 'narrowSymbol',
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    });
    money.set(locale, format);
  }
  // Telegram clients wrap on the narrow no-break space poorly; a plain no-break space reads the same.
  return format.format(amount).replace(/\u202f/g, '\u00a0');
}

/**
 * Dates as each reader writes them: `23.11.2026` in Russian; in English the month by name,
 * `23 Nov 2026`, which British and American readers both read the same way (`11/12` is not).
 */
const DATE_STYLE = { ru: 'short', en: 'medium' } as const satisfies Record<Locale, 'short' | 'medium'>;
const INTL_LOCALE = { ru: 'ru-RU', en: 'en-GB' } as const satisfies Record<Locale, string>;

/** A date and time in the studio's time zone, e.g. `23.11.2026, 14:05` / `23 Nov 2026, 14:05`. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: DATE_STYLE[locale],
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

/** A date in the studio's time zone, e.g. `23.11.2026` / `23 Nov 2026`. */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: DATE_STYLE[locale], timeZone }).format(
    date,
  );
}

/** Digits after the point in `currency`'s smallest unit (2 for RUB: kopecks; 0 for JPY and for Stars, `XTR`). */
export function minorDigits(currency: string): number {
  if (currency === 'XTR') return 0;
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/**
 * An amount in the smallest unit of `currency`: `150000` RUB → `1 500 ₽`, `150050` → `1 500,50 ₽`;
 * Stars (`XTR`) → `150 ⭐`. Kopecks are shown only when there are some.
 */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const intl = locale === 'ru' ? 'ru-RU' : 'en-US';
  if (currency === 'XTR') {
    return `${new Intl.NumberFormat(intl).format(amount).replace(/\u202f/g, '\u00a0')}\u00a0⭐`;
  }
  const digits = minorDigits(currency);
  const scale = 10 ** digits;
  const shown = amount % scale === 0 ? 0 : digits;
  return new Intl.NumberFormat(intl, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: shown,
    maximumFractionDigits: shown,
  })
    .format(amount / scale)
    .replace(/\u202f/g, '\u00a0');
}
