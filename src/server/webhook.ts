import { timingSafeEqual } from 'node:crypto';
import type { Handler } from 'hono';
import type { Logger } from '../logger.js';

export interface WebhookIntakeOptions {
  /** Telegram's `X-Telegram-Bot-Api-Secret-Token`, checked on every request. */
  secret: string;
  /** True the first time an update_id is taken, by any instance (see services/updates.ts). */
  claim(update: { update_id: number }): Promise<boolean>;
  /** Handles one update; settles when it is done (errors are the bot's error boundary's). */
  handle(update: { update_id: number }): Promise<void>;
  /** Telegram waits about 10 s for an answer; the update keeps running after this. */
  answerWithinMs?: number;
  logger: Logger;
}

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

const sameSecret = (given: string | undefined, expected: string): boolean => {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The webhook endpoint, safe for redelivery and for several instances:
 *
 * - each update_id is claimed in the database first (one statement): a redelivery, or the same
 *   update posted to another instance, is answered 200 and not handled again;
 * - Telegram is answered within `answerWithinMs` (8 s, under its ~10 s timeout) even when the handler
 *   takes longer — it goes on in the background — so a slow update is never redelivered and run twice;
 * - a database that cannot record the claim gets a 500, so Telegram delivers the update again later;
 * - on shutdown ({@link drain}) new updates get 503 (Telegram retries them, the next instance takes
 *   them) and the ones running are given a deadline to finish.
 *
 * An update whose instance dies while handling it is not handled again (its id is claimed): the same
 * at-most-once window as a polling instance killed mid-update.
 */
export class WebhookIntake {
  private readonly running = new Set<Promise<void>>();
  private closing = false;

  constructor(private readonly options: WebhookIntakeOptions) {}

  readonly handler: Handler = async (c) => {
    if (!sameSecret(c.req.header(SECRET_HEADER), this.options.secret)) return c.text('unauthorized', 401);
    if (this.closing) return c.text('shutting down', 503);
    const update = (await c.req.json().catch(() => undefined)) as { update_id?: unknown } | undefined;
    if (!update || typeof update.update_id !== 'number' || !Number.isSafeInteger(update.update_id)) {
      return c.text('bad update', 400);
    }
    const updateId = update.update_id;
    try {
      if (!(await this.options.claim(update as { update_id: number }))) return c.body(null, 200);
    } catch (error) {
      this.options.logger.error({ err: error, update_id: updateId }, 'webhook: could not claim an update');
      return c.text('try again', 500);
    }
    const task = this.options
      .handle(update as { update_id: number })
      .catch((error: unknown) =>
        this.options.logger.error({ err: error, update_id: updateId }, 'webhook: update failed'),
      )
      .finally(() => this.running.delete(task));
    this.running.add(task);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      task,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.options.answerWithinMs ?? 8000);
      }),
    ]);
    clearTimeout(timer);
    return c.body(null, 200);
  };

  /** Refuses new updates and waits up to `timeoutMs` for the running ones. */
  async drain(timeoutMs: number): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled([...this.running]).then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (!finished) {
      this.options.logger.error(
        { running: this.running.size },
        'shutdown deadline passed with webhook updates running',
      );
    }
  }
}
