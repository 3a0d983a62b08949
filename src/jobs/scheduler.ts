import type { Logger } from '../logger.js';
import type { BroadcastRun, BroadcastService } from '../services/broadcasts/index.js';
import { type PeriodicJob, startPeriodic } from './periodic.js';
import { nextOccurrence } from './schedule.js';

/**
 * Fires scheduled broadcasts when due. Safe with several bot instances: each due broadcast is taken with
 * `FOR UPDATE SKIP LOCKED` and moved to its next occurrence in the transaction that creates its run.
 * The clock is injectable so tests need not wait.
 */
export class Scheduler {
  private loop: PeriodicJob | undefined;

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
    this.loop ??= startPeriodic({
      tick: () => this.tick(),
      everyMs: intervalMs,
      firstAfterMs: 0,
      logger: this.logger,
      failure: 'scheduler tick failed',
    });
  }

  async stop(): Promise<void> {
    await this.loop?.stop();
    this.loop = undefined;
  }
}
