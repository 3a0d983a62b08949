import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

const TOKEN = '123456789:AAE-secret-token-value_0123456789';
/** `--import tsx`, resolved from the project (the child may run in another working directory). */
const TSX_LOADER = pathToFileURL(resolvePath('node_modules/tsx/dist/loader.mjs')).href;

function runMain(
  env: Record<string, string>,
  cwd?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // From another working directory tsx and the entry point are named by absolute location.
    const child = spawn(process.execPath, ['--import', TSX_LOADER, resolvePath('src/main.ts')], {
      env: { PATH: process.env.PATH ?? '', ...env },
      ...(cwd ? { cwd } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('loadConfig', () => {
  it('parses the whole contract', () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      DATABASE_URL: 'postgres://u@localhost/db',
      OWNER_IDS: '7000000001, 42',
      CHANNEL_ID: '@phoenix_studio',
      DEFAULT_LOCALE: 'en',
      PORT: '8080',
    });
    expect(config.ownerIds).toEqual([7_000_000_001, 42]);
    expect(config.apiRoot).toBe('http://127.0.0.1:8081');
    expect(config.channel).toEqual({ id: '@phoenix_studio', url: 'https://t.me/phoenix_studio' });
    expect(config.mode).toEqual({ kind: 'polling' });
    expect(config.port).toBe(8080);
    expect(config.defaultLocale).toBe('en');
  });

  it('defaults to sandbox mode, PGlite in ./data and no gate', () => {
    const config = loadConfig({});
    expect(config.mode).toEqual({ kind: 'sandbox' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('./data');
    expect(config.channel).toBeUndefined();
    expect(config.apiRoot).toBe('https://api.telegram.org');
    expect(config.support).toEqual({ slaMinutes: 15, hours: undefined });
  });

  it('reads the support SLA and working hours', () => {
    const config = loadConfig({ SUPPORT_SLA_MINUTES: '5', SUPPORT_HOURS: '10-19' });
    expect(config.support).toEqual({ slaMinutes: 5, hours: { from: 10, to: 19 } });
  });

  it.each([
    [{ OWNER_IDS: 'abc' }, /^OWNER_IDS: "abc" is not a Telegram user id$/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook' }, /^WEBHOOK_URL: /],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', WEBHOOK_URL: 'https://x.example' }, /^WEBHOOK_SECRET: /],
    [{ BOT_MODE: 'carrier-pigeon' }, /^BOT_MODE: /],
    [{ CHANNEL_ID: 'phoenix' }, /^CHANNEL_ID: /],
    [{ CHANNEL_ID: '-1001234567890' }, /^CHANNEL_URL: /],
    [{ BOT_TOKEN: 'nonsense' }, /^BOT_TOKEN: /],
    [{ DEFAULT_LOCALE: 'de' }, /^DEFAULT_LOCALE: /],
    [{ TIMEZONE: 'Mars/Olympus' }, /^TIMEZONE: /],
    [{ SUPPORT_SLA_MINUTES: '0' }, /^SUPPORT_SLA_MINUTES: /],
    [{ SUPPORT_HOURS: '19-10' }, /^SUPPORT_HOURS: must be working hours/],
    [{ SUPPORT_HOURS: 'nine to five' }, /^SUPPORT_HOURS: /],
    [{ PAYMENTS_STARS: 'true' }, /^PAYMENTS_STAR_RATE: is required/],
    [{ PAYMENTS_STARS: 'true', PAYMENTS_STAR_RATE: '1.555' }, /^PAYMENTS_STAR_RATE: /],
    [{ PAYMENTS_STARS: 'true', PAYMENTS_STAR_RATE: '0' }, /^PAYMENTS_STAR_RATE: must be above zero/],
    [{ PAYMENTS_CURRENCY: 'XTR' }, /^PAYMENTS_CURRENCY: XTR is Telegram Stars/],
    [{ PAYMENTS_DEPOSIT_PERCENT: '0' }, /^PAYMENTS_DEPOSIT_PERCENT: /],
    [{ PAYMENTS_PROVIDER_TOKEN: 'not a token' }, /^PAYMENTS_PROVIDER_TOKEN: /],
  ])('rejects %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('leaves payments off unless a provider token or Stars are set', () => {
    expect(loadConfig({}).payments).toBeUndefined();
    expect(loadConfig({ PAYMENTS_DEPOSIT_PERCENT: '30', PAYMENTS_CURRENCY: 'USD' }).payments).toBeUndefined();
  });

  it('reads card payments, Stars at an exact rate, the deposit and pay later', () => {
    const config = loadConfig({
      PAYMENTS_PROVIDER_TOKEN: '381764678:TEST:12345',
      PAYMENTS_STARS: 'true',
      PAYMENTS_STAR_RATE: '1.5',
      PAYMENTS_DEPOSIT_PERCENT: '30',
      PAYMENTS_PAY_LATER: 'false',
    });
    expect(config.payments).toEqual({
      card: { providerToken: '381764678:TEST:12345', currency: 'RUB' },
      stars: { rateMinor: 150 },
      depositPercent: 30,
      payLater: false,
    });
    expect(loadConfig({ PAYMENTS_STARS: 'true', PAYMENTS_STAR_RATE: '2' }).payments).toEqual({
      card: undefined,
      stars: { rateMinor: 200 },
      depositPercent: 100,
      payLater: true,
    });
  });

  it('never puts the payment provider token into an error message', () => {
    const token = '381764678:LIVE secret';
    expect(() => loadConfig({ PAYMENTS_PROVIDER_TOKEN: token })).toThrow(/^PAYMENTS_PROVIDER_TOKEN: /);
    try {
      loadConfig({ PAYMENTS_PROVIDER_TOKEN: token });
    } catch (error) {
      expect(String(error)).not.toContain('secret');
    }
  });

  it('never puts the token into an error message', () => {
    try {
      loadConfig({ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(TOKEN);
    }
  });
});

describe('start-up failures (the real entry point)', () => {
  it('bad config → one clear line on stderr, exit code 1, no stack trace, no token', async () => {
    const result = await runMain({ BOT_TOKEN: TOKEN, OWNER_IDS: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error: OWNER_IDS: "abc" is not a Telegram user id');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('reads .env in the working directory; the environment wins over the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phx-dotenv-'));
    try {
      writeFileSync(
        join(dir, '.env'),
        `BOT_TOKEN=${TOKEN}\nDATABASE_URL=postgres://postgres@127.0.0.1:1/from_dotenv\nDEFAULT_LOCALE=fr\n`,
      );
      // Only the file: its DEFAULT_LOCALE is refused first.
      const fileOnly = await runMain({}, dir);
      expect(fileOnly.code).toBe(1);
      expect(fileOnly.stderr).toContain('DEFAULT_LOCALE');
      // The environment's DEFAULT_LOCALE wins; the file's DATABASE_URL is used.
      const both = await runMain({ DEFAULT_LOCALE: 'en' }, dir);
      expect(both.code).toBe(1);
      expect(both.stderr).toMatch(
        /cannot connect to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/from_dotenv/,
      );
      expect(both.stdout + both.stderr).not.toContain(TOKEN);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unreachable database → a clear message and a non-zero exit, not a hang', async () => {
    const started = Date.now();
    const result = await runMain({
      BOT_TOKEN: TOKEN,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: cannot connect to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/nowhere/,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });
});
