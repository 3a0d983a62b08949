import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger.js';
import type { BroadcastService, DeliveryResult } from '../services/broadcasts/index.js';

/**
 * The sender's buffer of delivery results, written back in batches. A row left `sending` by a crash is
 * counted as delivered-unconfirmed and never resent: right for a message the server accepted, wrong for
 * one it refused — so refusals are written without waiting, and successes within 20 ms together with
 * the others (one statement for many).
 */
export class DeliveryResultWriter {
  private readonly results: DeliveryResult[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushQueued = false;
  private flushSoon: NodeJS.Timeout | undefined;

  /** `stopped` tells a failing flush to give up retrying: the sender's stop writes what is left itself. */
  constructor(
    private readonly deps: { services: { broadcasts: BroadcastService }; logger: Logger },
    private readonly holder: string,
    private readonly stopped: () => boolean,
  ) {}

  /** Results buffered and not yet handed to a write. */
  get buffered(): number {
    return this.results.length;
  }

  /** Resolves when the flushes started so far are done. */
  settled(): Promise<void> {
    return this.flushing;
  }

  /** Buffers a result and writes it soon: a failure (to be retried, or final) at once, a success within 20 ms. */
  push(result: DeliveryResult): void {
    this.results.push(result);
    const urgent = result.state !== 'sent' || this.results.length >= 500;
    if (urgent && !this.flushQueued) {
      this.flushQueued = true;
      clearTimeout(this.flushSoon);
      this.flushSoon = undefined;
      setImmediate(() => {
        this.flushQueued = false;
        void this.flush();
      });
    } else if (!this.flushQueued && this.flushSoon === undefined) {
      this.flushSoon = setTimeout(() => {
        this.flushSoon = undefined;
        void this.flush();
      }, 20);
    }
  }

  /** Cancels the pending batched write (on stop, which flushes explicitly). */
  cancelDelayed(): void {
    clearTimeout(this.flushSoon);
  }

  /** Writes buffered results (one statement per batch); flushes never overlap. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      while (this.results.length > 0) {
        const batch = this.results.splice(0, 1000);
        try {
          await this.deps.services.broadcasts.finish(this.holder, batch);
        } catch (error) {
          this.results.unshift(...batch);
          this.deps.logger.error({ err: error }, 'broadcast sender: could not write results, will retry');
          await sleep(500);
          if (this.stopped()) return;
        }
      }
    });
    return this.flushing;
  }
}
