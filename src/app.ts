import type { ServerType } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { GrammyError, HttpError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Hono } from 'hono';
import { syncBotProfile } from './bot/commands.js';
import type { BotContext, BotDeps } from './bot/context.js';
import { createBotDeps } from './bot/deps.js';
import { renderProgress } from './bot/features/broadcasts/progress-view.js';
import { slaNotifier } from './bot/features/tickets/sla-reminders.js';
import { SharedFloodMeter, senderOf } from './bot/flood.js';
import { createBot } from './bot/index.js';
import { alertBroadcastsFinished } from './bot/owner-alerts.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { type JobOptions, startJobs } from './jobs/index.js';
import type { Logger } from './logger.js';
import { Poller } from './polling.js';
import { closeServer, createHttpApp, listen, WEBHOOK_PATH } from './server/http.js';
import { WebhookIntake } from './server/webhook.js';

/**
 * `chat_member`: joins and leaves of the gate's channel; `pre_checkout_query`: Telegram's question
 * before charging an invoice; `inline_query`: `@bot words` in any chat (also switched on in BotFather
 * with /setinline). Each is sent only because it is asked for here.
 */
export const ALLOWED_UPDATES = [
  'message',
  'callback_query',
  'my_chat_member',
  'chat_member',
  'pre_checkout_query',
  'inline_query',
] as const;

export class StartupError extends Error {
  override name = 'StartupError';
}

/** How long start-up waits for the Bot API to answer getMe (its retries included). */
const STARTUP_API_DEADLINE_MS = 25_000;

function withDeadline<T>(promise: Promise<T>, ms: number, timeoutError: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function urlOf(server: ServerType): string | undefined {
  const address = server.address();
  if (!address || typeof address === 'string') return undefined;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export interface RunningApp {
  deps: BotDeps;
  /** `http://host:port` of the HTTP server (/healthz, /metrics) when this app listens (PORT 0: the chosen port). */
  httpUrl: string | undefined;
  /** Stops taking updates, finishes the ones in flight, closes the HTTP server. Idempotent. */
  stop(): Promise<void>;
}

/** Menus set at once at start-up (each is three Bot API calls). */
const MENUS_AT_ONCE = 8;

export interface AppOptions {
  /**
   * Run the background jobs (broadcast sender, scheduler, campaign sweeps) in this process; default
   * true. They take a lease, so several instances may all run them. Off for an instance that should
   * only answer updates (and for tests that count what an update alone costs).
   */
  jobs?: boolean;
  /** Tests shorten the jobs' intervals and move their clocks. */
  jobTuning?: Pick<JobOptions, 'slaIntervalMs' | 'slaClock'>;
}

export interface AppTelegram {
  token: string;
  apiRoot: string;
  /**
   * Sandbox mode: serve the bot's HTTP routes (/healthz, /metrics) from the caller's server instead of
   * listening on config.port (the sandbox page already does). Polling mode only.
   */
  mountHttp?: (app: Hono) => void;
}

/**
 * Migrates the database, checks the token with getMe, sets the command menus and starts taking
 * updates (polling with grammY runner, or a webhook). The database handle stays the caller's.
 */
export async function startApp(
  config: Config,
  logger: Logger,
  database: DatabaseHandle,
  telegram: AppTelegram,
  options: AppOptions = {},
): Promise<RunningApp> {
  await runMigrations(database);
  const deps = createBotDeps(config, logger, database.db);
  const bot = createBot(deps, {
    ...telegram,
    // Webhook instances may run side by side: one chat's updates wait for each other across them.
    ...(config.mode.kind === 'webhook' ? { serializeChats: database.serialized.bind(database) } : {}),
  });
  try {
    // getMe by hand rather than bot.init(), which would try again forever on a network error.
    await withDeadline(
      bot.api.getMe().then((me) => {
        bot.botInfo = me;
      }),
      STARTUP_API_DEADLINE_MS,
      () =>
        new StartupError(
          `cannot reach the Bot API at ${telegram.apiRoot}: no answer to getMe within ${STARTUP_API_DEADLINE_MS / 1000} s`,
        ),
    );
  } catch (error) {
    if (error instanceof StartupError) throw error;
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      throw new StartupError('BOT_TOKEN: Telegram rejected the token (getMe answered Unauthorized)');
    }
    if (error instanceof HttpError || error instanceof GrammyError) {
      throw new StartupError(
        `cannot reach the Bot API at ${telegram.apiRoot}: ${error.message.replaceAll(telegram.token, '[redacted]')}`,
      );
    }
    throw error;
  }
  logger.info({ username: bot.botInfo.username, mode: config.mode.kind }, 'bot authorized');

  // Command menus and the bot's profile texts: a few at a time (each one's calls sent together), not one call after another.
  const menus = [
    () => deps.menus.setDefault(bot.api),
    () => syncBotProfile(bot.api, deps.translator, logger),
    ...config.ownerIds.map((ownerId) => () => deps.menus.setFor(bot.api, ownerId, 'owner')),
    ...(await deps.services.staff.list()).map(
      ({ staff }) =>
        () =>
          deps.menus.setFor(bot.api, staff.telegramId, staff.role),
    ),
  ];
  for (let i = 0; i < menus.length; i += MENUS_AT_ONCE) {
    await Promise.all(menus.slice(i, i + MENUS_AT_ONCE).map((set) => set()));
  }

  const jobs =
    options.jobs === false
      ? undefined
      : await startJobs(deps, bot.api, {
          progressView: renderProgress,
          slaNotifier: slaNotifier(bot.api, deps),
          onRunsFinished: (runIds) => alertBroadcastsFinished(bot.api, deps, runIds),
          senderApiTransformers: [deps.metrics.apiCallCounter()],
          ...options.jobTuning,
        });
  if (jobs) {
    deps.metrics.watchSender({
      counters: jobs.sender.counters,
      sendRate: () => jobs.sender.rate.perSecond(),
      queueDepth: () => deps.services.broadcasts.outstanding(),
    });
  }
  if (database.poolStats) deps.metrics.watchPool(database.poolStats);
  deps.metrics.watchStatements(database.statements);

  let poller: Poller<BotContext> | undefined;
  let server: ServerType | undefined;
  const intake =
    config.mode.kind === 'webhook'
      ? new WebhookIntake({
          secret: config.mode.secret,
          // The claim also counts the sender's recent updates for the flood limit (no extra statement).
          claim: async (update) => {
            const from = senderOf(update);
            const claim = await deps.services.updates.claim(
              update.update_id,
              from,
              config.flood.windowSeconds,
            );
            if (claim.claimed && from !== undefined && deps.flood instanceof SharedFloodMeter) {
              deps.flood.remember(update.update_id, claim);
            }
            return claim.claimed;
          },
          handle: (update) => bot.handleUpdate(update as Update),
          logger,
        })
      : undefined;
  const app = createHttpApp({
    checkDatabase: () => deps.db.execute(sql`select 1`),
    metrics: () => deps.metrics.render(),
    metricsContentType: deps.metrics.contentType,
    ...(intake ? { webhook: intake.handler } : {}),
  });

  if (config.mode.kind === 'webhook') {
    server = await listen(app, config.host, config.port);
    await bot.api.setWebhook(new URL(WEBHOOK_PATH, config.mode.url).toString(), {
      secret_token: config.mode.secret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
    logger.info({ port: config.port }, 'webhook server listening');
  } else {
    if (telegram.mountHttp) {
      telegram.mountHttp(app);
    } else {
      try {
        server = await listen(app, config.host, config.port);
      } catch (error) {
        logger.warn(
          { err: error, port: config.port },
          'health server not started; polling goes on without it',
        );
      }
    }
    await bot.api.deleteWebhook();
    poller = new Poller(bot, logger, {
      allowedUpdates: ALLOWED_UPDATES,
      drainTimeoutMs: config.shutdownTimeoutMs,
    });
    poller.start();
    logger.info('polling for updates');
  }

  let stopping: Promise<void> | undefined;
  return {
    deps,
    httpUrl: server ? urlOf(server) : undefined,
    stop() {
      stopping ??= (async () => {
        await poller?.stop();
        await intake?.drain(config.shutdownTimeoutMs);
        // A job round stuck on a dead connection must not hold the shutdown: past the deadline it
        // is left behind (its lease expires; the next instance resumes its work).
        if (jobs) {
          const stopped = await Promise.race([
            jobs.stop().then(() => true),
            new Promise<false>((resolve) =>
              setTimeout(() => resolve(false), config.shutdownTimeoutMs).unref(),
            ),
          ]);
          if (!stopped)
            logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'background jobs did not stop in time');
        }
        if (server) await closeServer(server);
      })();
      return stopping;
    },
  };
}
