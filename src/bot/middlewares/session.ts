import type { Context, MiddlewareFn } from 'grammy';
import type { BotContext, SessionData } from '../context.js';
import type { PostgresSessionStorage } from '../session-storage.js';

/** Updates handled in order per chat: the same key for sequentialize and sessions (grammY's rule). */
export function sessionKey(ctx: Context): string | undefined {
  return (ctx.chat?.id ?? ctx.from?.id)?.toString();
}

/** Session values read ahead by the register middleware in its one statement, by update. */
const prefetched = new WeakMap<Context, { key: string; value: unknown }>();

/** Hands the session middleware a value already read for `key` (the users row's statement reads it). */
export function prefetchSession(ctx: Context, key: string, value: unknown): void {
  prefetched.set(ctx, { key, value });
}

/** A session with nothing in it: no row is kept for it. */
function isEmpty(value: object): boolean {
  return Object.values(value).every((v) => v === undefined);
}

/**
 * `ctx.session` from the `sessions` table, cheaper than grammY's own middleware on the hot path:
 * - read together with the users row when it can be (private chats: the key is the user's id), so
 *   it costs no round trip of its own;
 * - written back only when the handler changed it (compared as JSON), and an empty session deletes
 *   its row instead of storing `{}` — most updates write nothing at all;
 * - not written when the handler threw (as grammY does), so a failed step keeps the dialog's place.
 */
export function sessions(storage: PostgresSessionStorage<SessionData>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const key = sessionKey(ctx);
    if (key === undefined) return next();
    const early = prefetched.get(ctx);
    const stored = early?.key === key ? early.value : await storage.read(key);
    const before = stored === undefined || stored === null ? undefined : JSON.stringify(stored);
    ctx.session = before === undefined ? {} : (stored as SessionData);
    await next();
    const value = ctx.session ?? {};
    if (isEmpty(value)) {
      if (before !== undefined) await storage.delete(key);
      return;
    }
    const after = JSON.stringify(value);
    if (after !== before) await storage.write(key, value);
  };
}
