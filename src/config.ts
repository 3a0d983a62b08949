import { existsSync } from 'node:fs';
import { z } from 'zod';

/** Telegram ids of users: positive integers that may exceed 2^32 but stay below 2^53. */
const telegramId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const ownerIds = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return [] as number[];
      const ids: number[] = [];
      for (const part of raw.split(',')) {
        const parsed = telegramId.safeParse(part.trim());
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: `"${part.trim()}" is not a Telegram user id` });
          return z.NEVER;
        }
        ids.push(parsed.data);
      }
      return ids;
    }),
);

const channelId = z
  .string()
  .regex(/^(@[A-Za-z][A-Za-z0-9_]{3,31}|-100\d{5,})$/, 'must be @channel_name or a -100… chat id');

const base = z.object({
  BOT_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'does not look like a BotFather token (digits:secret)')
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/ })
      .default('https://api.telegram.org')
      .transform((url) => url.replace(/\/+$/, '')),
  ),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  OWNER_IDS: ownerIds,
  CHANNEL_ID: z.preprocess(emptyToUndefined, channelId.optional()),
  CHANNEL_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^(https?|tg)$/ }).optional()),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(['ru', 'en']).default('ru')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  TIMEZONE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('Europe/Moscow')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'is not an IANA time zone such as Europe/Moscow'),
  ),
  BROADCAST_RATE: z.preprocess(emptyToUndefined, z.coerce.number().positive().max(1000).default(25)),
  BROADCAST_PAID: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
  FLOOD_LIMIT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(20)),
  FLOOD_WINDOW_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3600).default(10)),
  FLOOD_COOLDOWN_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(86_400).default(30),
  ),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(120_000).default(10_000),
  ),
  SUPPORT_SLA_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_080).default(15)),
  SUPPORT_HOURS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return undefined;
        const match = /^(\d{1,2})-(\d{1,2})$/.exec(raw.trim());
        const from = Number(match?.[1]);
        const to = Number(match?.[2]);
        if (!match || from > 23 || to > 24 || from >= to) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be working hours such as 10-19 (start before end, 0–24)',
          });
          return z.NEVER;
        }
        return { from, to };
      }),
  ),
  PAYMENTS_PROVIDER_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+:[A-Za-z0-9_:-]+$/, 'does not look like a BotFather payment provider token')
      .optional(),
  ),
  PAYMENTS_CURRENCY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as RUB')
      .refine((code) => code !== 'XTR', 'XTR is Telegram Stars: set PAYMENTS_STARS=true instead')
      .default('RUB'),
  ),
  PAYMENTS_STARS: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
  PAYMENTS_STAR_RATE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{1,7}(\.\d{1,2})?$/, 'must be a price of one star, e.g. 1.5 (at most two decimals)')
      .transform((raw) => starRateMinor(raw))
      .refine((minor) => minor > 0, 'must be above zero')
      .optional(),
  ),
  PAYMENTS_DEPOSIT_PERCENT: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(100).default(100),
  ),
  PAYMENTS_PAY_LATER: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('true')),
});

/** `"1.5"` → 150: the price of one star in hundredths of the price unit, exactly (no floats). */
function starRateMinor(raw: string): number {
  const [whole = '0', fraction = ''] = raw.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

const modeSchema = z.discriminatedUnion('BOT_MODE', [
  z.object({ BOT_MODE: z.literal('polling') }),
  z.object({
    BOT_MODE: z.literal('webhook'),
    WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'is required in webhook mode (an https:// URL)' }),
    WEBHOOK_SECRET: z
      .string({ error: 'is required in webhook mode' })
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z a-z 0-9 _ -'),
  }),
]);

export type Mode =
  | { kind: 'polling' }
  | { kind: 'webhook'; url: string; secret: string }
  | { kind: 'sandbox' };

export interface Config {
  /** Absent in sandbox mode: the bot then talks to the embedded emulator. Never log it. */
  botToken: string | undefined;
  apiRoot: string;
  databaseUrl: string | undefined;
  dataDir: string;
  ownerIds: readonly number[];
  channel: { id: string; url: string } | undefined;
  mode: Mode;
  port: number;
  host: string;
  defaultLocale: 'ru' | 'en';
  logLevel: string;
  timezone: string;
  broadcast: { ratePerSecond: number; paid: boolean };
  /**
   * More than `limit` updates from one customer within `windowSeconds` → one notice, then their
   * updates are ignored for `cooldownSeconds`. Staff and owners are exempt.
   */
  flood: { limit: number; windowSeconds: number; cooldownSeconds: number };
  /** How long a shutdown lets the updates already taken finish. */
  shutdownTimeoutMs: number;
  support: SupportConfig;
  /** Undefined when neither card payments nor Stars are set up: checkout takes orders to pay later. */
  payments: PaymentsConfig | undefined;
}

/** Working hours of the support desk in the studio's time zone: from `from`:00 to `to`:00 every day. */
export interface SupportHours {
  from: number;
  to: number;
}

export interface SupportConfig {
  /** How long a ticket may wait (untaken, or a customer message unanswered) before someone is reminded. */
  slaMinutes: number;
  /** Undefined: the desk works around the clock. */
  hours: SupportHours | undefined;
}

export interface PaymentsConfig {
  /** Card payments through a BotFather provider; undefined: Stars only. Never log it. */
  card: { providerToken: string; currency: string } | undefined;
  /** Telegram Stars; `rateMinor` is the price of one star in hundredths of a rouble (150 = 1.50 ₽). */
  stars: { rateMinor: number } | undefined;
  /** 1–100: the share paid up front; below 100 the rest is invoiced later. */
  depositPercent: number;
  /** The customer may place the order and pay later. */
  payLater: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid configuration';
  const variable = issue.path.join('.') || 'environment';
  if (issue.code === 'invalid_union' && variable === 'BOT_MODE') {
    return 'BOT_MODE: must be "polling" or "webhook"';
  }
  return `${variable}: ${issue.message}`;
}

function channelUrl(id: string): string | undefined {
  return id.startsWith('@') ? `https://t.me/${id.slice(1)}` : undefined;
}

/**
 * Parses the environment once. Throws {@link ConfigError} with one line naming the bad variable;
 * the message never contains the token's value.
 */
/**
 * Reads `.env` in the working directory into `process.env` when the file exists. Variables already
 * in the environment win over the file (Node's `process.loadEnvFile` never overwrites them).
 * Returns whether a file was read.
 */
export function loadEnvFile(path = '.env'): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = base.safeParse(env);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  const mode = modeSchema.safeParse({ ...env, BOT_MODE: emptyToUndefined(env.BOT_MODE) ?? 'polling' });
  if (!mode.success) throw new ConfigError(describe(mode.error));
  const c = parsed.data;

  let channel: Config['channel'];
  if (c.CHANNEL_ID) {
    const url = c.CHANNEL_URL ?? channelUrl(c.CHANNEL_ID);
    if (!url) throw new ConfigError('CHANNEL_URL: is required when CHANNEL_ID is a numeric id');
    channel = { id: c.CHANNEL_ID, url };
  }

  let resolvedMode: Mode;
  if (!c.BOT_TOKEN) {
    if (mode.data.BOT_MODE === 'webhook') throw new ConfigError('BOT_TOKEN: is required in webhook mode');
    resolvedMode = { kind: 'sandbox' };
  } else if (mode.data.BOT_MODE === 'webhook') {
    resolvedMode = { kind: 'webhook', url: mode.data.WEBHOOK_URL, secret: mode.data.WEBHOOK_SECRET };
  } else {
    resolvedMode = { kind: 'polling' };
  }

  return {
    botToken: c.BOT_TOKEN,
    apiRoot: c.TELEGRAM_API_ROOT,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.DATA_DIR,
    ownerIds: c.OWNER_IDS,
    channel,
    mode: resolvedMode,
    port: c.PORT,
    host: c.HOST,
    defaultLocale: c.DEFAULT_LOCALE,
    logLevel: c.LOG_LEVEL,
    timezone: c.TIMEZONE,
    broadcast: { ratePerSecond: c.BROADCAST_RATE, paid: c.BROADCAST_PAID === 'true' },
    flood: {
      limit: c.FLOOD_LIMIT,
      windowSeconds: c.FLOOD_WINDOW_SECONDS,
      cooldownSeconds: c.FLOOD_COOLDOWN_SECONDS,
    },
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    support: { slaMinutes: c.SUPPORT_SLA_MINUTES, hours: c.SUPPORT_HOURS },
    payments: paymentsConfig(c),
  };
}

function paymentsConfig(c: z.infer<typeof base>): PaymentsConfig | undefined {
  const stars = c.PAYMENTS_STARS === 'true';
  if (stars && c.PAYMENTS_STAR_RATE === undefined) {
    throw new ConfigError('PAYMENTS_STAR_RATE: is required with PAYMENTS_STARS=true (roubles per star)');
  }
  if (!c.PAYMENTS_PROVIDER_TOKEN && !stars) return undefined;
  return {
    card: c.PAYMENTS_PROVIDER_TOKEN
      ? { providerToken: c.PAYMENTS_PROVIDER_TOKEN, currency: c.PAYMENTS_CURRENCY }
      : undefined,
    stars: stars && c.PAYMENTS_STAR_RATE !== undefined ? { rateMinor: c.PAYMENTS_STAR_RATE } : undefined,
    depositPercent: c.PAYMENTS_DEPOSIT_PERCENT,
    payLater: c.PAYMENTS_PAY_LATER === 'true',
  };
}
