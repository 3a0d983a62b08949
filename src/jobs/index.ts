import { Api, type Transformer } from 'grammy';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services/index.js';
import { createBotApiFetch } from '../telegram/fetch.js';
import type { Translator } from '../text/i18n.js';
import { CampaignJob } from './campaigns.js';
import { startPeriodic } from './periodic.js';
import { ProgressReporter, type ProgressView } from './progress.js';
import { Scheduler } from './scheduler.js';
import { BroadcastSender } from './sender.js';
import { SlaJob, type SlaNotifier } from './sla.js';

/** What the jobs need of the application: no bot, no grammY context. */
export interface JobDeps {
  config: Config;
  logger: Logger;
  services: Services;
  translator: Translator;
}

export interface Jobs {
  sender: BroadcastSender;
  scheduler: Scheduler;
  campaigns: CampaignJob;
  sla: SlaJob;
  stop(): Promise<void>;
}

export interface JobOptions {
  /** How a run's progress message looks (the bot draws it: it owns the buttons). */
  progressView: ProgressView;
  /** How the SLA reminders are sent (the bot's notify path and buttons). */
  slaNotifier: SlaNotifier;
  /** Told of broadcast runs that finished (the owners' alert). */
  onRunsFinished?: (runIds: number[]) => Promise<void>;
  /** Installed on the sender's own Api (the app's Bot API call counter for /metrics). */
  senderApiTransformers?: Transformer[];
  /** Tests shorten the intervals. */
  schedulerIntervalMs?: number;
  campaignIntervalMs?: number;
  progressIntervalMs?: number;
  slaIntervalMs?: number;
  /** Tests move the SLA clock instead of waiting. */
  slaClock?: () => Date;
}

/**
 * Starts the background jobs: the broadcast sender (one leader across instances), the progress
 * reporter (on the leader), the scheduler and the campaign sweeps. `api` is the bot's; the sender
 * builds its own Api from the same token and root without the auto-retry transformer, because it
 * handles flood waits itself for all its requests at once, and with a lean keep-alive HTTP client.
 */
export async function startJobs(deps: JobDeps, api: Api, options: JobOptions): Promise<Jobs> {
  const me = await api.getMe();
  const senderApi = new Api(api.token, { ...api.options, fetch: createBotApiFetch() });
  if (options.senderApiTransformers) senderApi.config.use(...options.senderApiTransformers);
  const sender = new BroadcastSender(deps, senderApi, {
    ratePerSecond: deps.config.broadcast.ratePerSecond,
    paid: deps.config.broadcast.paid,
    botUsername: me.username,
    ...(options.onRunsFinished ? { onRunsFinished: options.onRunsFinished } : {}),
  });
  const reporter = new ProgressReporter(deps, api, sender.limiter, options.progressView);
  const scheduler = new Scheduler(deps.services.broadcasts, deps.logger, deps.config.timezone);
  const campaigns = new CampaignJob(deps.services.campaigns, deps.logger);
  const sla = new SlaJob(deps.services, options.slaNotifier, deps.logger, {
    slaMinutes: deps.config.support.slaMinutes,
    hours: deps.config.support.hours,
    timeZone: deps.config.timezone,
    ...(options.slaClock ? { clock: options.slaClock } : {}),
  });

  sender.start();
  scheduler.start(options.schedulerIntervalMs);
  campaigns.start(options.campaignIntervalMs);
  sla.start(options.slaIntervalMs);
  const progress = startPeriodic({
    tick: async () => {
      if (sender.isLeader) await reporter.tick();
    },
    everyMs: options.progressIntervalMs ?? 3000,
    firstAfterMs: 1000,
    logger: deps.logger,
    failure: 'progress reporter failed',
  });

  return {
    sender,
    scheduler,
    campaigns,
    sla,
    async stop() {
      await Promise.all([scheduler.stop(), campaigns.stop(), sender.stop(), progress.stop(), sla.stop()]);
    },
  };
}
