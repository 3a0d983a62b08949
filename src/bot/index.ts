import { sequentialize } from '@grammyjs/runner';
import { Bot, type BotError, type Context, type Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { UPDATE_TYPES, type UpdateType } from '../metrics.js';
import { BotApiClient } from '../telegram/fetch.js';
import { boundedRetry } from './api-retry.js';
import { directJsonCalls } from './api-transport.js';
import { Composer } from './composer.js';
import type { BotContext, BotDeps, SessionData } from './context.js';
import { channelMembership, gateFeature } from './features/gate.js';
import { featureComposers } from './features/index.js';
import { paymentUpdates } from './features/payments/index.js';
import { startFeature } from './features/start.js';
import { ticketWaitLock } from './features/support/index.js';
import { unhandledFeature } from './features/unhandled.js';
import { intake } from './middlewares/intake.js';
import { banGate, floodLimit } from './middlewares/moderation.js';
import { registerUser } from './middlewares/register-user.js';
import { sessionKey, sessions } from './middlewares/session.js';
import { PostgresSessionStorage } from './session-storage.js';

export interface CreateBotOptions {
  token: string;
  apiRoot: string;
  /** Skips getMe when known (tests, webhook cold starts). */
  botInfo?: UserFromGetMe;
  /**
   * Runs one chat's updates one at a time across instances (webhook mode): the database lock of
   * `DatabaseHandle.serialized`. Within one process `sequentialize` already does it.
   */
  serializeChats?: <T>(key: string, task: () => Promise<T>) => Promise<T>;
}

/** A Bot API request that hangs is given up after this (long polling asks Telegram to wait 30 s). */
const API_TIMEOUT_SECONDS = 45;

const HTML_METHODS = new Set(['sendMessage', 'sendPhoto', 'editMessageText', 'editMessageCaption']);

/** Every message is HTML; user text is escaped by the translator (see i18n.ts). */
const defaultHtml: Transformer = (prev, method, payload, signal) => {
  if (HTML_METHODS.has(method) && payload && !('parse_mode' in payload)) {
    return prev(method, { ...payload, parse_mode: 'HTML' } as typeof payload, signal);
  }
  return prev(method, payload, signal);
};

/** Updates whose handler threw (the error boundary swallows the error; the deps middleware reads this). */
const failedUpdates = new WeakSet<Context>();

function updateType(update: Update): UpdateType {
  return UPDATE_TYPES.find((type) => update[type] !== undefined) ?? 'other';
}

async function answerError(err: BotError<BotContext>): Promise<void> {
  const ctx = err.ctx;
  const { logger, translator, metrics } = ctx.deps;
  failedUpdates.add(ctx);
  metrics.updateFailed();
  (ctx.log ?? logger).error({ err: err.error, update_id: ctx.update.update_id }, 'update handler failed');
  // In the user's language even when their users row could not be read (the database is down).
  const t = ctx.t ?? translator.for(translator.pick(ctx.from?.language_code));
  try {
    if (ctx.callbackQuery) {
      // The handler may have answered the query already (Telegram then refuses a second answer):
      // the error goes into the chat instead.
      const answered = await ctx
        .answerCallbackQuery({ text: t('error-generic'), show_alert: true })
        .then(() => true)
        .catch(() => false);
      if (!answered && ctx.chat) await ctx.reply(t('error-generic'));
    } else if (ctx.chat) await ctx.reply(t('error-generic'));
  } catch (replyError) {
    logger.warn({ err: replyError }, 'could not tell the user about the error');
  }
}

/**
 * The key that orders a chat's updates. A pre-checkout query has none: Telegram waits at most 10 s for
 * its answer, so it never queues behind the customer's other updates (it reads, and writes no session).
 */
function orderingKey(ctx: Context): string | undefined {
  return ctx.preCheckoutQuery ? undefined : sessionKey(ctx);
}

/** The bot with its whole middleware stack. Transport (polling, webhook) is the caller's choice. */
export function createBot(deps: BotDeps, options: CreateBotOptions): Bot<BotContext> {
  const transport = new BotApiClient();
  const bot = new Bot<BotContext>(options.token, {
    client: { apiRoot: options.apiRoot, timeoutSeconds: API_TIMEOUT_SECONDS, fetch: transport.fetch },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // Innermost first: the request itself (JSON calls sent directly), every try counted, and the
  // retries by the transformer above it.
  bot.api.config.use(directJsonCalls(transport, options.apiRoot, options.token, API_TIMEOUT_SECONDS));
  bot.api.config.use(deps.metrics.apiCallCounter());
  bot.api.config.use(boundedRetry({ onRetry: (method) => deps.metrics.apiRetry(method) }));
  bot.api.config.use(defaultHtml);

  // The whole stack on our Composer (a flat list of steps per composer, see composer.ts); grammY's
  // own `bot.use` would nest each step in closures of its own.
  const root = new Composer<BotContext>();
  bot.use(root);
  root.use(sequentialize(orderingKey));
  const serializeChats = options.serializeChats;
  if (serializeChats) {
    root.use((ctx, next) => {
      const key = orderingKey(ctx);
      return key === undefined ? next() : serializeChats(`chat:${key}`, next);
    });
  }
  root.use(async (ctx, next) => {
    ctx.deps = deps;
    const started = performance.now();
    let outcome: 'ok' | 'error' = 'error';
    try {
      await next();
      if (!failedUpdates.has(ctx)) outcome = 'ok';
    } finally {
      deps.metrics.updateHandled(updateType(ctx.update), outcome, (performance.now() - started) / 1000);
    }
  });

  const guarded = root.errorBoundary(answerError);
  guarded.use(intake);
  guarded.use(channelMembership);
  guarded.use(registerUser);
  // Money first: a payment made is recorded even from a customer banned or in a flood cool-down
  // since, and a pre-checkout is always answered (a banned customer's is refused).
  guarded.use(paymentUpdates);
  // Right after "who is this": a banned or flooding customer reaches no session, dialog or feature.
  guarded.use(banGate);
  guarded.use(floodLimit);
  guarded.use(sessions(new PostgresSessionStorage<SessionData>(deps.db, deps.logger)));
  guarded.use(ticketWaitLock);
  guarded.use(startFeature, gateFeature);
  guarded.use(...featureComposers(deps));
  guarded.use(unhandledFeature);

  bot.catch((err) => deps.logger.error({ err: err.error }, 'unhandled bot error'));
  return bot;
}
