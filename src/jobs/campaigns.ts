import type { Logger } from '../logger.js';
import type { CampaignService } from '../services/campaigns.js';
import { type PeriodicJob, startPeriodic } from './periodic.js';

/**
 * Sweeps the automatic campaigns periodically. Their messages go into the broadcast queue, so the
 * sender's rate limit and crash safety apply; the campaign keys make repeated sweeps harmless.
 */
export class CampaignJob {
  private loop: PeriodicJob | undefined;

  constructor(
    private readonly campaigns: CampaignService,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async tick() {
    const queued = await this.campaigns.sweep(this.now());
    if (Object.values(queued).some((n) => n > 0)) this.logger.info({ queued }, 'automatic campaigns queued');
    return queued;
  }

  start(intervalMs = 60_000): void {
    this.loop ??= startPeriodic({
      tick: () => this.tick(),
      everyMs: intervalMs,
      firstAfterMs: 1000,
      logger: this.logger,
      failure: 'campaign sweep failed',
    });
  }

  async stop(): Promise<void> {
    await this.loop?.stop();
    this.loop = undefined;
  }
}
