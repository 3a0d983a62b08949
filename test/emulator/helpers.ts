import { afterEach, beforeEach } from 'vitest';
import { TelegramEmulator, type TelegramEmulatorOptions } from '../../src/sandbox/emulator/index.js';

export const TOKEN = '123456:TEST';
export const ANN = 7000000001;
export const BOB = 7000000002;

export interface RawAnswer {
  status: number;
  body: {
    ok: boolean;
    result?: unknown;
    error_code?: number;
    description?: string;
    parameters?: { retry_after?: number };
  };
}

/** Calls the emulator over real HTTP with a JSON body. */
export async function call(
  apiRoot: string,
  method: string,
  params: Record<string, unknown> = {},
  token = TOKEN,
): Promise<RawAnswer> {
  const res = await fetch(`${apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as RawAnswer['body'] };
}

/** Calls with an `application/x-www-form-urlencoded` body (objects JSON-encoded like clients do). */
export async function callForm(
  apiRoot: string,
  method: string,
  params: Record<string, unknown>,
): Promise<RawAnswer> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    form.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  const res = await fetch(`${apiRoot}/bot${TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return { status: res.status, body: (await res.json()) as RawAnswer['body'] };
}

/** Result of a successful call (asserts ok). */
export async function ok<T = Record<string, unknown>>(
  apiRoot: string,
  method: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  const answer = await call(apiRoot, method, params);
  if (!answer.body.ok) {
    throw new Error(`${method} failed: ${answer.status} ${answer.body.description ?? ''}`);
  }
  return answer.body.result as T;
}

/** Expects a failed call and returns `[status, description]`. */
export async function fail(
  apiRoot: string,
  method: string,
  params: Record<string, unknown> = {},
): Promise<[number, string]> {
  const answer = await call(apiRoot, method, params);
  if (answer.body.ok)
    throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(answer.body.result)}`);
  if (answer.body.error_code !== answer.status) throw new Error('error_code differs from the HTTP status');
  return [answer.status, answer.body.description ?? ''];
}

/** Starts a fresh emulator per test; returns accessors. */
export function useEmulator(options: Partial<TelegramEmulatorOptions> = {}): {
  emu: () => TelegramEmulator;
  root: () => string;
} {
  let emu: TelegramEmulator | undefined;
  let root = '';
  beforeEach(async () => {
    emu = new TelegramEmulator({ token: TOKEN, ...options });
    root = (await emu.start()).apiRoot;
  });
  afterEach(async () => {
    await emu?.stop();
    emu = undefined;
  });
  return {
    emu: () => {
      if (!emu) throw new Error('no emulator');
      return emu;
    },
    root: () => root,
  };
}

/** Creates Ann and lets her start the bot (confirming the update so it doesn't linger). */
export function startedUser(emu: TelegramEmulator, id = ANN, first_name = 'Ann'): void {
  emu.createUser({ id, first_name, username: first_name.toLowerCase(), language_code: 'en' });
  emu.sendText(id, '/start');
}
