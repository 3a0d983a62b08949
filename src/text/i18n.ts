import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import { escapeHtml } from '../telegram/html-render.js';
import { Html } from '../telegram/markup.js';
import type { MessageKey } from './locale-keys.js';

export type { MessageKey } from './locale-keys.js';

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type TranslationValue = string | number | Date | Html | null | undefined;
export type TranslationVars = Record<string, TranslationValue>;
export type Translate = (key: MessageKey, vars?: TranslationVars) => string;

const localesDir = fileURLToPath(new URL('../../locales', import.meta.url));

/**
 * Texts live in `locales/<lang>/<feature>.ftl` (all files of a language form one bundle). Every string variable is HTML-escaped here, once,
 * because every message is sent in HTML parse mode: a handler cannot forget to escape user
 * text. Markup the bot builds itself is passed as {@link Html}. Numbers are formatted for the
 * locale (`15 000`, `15,000`) and select plural forms, except `$id`, an identifier.
 */
export class Translator {
  private readonly i18n: I18n;

  constructor(readonly defaultLocale: Locale) {
    this.i18n = new I18n({
      defaultLocale,
      directory: localesDir,
      useSession: false,
      fluentBundleOptions: { useIsolating: false },
    });
  }

  /** The user's Telegram language when we have texts for it, otherwise the default. */
  pick(languageCode: string | null | undefined): Locale {
    const lang = languageCode?.slice(0, 2).toLowerCase();
    return (LOCALES as readonly string[]).includes(lang ?? '') ? (lang as Locale) : this.defaultLocale;
  }

  t(locale: Locale, key: MessageKey, vars?: TranslationVars): string {
    if (!vars) return this.i18n.t(locale, key);
    const safe: Record<string, string | number | Date> = {};
    for (const [name, value] of Object.entries(vars)) {
      if (value === null || value === undefined) safe[name] = '';
      else if (value instanceof Html) safe[name] = value.html;
      else if (typeof value === 'string') safe[name] = escapeHtml(value);
      // `$id` names a thing (order №12345, Telegram ID): digits as they are, not a grouped quantity.
      else if (name === 'id' && typeof value === 'number') safe[name] = String(value);
      else safe[name] = value;
    }
    return this.i18n.t(locale, key, safe);
  }

  for(locale: Locale): Translate {
    return (key, vars) => this.t(locale, key, vars);
  }
}
