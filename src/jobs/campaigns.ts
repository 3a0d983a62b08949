import type { Logger } from '../logger.js';
import type { CampaignService } from '../services/campaigns.js';

/**
 * Sweeps the automatic campaigns periodically. Their messages go into the broadcast queue, so the
 * sender's rate limit and crash safety apply; the campaign keys make repeated sweeps harmless.
 */
export class CampaignJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

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
    const loop = () => {
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error({ err: error }, 'campaign sweep failed'))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(loop, intervalMs);
        });
    };
    this.timer = setTimeout(loop, 1000);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
