import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { escapeHtml } from '../telegram/html-render.js';
import { Html } from '../telegram/markup.js';
import type { MessageKey } from './locale-keys.js';

type Message = NonNullable<ReturnType<FluentBundle['getMessage']>>;

export type { MessageKey } from './locale-keys.js';

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type TranslationValue = string | number | Date | Html | null | undefined;
export type TranslationVars = Record<string, TranslationValue>;
export type Translate = (key: MessageKey, vars?: TranslationVars) => string;

const localesDir = fileURLToPath(new URL('../../locales', import.meta.url));

/** All `locales/<locale>/*.ftl` files as one Fluent bundle (files in name order; a syntax error stops the start). */
function loadBundle(locale: Locale): FluentBundle {
  const dir = join(localesDir, locale);
  const bundle = new FluentBundle(locale, { useIsolating: false });
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.ftl'))
    .sort()) {
    const errors = bundle.addResource(new FluentResource(readFileSync(join(dir, file), 'utf8')), {
      allowOverrides: true,
    });
    if (errors.length > 0) {
      throw new Error(`locales/${locale}/${file}: ${errors.map((error) => error.message).join('; ')}`);
    }
  }
  return bundle;
}

/**
 * Texts live in `locales/<lang>/<feature>.ftl` (all files of a language form one bundle). Every string variable is HTML-escaped here, once,
 * because every message is sent in HTML parse mode: a handler cannot forget to escape user
 * text. Markup the bot builds itself is passed as {@link Html}. Numbers are formatted for the
 * locale (`15 000`, `15,000`) and select plural forms, except `$id`, an identifier.
 *
 * One Fluent bundle per locale, built at start: a text is a map lookup and a format, with no
 * language negotiation per call (what @grammyjs/i18n did on every `t()`, 5 % of an update's CPU). A
 * key missing from a locale falls back to the default locale's text, then to `{key}`.
 */
export class Translator {
  private readonly bundles = new Map<Locale, FluentBundle>();
  private readonly bound = new Map<Locale, Translate>();

  constructor(readonly defaultLocale: Locale) {
    for (const locale of LOCALES) this.bundles.set(locale, loadBundle(locale));
  }

  /** The user's Telegram language when we have texts for it, otherwise the default. */
  pick(languageCode: string | null | undefined): Locale {
    const lang = languageCode?.slice(0, 2).toLowerCase();
    return (LOCALES as readonly string[]).includes(lang ?? '') ? (lang as Locale) : this.defaultLocale;
  }

  private find(locale: Locale, key: string): { bundle: FluentBundle; message: Message } | undefined {
    const own = this.bundles.get(locale);
    const message = own?.getMessage(key);
    if (own && message?.value) return { bundle: own, message };
    if (locale === this.defaultLocale) return undefined;
    const fallback = this.bundles.get(this.defaultLocale);
    const other = fallback?.getMessage(key);
    return fallback && other?.value ? { bundle: fallback, message: other } : undefined;
  }

  t(locale: Locale, key: MessageKey, vars?: TranslationVars): string {
    const found = this.find(locale, key);
    if (!found) return `{${key}}`;
    const pattern = found.message.value;
    if (pattern === null) return `{${key}}`;
    if (!vars) return found.bundle.formatPattern(pattern);
    const safe: Record<string, FluentVariable> = {};
    for (const name in vars) {
      const value = vars[name];
      if (value === null || value === undefined) safe[name] = '';
      else if (value instanceof Html) safe[name] = value.html;
      else if (typeof value === 'string') safe[name] = escapeHtml(value);
      // `$id` names a thing (order №12345, Telegram ID): digits as they are, not a grouped quantity.
      else if (name === 'id' && typeof value === 'number') safe[name] = String(value);
      else safe[name] = value;
    }
    return found.bundle.formatPattern(pattern, safe);
  }

  /** `t` bound to a locale (one function per locale, made once). */
  for(locale: Locale): Translate {
    let translate = this.bound.get(locale);
    if (!translate) {
      translate = (key, vars) => this.t(locale, key, vars);
      this.bound.set(locale, translate);
    }
    return translate;
  }
}
