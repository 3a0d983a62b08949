import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeKeys, renderLocaleKeys } from '../scripts/locale-keys.mjs';
import { type MessageKey, Translator } from '../src/text/i18n.js';

// The same rule as scripts/locale-keys.mjs: ids may hold `_` (e.g. `tickets-state-in_work`).
const messageIds = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^([a-z][a-zA-Z0-9_-]*)\s*=/gm)].map((m) => m[1] as string);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'web' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Keys written literally in code: t('key'…), translator.t(locale, 'key'…), plain(ctx, 'key'…). */
function keysUsedInCode(): Set<string> {
  const keys = new Set<string>();
  const patterns = [/\bt\(\s*'([a-z][a-zA-Z0-9_-]*)'/g, /\.t\([^,()]+,\s*'([a-z][a-zA-Z0-9_-]*)'/g];
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) keys.add(m[1] as string);
  }
  return keys;
}

const featureFiles = (locale: string): string[] =>
  readdirSync(join('locales', locale))
    .filter((name) => name.endsWith('.ftl'))
    .sort();
const idsOf = (locale: string): string[] =>
  featureFiles(locale).flatMap((name) => messageIds(join('locales', locale, name)));

describe('locales', () => {
  const ru = idsOf('ru');
  const en = idsOf('en');

  it('ru and en define the same messages, each once', () => {
    expect(new Set(ru).size).toBe(ru.length);
    expect(new Set(en).size).toBe(en.length);
    expect([...en].sort()).toEqual([...ru].sort());
  });

  it('ru and en have the same feature files, each with the same messages', () => {
    expect(featureFiles('en')).toEqual(featureFiles('ru'));
    for (const name of featureFiles('ru')) {
      const ruIds = messageIds(join('locales', 'ru', name)).sort();
      const enIds = messageIds(join('locales', 'en', name)).sort();
      expect(enIds, name).toEqual(ruIds);
    }
  });

  it('src/text/locale-keys.ts is up to date (run `node scripts/locale-keys.mjs`)', () => {
    expect(localeKeys()).toEqual([...new Set(ru)].sort());
    expect(readFileSync(join('src', 'text', 'locale-keys.ts'), 'utf8')).toBe(renderLocaleKeys(localeKeys()));
  });

  it('every key the code names literally exists', () => {
    const defined = new Set(ru);
    const missing = [...keysUsedInCode()].filter((key) => !defined.has(key));
    expect(missing).toEqual([]);
  });

  it('every message renders in both languages without Fluent errors', () => {
    const translator = new Translator('ru');
    for (const locale of ['ru', 'en'] as const) {
      for (const key of ru) {
        // Fill in each variable the message asks for (a number also drives plural selectors).
        const vars: Record<string, number> = {};
        let text: string | undefined;
        for (let attempt = 0; attempt < 20 && text === undefined; attempt++) {
          try {
            // Every id of the ru files, read at run time: the compiler cannot know them.
            text = translator.t(locale, key as MessageKey, vars);
          } catch (error) {
            const variable = /Unknown variable: \$([A-Za-z0-9_-]+)/.exec(String(error))?.[1];
            if (!variable) throw error;
            vars[variable] = 2;
          }
        }
        expect(text, `${locale}:${key}`).toBeDefined();
        expect(text, `${locale}:${key}`).not.toBe(key);
        expect(text?.length, `${locale}:${key}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('numbers, plurals and the bot profile in the texts', () => {
  const translator = new Translator('ru');
  /** Renders a message with the given variables, the others left empty. */
  const render = (locale: 'ru' | 'en', key: MessageKey, given: Record<string, number>): string => {
    const vars: Record<string, number | string> = { ...given };
    for (;;) {
      try {
        return translator.t(locale, key, vars);
      } catch (error) {
        const variable = /Unknown variable: \$([A-Za-z0-9_-]+)/.exec(String(error))?.[1];
        if (!variable) throw error;
        vars[variable] = '';
      }
    }
  };

  it('an id stays as its digits while a quantity is grouped for the locale', () => {
    expect(translator.t('ru', 'orders-cancelled', { id: 12345 })).toBe('Заказ №12345 отменён.');
    expect(translator.t('en', 'orders-cancelled', { id: 12345 })).toBe('Order #12345 has been cancelled.');
    expect(translator.t('ru', 'tickets-tab-open', { n: 12345 })).toBe('Открытые (12\u00a0345)');
    expect(translator.t('en', 'tickets-tab-open', { n: 12345 })).toBe('Open (12,345)');
  });

  it('a number next to a noun takes its plural form in both languages', () => {
    const days = (locale: 'ru' | 'en', n: number) => translator.t(locale, 'catalog-days', { n });
    expect([1, 3, 5, 21, 22, 11].map((n) => days('ru', n))).toEqual([
      '1 день',
      '3 дня',
      '5 дней',
      '21 день',
      '22 дня',
      '11 дней',
    ]);
    expect([1, 2].map((n) => days('en', n))).toEqual(['1 day', '2 days']);
    const chart = (locale: 'ru' | 'en', orders: number, users: number) =>
      translator.t(locale, 'admin-chart-caption', {
        from: '1 Nov',
        to: '7 Nov',
        revenue: '5 000 ₽',
        orders,
        users,
      });
    expect(chart('en', 1, 2)).toBe('📈 1 Nov – 7 Nov: 1 order, 5 000 ₽ revenue, 2 new customers.');
    expect(chart('en', 2, 1)).toContain('2 orders');
    expect(chart('en', 2, 1)).toContain('1 new customer.');
    const stats = render('en', 'admin-stats', { users: 1, buyers: 1, rated: 1 });
    expect(stats).toContain('(1 of 1 user ordered)');
    expect(stats).toContain('(1 rating)');
    expect(render('ru', 'admin-product-view', { deadline: 21 })).toContain('Срок: 21 день');
    expect(render('en', 'bc-stats', { clickers: 1 })).toContain('(1 person)');
  });

  it('the bot profile texts fit Telegram: description ≤ 512, short description ≤ 120 characters', () => {
    for (const locale of ['ru', 'en'] as const) {
      const description = translator.t(locale, 'bot-description');
      const short = translator.t(locale, 'bot-short-description');
      expect(description.length, locale).toBeLessThanOrEqual(512);
      expect(short.length, locale).toBeLessThanOrEqual(120);
      // Telegram shows them as plain text: no markup, nothing escaped.
      expect(`${description}${short}`, locale).not.toMatch(/[<>&]/);
    }
  });
});
