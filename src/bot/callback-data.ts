import type { Middleware } from 'grammy';
import { CALLBACK_DATA_MAX_BYTES } from '../telegram/limits.js';
import type { BotContext } from './context.js';

/**
 * Typed callback data. Each button family is one codec: a prefix and typed fields, packed as
 * `prefix:field:field`. Parsing is strict — ids within PostgreSQL's int4, numbers within their
 * bounds, enums from their list, tokens by pattern — so a forged or oversized payload is refused
 * before any handler or SQL sees it. Every codec registers itself, so one test can prove that the
 * widest value of every codec fits Telegram's 64 bytes.
 */

/** The largest value of a PostgreSQL `integer` (int4) column: every id in the schema. */
export const INT4_MAX = 2_147_483_647;

export interface Field<T> {
  parse(raw: string): T | undefined;
  format(value: T): string;
  /** The longest value the field can hold, for the size check. */
  readonly widest: T;
}

const DECIMAL = /^(0|[1-9][0-9]{0,9})$/;

function integer(min: number, max: number): Field<number> {
  return {
    parse(raw) {
      if (!DECIMAL.test(raw)) return undefined;
      const value = Number(raw);
      return value >= min && value <= max ? value : undefined;
    },
    format(value) {
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new RangeError(`callback field out of range: ${value} not in ${min}…${max}`);
      }
      return String(value);
    },
    widest: max,
  };
}

export const field = {
  /** A row id: 1 … int4 max. */
  id: (): Field<number> => integer(1, INT4_MAX),
  /** A whole number in min … max (a page, a rating, an index). */
  int: (min: number, max: number): Field<number> => integer(min, max),
  /** One of a fixed list of words. */
  oneOf<const V extends string>(...values: readonly V[]): Field<V> {
    const allowed = new Set<string>(values);
    const widest = values.reduce((a, b) => (b.length > a.length ? b : a));
    return {
      parse: (raw) => (allowed.has(raw) ? (raw as V) : undefined),
      format: (value) => value,
      widest,
    };
  },
  /** A short opaque token (a random checkout key): `[A-Za-z0-9_-]`, 1 … maxLength characters. */
  token(maxLength: number): Field<string> {
    const pattern = new RegExp(`^[A-Za-z0-9_-]{1,${maxLength}}$`);
    return {
      parse: (raw) => (pattern.test(raw) ? raw : undefined),
      format(value) {
        if (!pattern.test(value)) throw new RangeError(`callback token not allowed: ${value}`);
        return value;
      },
      widest: 'x'.repeat(maxLength),
    };
  },
};

type Fields = Record<string, Field<unknown>>;
type ValuesOf<F extends Fields> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

export interface CallbackCodec<T> {
  readonly prefix: string;
  /** Matches every payload under this prefix, well-formed or not: malformed ones are refused by {@link onCallback}. */
  readonly filter: RegExp;
  pack(values: T): string;
  unpack(data: string): T | undefined;
  /** The longest payload this codec can produce. */
  widestPayload(): string;
}

const registry = new Map<string, CallbackCodec<unknown>>();

/** Every codec defined so far (all of them once the bot's features are imported). */
export const registeredCodecs = (): CallbackCodec<unknown>[] => [...registry.values()];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Defines the codec of one button family. `prefix` is the family's fixed part (`tk:take`); the
 * fields follow in the order they are declared.
 */
export function callbackData<const F extends Fields>(prefix: string, fields: F): CallbackCodec<ValuesOf<F>> {
  if (!/^[a-z][a-z0-9]*(:[a-z0-9]+)*$/.test(prefix)) throw new Error(`bad callback prefix "${prefix}"`);
  if (registry.has(prefix)) throw new Error(`callback prefix "${prefix}" defined twice`);
  const names = Object.keys(fields) as (keyof F & string)[];
  const pack = (values: ValuesOf<F>): string => {
    const parts = names.map((name) => (fields[name] as Field<unknown>).format(values[name]));
    const data = [prefix, ...parts].join(':');
    if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES)
      throw new RangeError(`callback data too long: ${data}`);
    return data;
  };
  const codec: CallbackCodec<ValuesOf<F>> = {
    prefix,
    filter: new RegExp(`^${escapeRegExp(prefix)}(?::|$)`),
    pack,
    unpack(data) {
      if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) return undefined;
      if (data !== prefix && !data.startsWith(`${prefix}:`)) return undefined;
      const parts = data === prefix ? [] : data.slice(prefix.length + 1).split(':');
      if (parts.length !== names.length) return undefined;
      const values: Record<string, unknown> = {};
      for (const [index, name] of names.entries()) {
        const value = (fields[name] as Field<unknown>).parse(parts[index] as string);
        if (value === undefined) return undefined;
        values[name] = value;
      }
      return values as ValuesOf<F>;
    },
    widestPayload() {
      const widest: Record<string, unknown> = {};
      for (const name of names) widest[name] = (fields[name] as Field<unknown>).widest;
      return [prefix, ...names.map((name) => (fields[name] as Field<unknown>).format(widest[name]))].join(
        ':',
      );
    },
  };
  registry.set(prefix, codec as CallbackCodec<unknown>);
  return codec;
}

/** A handler of one button family: gets the decoded values, never the raw string. */
export type CallbackHandler<T> = (ctx: BotContext, values: T) => Promise<unknown> | unknown;

/**
 * The middleware for a codec's buttons: a payload that does not decode (forged, oversized, from an
 * older version) gets the usual "this button is out of date" answer and goes no further.
 */
export function onCallback<T>(codec: CallbackCodec<T>, handler: CallbackHandler<T>): Middleware<BotContext> {
  return async (ctx) => {
    const data = ctx.callbackQuery?.data ?? '';
    const values = codec.unpack(data);
    if (values === undefined) {
      ctx.log.info({ data }, 'malformed callback data refused');
      await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
      return;
    }
    await handler(ctx, values);
  };
}
