import {
  createConcurrentSink,
  createRunner,
  createSource,
  type RunnerHandle,
  type UpdateSupplier,
} from '@grammyjs/runner';
import { type Bot, type BotError, type Context, GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from './logger.js';

export interface PollerOptions {
  allowedUpdates: readonly string[];
  /** How long stop() lets the updates already taken finish. */
  drainTimeoutMs: number;
  /** The longest wait between two getUpdates tries after a network error or a 5xx. */
  maxBackoffMs?: number;
  /** The wait after a 409 Conflict (another instance polls the same token). */
  conflictBackoffMs?: number;
  /** Long-polling timeout of getUpdates, seconds. */
  pollTimeoutSeconds?: number;
}

/** The abort signal type of grammY and its runner (a shim of the standard one). */
type Signal = Parameters<UpdateSupplier<Update>['supply']>[1];

const sleep = (ms: number, signal: Signal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Long polling with grammY runner's concurrent sink, and a fetcher of its own so that the bot
 * survives what a deployment does to it:
 *
 * - **409 Conflict** (a second instance polls the same token, as in a rolling deploy): one clear
 *   warning line, then this instance waits and tries again — it never crashes; it takes over once
 *   the other one stops.
 * - **Network errors and 5xx**: retried with a backoff capped at `maxBackoffMs` (5 s), so polling
 *   resumes within seconds of the Bot API coming back; 429 waits `retry_after`.
 * - **stop() drains**: it stops fetching, lets every update already taken finish (up to
 *   `drainTimeoutMs`), then confirms the finished ones to Telegram with one last getUpdates, so the
 *   next instance neither loses nor repeats them. An update still running at the deadline is not
 *   confirmed (unless a later poll already confirmed it) and is logged.
 */
export class Poller<C extends Context> {
  private runner: RunnerHandle | undefined;
  /** Next update_id to ask for: everything below it has been fetched. */
  private offset = 0;
  /** Fetched and not finished yet, in update_id order of arrival. */
  private readonly outstanding = new Set<number>();
  private readonly running = new Map<number, Promise<void>>();
  private conflictSince: number | undefined;

  constructor(
    private readonly bot: Bot<C>,
    private readonly logger: Logger,
    private readonly options: PollerOptions,
  ) {}

  start(): void {
    const source = createSource({ supply: (batchSize, signal) => this.fetch(batchSize, signal) });
    const sink = createConcurrentSink(
      { consume: (update: Update) => this.consume(update) },
      async (error) => {
        await this.bot.errorHandler(error as BotError<C>);
      },
    );
    this.runner = createRunner(source, sink);
    this.runner.start();
    this.runner.task()?.catch((error: unknown) => this.logger.fatal({ err: error }, 'polling stopped'));
  }

  isRunning(): boolean {
    return this.runner?.isRunning() ?? false;
  }

  /** Stops fetching, drains the updates taken, confirms them; idempotent. */
  async stop(): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    this.runner = undefined;
    await runner.stop();
    const drained = await Promise.race([
      Promise.allSettled([...this.running.values()]).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), this.options.drainTimeoutMs).unref()),
    ]);
    if (!drained) {
      this.logger.error(
        { updates: [...this.running.keys()], drainTimeoutMs: this.options.drainTimeoutMs },
        'shutdown deadline passed with updates still running',
      );
    }
    await this.confirm();
  }

  private async consume(update: Update): Promise<void> {
    const id = update.update_id;
    const task = this.bot.handleUpdate(update).finally(() => {
      this.running.delete(id);
      this.outstanding.delete(id);
    });
    this.running.set(id, task);
    await task;
  }

  /** Tells Telegram that every finished update was received (an offset past them), so none comes again. */
  private async confirm(): Promise<void> {
    const pending = [...this.outstanding];
    const offset = pending.length > 0 ? Math.min(...pending) : this.offset;
    if (offset === 0) return;
    try {
      await this.bot.api.getUpdates({ offset, limit: 1, timeout: 0 });
    } catch (error) {
      this.logger.warn(
        { err: error, offset },
        'could not confirm the last updates; the next instance may get them again',
      );
    }
  }

  private async fetch(batchSize: number, signal: Signal): Promise<Update[]> {
    const maxBackoffMs = this.options.maxBackoffMs ?? 5000;
    let backoffMs = 250;
    for (;;) {
      try {
        const updates = await this.bot.api.getUpdates(
          {
            offset: this.offset,
            limit: Math.max(1, Math.min(batchSize, 100)),
            timeout: this.options.pollTimeoutSeconds ?? 30,
            allowed_updates: [...this.options.allowedUpdates] as never,
          },
          signal,
        );
        if (this.conflictSince !== undefined) {
          this.logger.info('the other instance stopped polling; this one takes the updates now');
          this.conflictSince = undefined;
        }
        for (const update of updates) this.outstanding.add(update.update_id);
        const last = updates.at(-1);
        if (last) this.offset = last.update_id + 1;
        return updates;
      } catch (error) {
        if (signal.aborted) return [];
        if (error instanceof GrammyError && error.error_code === 401) throw error;
        if (error instanceof GrammyError && error.error_code === 409) {
          if (this.conflictSince === undefined) {
            this.conflictSince = Date.now();
            this.logger.warn(
              'another instance is polling this token (409 Conflict): this one waits and tries again; polling is single-instance, use webhook mode to scale out',
            );
          }
          await sleep(this.options.conflictBackoffMs ?? 5000, signal);
          continue;
        }
        const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
        const waitMs = retryAfter !== undefined ? retryAfter * 1000 : backoffMs;
        this.logger.warn({ err: error, retryInMs: waitMs }, 'getUpdates failed; retrying');
        await sleep(waitMs, signal);
        backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
      }
    }
  }
}
