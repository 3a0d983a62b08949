import type { Logger } from '../logger.js';
import type { BroadcastRun, BroadcastService } from '../services/broadcasts.js';
import { nextOccurrence } from './schedule.js';

/**
 * Fires scheduled broadcasts when due. Safe with several bot instances: each due broadcast is taken with
 * `FOR UPDATE SKIP LOCKED` and moved to its next occurrence in the transaction that creates its run.
 * The clock is injectable so tests need not wait.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly broadcasts: BroadcastService,
    private readonly logger: Logger,
    private readonly timeZone: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Fires everything due at the clock's time; returns the runs created. */
  async tick(): Promise<BroadcastRun[]> {
    const fired: BroadcastRun[] = [];
    const next = nextOccurrence(this.timeZone);
    for (;;) {
      const run = await this.broadcasts.fireDue(this.now(), next);
      if (!run) return fired;
      this.logger.info(
        { broadcastId: run.broadcastId, runId: run.id, total: run.total },
        'scheduled broadcast fired',
      );
      fired.push(run);
    }
  }

  start(intervalMs = 5000): void {
    const loop = () => {
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error({ err: error }, 'scheduler tick failed'))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(loop, intervalMs);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
