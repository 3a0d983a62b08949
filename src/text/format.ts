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
