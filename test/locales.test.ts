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
