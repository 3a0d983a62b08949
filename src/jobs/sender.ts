import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Api, GrammyError } from 'grammy';
import type { Logger } from '../logger.js';
import {
  type Broadcast,
  type BroadcastService,
  CHANNEL_POST_ATTEMPTS,
  type ClaimedChannelPost,
  type ClaimedDelivery,
} from '../services/broadcasts/index.js';
import type { UserService } from '../services/users.js';
import type { Translator } from '../text/i18n.js';
import { renderAd } from './ad-message.js';
import { classifyFailure } from './delivery-failure.js';
import { DeliveryResultWriter } from './delivery-results.js';
import { SendRateLimiter } from './rate-limiter.js';
import { RateMeter } from './rate-meter.js';

export const SENDER_LEASE = 'broadcast-sender';

export interface SenderDeps {
  services: { broadcasts: BroadcastService; users: UserService };
  translator: Translator;
  logger: Logger;
}

export interface SenderOptions {
  /** Messages per second over all recipients; `Infinity` = no client-side limit (benchmark). */
  ratePerSecond: number;
  /** Send with `allow_paid_broadcast` (up to 1000 messages per second, paid in Stars). */
  paid: boolean;
  botUsername: string;
  /** Shared with other senders of the process (e.g. progress edits). Default: its own. */
  limiter?: SendRateLimiter;
  holder?: string;
  /** Requests in flight at once. */
  concurrency?: number;
  claimBatch?: number;
  leaseTtlMs?: number;
  leaseRenewMs?: number;
  idleMs?: number;
  /** Attempts for errors other than 429 and 403 before the row is `failed`. */
  maxAttempts?: number;
  backoffBaseMs?: number;
  /** Told the runs that have just finished (each run once: the UPDATE that finishes it returns it). */
  onRunsFinished?: (runIds: number[]) => Promise<void>;
}

export interface SenderCounters {
  sent: number;
  failed: number;
  blocked: number;
  /** Rows a dead sender had handed to the network, counted delivered when this one took over. */
  unconfirmed: number;
  skipped: number;
  tooManyRequests: number;
  retries: number;
}

/**
 * The broadcast sender: drains the durable delivery queue at the global rate. One sender works at a time
 * across instances (a lease renewed every few seconds); rows are claimed in batches with
 * `FOR UPDATE SKIP LOCKED`, marked `sending` just before their requests go out and written back in
 * batches. 429 pauses everything for retry_after and requeues the row; 403 marks the user blocked;
 * other errors are retried with backoff a bounded number of times. It uses an Api without the
 * auto-retry transformer: flood waits are handled here, for all requests at once.
 */
export class BroadcastSender {
  readonly holder: string;
  readonly limiter: SendRateLimiter;
  readonly counters: SenderCounters = {
    sent: 0,
    failed: 0,
    blocked: 0,
    unconfirmed: 0,
    skipped: 0,
    tooManyRequests: 0,
    retries: 0,
  };
  /** Requests answered (any result) per second, the last few seconds. */
  readonly rate = new RateMeter();
  private readonly opts: Required<Omit<SenderOptions, 'limiter' | 'holder' | 'onRunsFinished'>>;
  private readonly onRunsFinished: SenderOptions['onRunsFinished'];
  private readonly queue: ClaimedDelivery[] = [];
  private readonly results: DeliveryResultWriter;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly cache = new Map<number, Broadcast>();
  private leaseHeld = false;
  private stopped = true;
  private loop: Promise<void> | undefined;
  private leaseTimer: NodeJS.Timeout | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private wakeUp: (() => void) | undefined;
  private lastShortClaim = 0;
  private lastStateCheck = 0;
  private lastFinishRuns = 0;
  private refilling: Promise<void> | undefined;
  private lastChannelCheck = 0;
  /** A flood wait of the channel: no post before this (performance.now()). */
  private channelNotBefore = 0;

  constructor(
    private readonly deps: SenderDeps,
    private readonly api: Api,
    options: SenderOptions,
  ) {
    const unlimited = !Number.isFinite(options.ratePerSecond);
    this.limiter = options.limiter ?? new SendRateLimiter(options.ratePerSecond);
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.onRunsFinished = options.onRunsFinished;
    this.results = new DeliveryResultWriter(deps, this.holder, () => this.stopped);
    this.opts = {
      ratePerSecond: options.ratePerSecond,
      paid: options.paid,
      botUsername: options.botUsername,
      concurrency:
        options.concurrency ??
        (unlimited ? 256 : Math.min(128, Math.max(4, Math.ceil(options.ratePerSecond / 8)))),
      claimBatch:
        options.claimBatch ??
        (unlimited ? 1000 : Math.min(1000, Math.max(10, Math.ceil(options.ratePerSecond / 2)))),
      leaseTtlMs: options.leaseTtlMs ?? 10_000,
      leaseRenewMs: options.leaseRenewMs ?? 3000,
      idleMs: options.idleMs ?? 300,
      maxAttempts: options.maxAttempts ?? 5,
      backoffBaseMs: options.backoffBaseMs ?? 2000,
    };
  }

  get isLeader(): boolean {
    return this.leaseHeld;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const renew = async () => {
      await this.renewLease().catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'broadcast sender: lease renewal failed'),
      );
      if (!this.stopped) this.leaseTimer = setTimeout(() => void renew(), this.opts.leaseRenewMs);
    };
    void renew();
    this.flushTimer = setInterval(() => void this.flush(), 100);
    this.loop = this.run().catch((error: unknown) => {
      this.deps.logger.fatal({ err: error }, 'broadcast sender crashed');
    });
  }

  /** Stops taking rows, waits for the requests in flight, writes their results, gives the rest back. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.leaseTimer);
    clearInterval(this.flushTimer);
    this.results.cancelDelayed();
    this.wake();
    await this.loop;
    await this.refilling;
    await Promise.allSettled([...this.inFlight]);
    await this.flush();
    const rest = this.queue.splice(0).map((r) => r.id);
    try {
      await this.deps.services.broadcasts.release(this.holder, rest);
      if (this.leaseHeld) await this.deps.services.broadcasts.releaseLease(SENDER_LEASE, this.holder);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'broadcast sender: could not release its rows on stop');
    }
    this.leaseHeld = false;
  }

  /** Resolves when the queue has nothing left that is due and nothing is in flight (tests, benchmark). */
  async drained(pollMs = 100): Promise<void> {
    for (;;) {
      if (this.queue.length === 0 && this.inFlight.size === 0 && this.results.buffered === 0) {
        await this.results.settled();
        const { broadcasts } = this.deps.services;
        if ((await broadcasts.outstanding()) === 0 && (await broadcasts.channelPosts.outstanding()) === 0)
          return;
      }
      await sleep(pollMs);
    }
  }

  private async renewLease(): Promise<void> {
    const had = this.leaseHeld;
    const has = await this.deps.services.broadcasts.acquireLease(
      SENDER_LEASE,
      this.holder,
      this.opts.leaseTtlMs,
    );
    if (has && !had) {
      const recovered = await this.deps.services.broadcasts.recover(this.holder);
      const posts = await this.deps.services.broadcasts.channelPosts.recover(this.holder);
      if (posts > 0)
        this.deps.logger.warn(
          { posts },
          'broadcast sender: channel posts in flight at a dead sender counted as posted',
        );
      this.counters.unconfirmed += recovered.unconfirmed;
      if (recovered.released > 0 || recovered.unconfirmed > 0) {
        this.deps.logger.warn(
          recovered,
          'broadcast sender: took over from a dead sender (claimed rows requeued, in-flight rows counted as delivered-unconfirmed)',
        );
      }
      this.deps.logger.info({ holder: this.holder }, 'broadcast sender: lease taken');
    }
    if (!has && had) this.deps.logger.warn('broadcast sender: lease lost, pausing');
    this.leaseHeld = has;
    if (has) this.wake();
  }

  private wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = undefined;
    wake?.();
  }

  /** Sleeps up to `ms`, or until woken (a request finished, the lease was taken, stop). */
  private nap(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(
        () => {
          this.wakeUp = undefined;
          resolve();
        },
        Math.max(1, ms),
      );
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!this.leaseHeld) {
          if (this.queue.length > 0) {
            await this.deps.services.broadcasts.release(
              this.holder,
              this.queue.splice(0).map((r) => r.id),
            );
          }
          await this.nap(1000);
          continue;
        }
        if (performance.now() - this.lastChannelCheck > this.opts.idleMs) {
          this.lastChannelCheck = performance.now();
          await this.postToChannel();
        }
        const refilled = this.refill();
        if (this.queue.length === 0) await refilled;
        if (this.queue.length === 0) {
          await this.flush();
          if (this.inFlight.size === 0 && performance.now() - this.lastFinishRuns > 1000) {
            this.lastFinishRuns = performance.now();
            const finished = await this.deps.services.broadcasts.finishRuns();
            if (finished.length > 0) await this.reportFinished(finished);
          }
          await this.nap(this.opts.idleMs);
          continue;
        }
        if (this.limiter.paused) {
          await this.flush();
          await this.nap(this.limiter.waitMs());
          continue;
        }
        const slots = this.opts.concurrency - this.inFlight.size;
        const group = Math.min(slots, this.limiter.available(), this.queue.length, 128);
        // Requests finish one by one and tokens come one by one: wait for a handful rather than spending
        // a statement per message — without a limit a quarter of the slots, under a limit half the
        // pacing's bucket (the rest of the bucket absorbs a late wake-up, so no token is lost).
        const handful = Number.isFinite(this.limiter.burst)
          ? Math.floor(this.limiter.burst / 2)
          : Math.ceil(this.opts.concurrency / 4);
        const minGroup = Math.min(this.queue.length, Math.max(1, handful));
        if (group <= 0 || group < minGroup) {
          await this.nap(slots <= 0 ? 1000 : this.limiter.waitMs());
          continue;
        }
        this.dispatch(this.queue.splice(0, group));
      } catch (error) {
        this.deps.logger.error({ err: error }, 'broadcast sender: loop error, retrying');
        await sleep(1000);
      }
    }
  }

  /**
   * Tops the local queue up in the background (the loop goes on sending meanwhile: a claim of a large
   * batch must not stall the pacing). Resolves when this refill is done.
   */
  private refill(): Promise<void> {
    this.refilling ??= this.doRefill()
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'broadcast sender: refill failed'))
      .finally(() => {
        this.refilling = undefined;
      });
    return this.refilling;
  }

  private async doRefill(): Promise<void> {
    const { broadcasts } = this.deps.services;
    const now = performance.now();
    if (this.queue.length > 0 && now - this.lastStateCheck > 500) {
      // A run paused or cancelled meanwhile: give its claimed rows back at once.
      this.lastStateCheck = now;
      const states = await broadcasts.runStates([...new Set(this.queue.map((r) => r.runId))]);
      // Taken out of the queue synchronously: rows dispatched while the states were read are not released.
      const stale = new Set(this.queue.filter((r) => states.get(r.runId) !== 'running').map((r) => r.id));
      if (stale.size > 0) {
        const keep = this.queue.filter((r) => !stale.has(r.id));
        this.queue.splice(0, this.queue.length, ...keep);
        await broadcasts.release(this.holder, [...stale]);
      }
    }
    if (this.queue.length >= this.opts.claimBatch / 2) return;
    if (now - this.lastShortClaim < this.opts.idleMs) return;
    const want = this.opts.claimBatch - this.queue.length;
    const claimed = await broadcasts.claim(this.holder, want);
    if (claimed.length < want) this.lastShortClaim = performance.now();
    const missing = [...new Set(claimed.map((r) => r.broadcastId))].filter((id) => !this.cache.has(id));
    for (const b of await broadcasts.byIds(missing)) this.cache.set(b.id, b);
    this.queue.push(...claimed);
    this.wake();
  }

  /**
   * Starts a group: marks its rows `sending` and starts their requests as soon as that statement returns.
   * The loop does not wait for it, so the next group's statement can be on its way meanwhile (pacing
   * stays even: each group is shifted by the same database round trip).
   */
  private dispatch(group: ClaimedDelivery[]): void {
    const sendable: ClaimedDelivery[] = [];
    for (const row of group) {
      if (row.unreachable) {
        this.counters.skipped++;
        this.results.push({ id: row.id, state: 'skipped', error: 'opted out or blocked before sending' });
      } else sendable.push(row);
    }
    if (sendable.length === 0) return;
    this.limiter.reserve(sendable.length);
    // Recorded as handed to the network before any request leaves: after a crash these are never resent.
    // Groups are small under pacing (a few milliseconds' worth) and the requests start right after the
    // statement returns, with no other await in between: the window in which a crash leaves a row
    // `sending` whose request never left is the database round trip plus one turn of the event loop.
    const marked = this.deps.services.broadcasts.markSending(
      this.holder,
      sendable.map((r) => r.id),
    );
    let markFailed = false;
    void marked.then(
      (owned) => {
        this.limiter.depart(owned.size);
        this.limiter.depart(sendable.length - owned.size, false);
      },
      () => this.limiter.depart(sendable.length, false),
    );
    for (const row of sendable) {
      const request = marked
        .then(
          // A row no longer claimed by this holder (the lease was lost and another sender took it) is not sent.
          (owned) => (owned.has(row.id) ? this.send(row) : undefined),
          (error: unknown) => {
            // Still `claimed` by this holder: back to the queue, tried again.
            if (!markFailed)
              this.deps.logger.error({ err: error }, 'broadcast sender: could not mark rows sending');
            markFailed = true;
            this.queue.unshift(row);
          },
        )
        .finally(() => {
          this.inFlight.delete(request);
          this.wake();
        });
      this.inFlight.add(request);
    }
  }

  private async reportFinished(runIds: number[]): Promise<void> {
    try {
      await this.onRunsFinished?.(runIds);
    } catch (error) {
      this.deps.logger.warn({ err: error, runIds }, 'broadcast sender: finished-run report failed');
    }
  }

  /** Sends the channel posts that are due, one at a time (a few per broadcast at most). */
  private async postToChannel(): Promise<void> {
    const { channelPosts } = this.deps.services.broadcasts;
    while (!this.stopped && this.leaseHeld && performance.now() >= this.channelNotBefore) {
      const post = await channelPosts.claim(this.holder);
      if (!post) return;
      await this.sendChannelPost(post);
    }
  }

  private async sendChannelPost(post: ClaimedChannelPost): Promise<void> {
    const { channelPosts } = this.deps.services.broadcasts;
    const [broadcast] = await this.deps.services.broadcasts.byIds([post.broadcastId]);
    if (!broadcast) {
      await channelPosts.refused(post.id, this.holder, 'broadcast not found', false);
      return;
    }
    const { translator } = this.deps;
    const locale = translator.pick(undefined);
    const message = renderAd(
      translator,
      locale,
      broadcast,
      null,
      { firstName: translator.t(locale, 'bc-channel-reader') },
      this.opts.botUsername,
      { channel: true },
    );
    try {
      const sent = message.photo
        ? await this.api.sendPhoto(post.chat, message.photo, {
            caption: message.text,
            parse_mode: 'HTML',
            reply_markup: message.reply_markup,
          })
        : await this.api.sendMessage(post.chat, message.text, {
            parse_mode: 'HTML',
            reply_markup: message.reply_markup,
            link_preview_options: { is_disabled: true },
          });
      await channelPosts.sent(post.id, this.holder, sent.message_id);
      this.deps.logger.info({ runId: post.runId, chat: post.chat }, 'broadcast posted to the channel');
    } catch (error) {
      const refusal = error instanceof GrammyError ? error : undefined;
      const retryAfter = refusal?.parameters.retry_after;
      if (retryAfter !== undefined) this.channelNotBefore = performance.now() + retryAfter * 1000;
      // A refusal of the request itself (not an admin, chat not found, bad markup) will not change.
      const final =
        retryAfter === undefined &&
        ((refusal !== undefined && refusal.error_code < 500) || post.attempts >= CHANNEL_POST_ATTEMPTS);
      this.deps.logger.warn({ err: error, runId: post.runId, final }, 'channel post not sent');
      await channelPosts.refused(post.id, this.holder, String(error), !final);
    }
  }

  private async send(row: ClaimedDelivery): Promise<void> {
    const broadcast = this.cache.get(row.broadcastId);
    if (!broadcast) {
      this.results.push({ id: row.id, state: 'failed', error: 'broadcast not found' });
      return;
    }
    const { translator } = this.deps;
    const message = renderAd(
      translator,
      translator.pick(row.languageCode),
      broadcast,
      row.vars,
      { firstName: row.firstName },
      this.opts.botUsername,
    );
    const paid = this.opts.paid ? { allow_paid_broadcast: true } : {};
    try {
      const sent = message.photo
        ? await this.api.sendPhoto(row.telegramId, message.photo, {
            caption: message.text,
            parse_mode: 'HTML',
            reply_markup: message.reply_markup,
            ...paid,
          })
        : await this.api.sendMessage(row.telegramId, message.text, {
            parse_mode: 'HTML',
            reply_markup: message.reply_markup,
            link_preview_options: { is_disabled: true },
            ...paid,
          });
      this.rate.mark();
      this.counters.sent++;
      this.results.push({ id: row.id, state: 'sent', messageId: sent.message_id });
    } catch (error) {
      this.rate.mark();
      await this.failed(row, error);
    }
  }

  private async failed(row: ClaimedDelivery, error: unknown): Promise<void> {
    const { result, counter, pauseMs, markBlocked } = classifyFailure(error, row, this.opts);
    this.counters[counter]++;
    if (pauseMs !== undefined) {
      this.limiter.pause(pauseMs);
      this.deps.logger.warn({ retryAfter: pauseMs / 1000 }, 'broadcast sender: flood control, pausing');
    }
    if (markBlocked) {
      await this.deps.services.users
        .markBlocked(row.telegramId)
        .catch((markError: unknown) =>
          this.deps.logger.warn({ err: markError }, 'broadcast sender: could not mark a user blocked'),
        );
    }
    this.results.push(result);
  }

  /** Writes buffered results now (stop, idle loop, the periodic timer). */
  flush(): Promise<void> {
    return this.results.flush();
  }
}
