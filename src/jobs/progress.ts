import type { Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Logger } from '../logger.js';
import type { BroadcastService, RunProgress } from '../services/broadcasts/index.js';
import type { UserService } from '../services/users.js';
import { isBadRequest, isNotModified } from '../telegram/errors.js';
import type { Translate, Translator } from '../text/i18n.js';
import type { SendRateLimiter } from './rate-limiter.js';

export interface ProgressDeps {
  services: { broadcasts: BroadcastService; users: UserService };
  translator: Translator;
  logger: Logger;
}

/** A run's progress message as the bot draws it (the jobs know no buttons or callback data). */
export interface ProgressMessage {
  text: string;
  keyboard: InlineKeyboardMarkup;
}

/** Draws the progress message of a run at the given sending rate (messages per second). */
export type ProgressView = (t: Translate, progress: RunProgress, ratePerSecond: number) => ProgressMessage;

/**
 * A finished run's average sending rate (messages per second): every attempt (delivered, failed, blocked)
 * over the time from the run's start to its end. Undefined while it runs, or when nothing was attempted.
 */
export function averageRate(p: RunProgress): number | undefined {
  const attempted = p.sent + p.unconfirmed + p.failed + p.blocked;
  const end = p.run.finishedAt;
  if (!end || attempted === 0) return undefined;
  const seconds = (end.getTime() - p.run.createdAt.getTime()) / 1000;
  return seconds > 0 ? attempted / seconds : undefined;
}

/**
 * Keeps one progress message per run up to date (every few seconds, by the sender's leader): sends it
 * when the run starts, edits it while it runs, and once more with the final figures.
 */
export class ProgressReporter {
  private readonly last = new Map<number, { done: number; at: number; rate: number }>();

  constructor(
    private readonly deps: ProgressDeps,
    private readonly api: Api,
    private readonly limiter: SendRateLimiter,
    private readonly view: ProgressView,
  ) {}

  async tick(): Promise<void> {
    const { broadcasts, users } = this.deps.services;
    for (const run of await broadcasts.runsWithOpenProgress()) {
      const chatId = run.progressChatId;
      if (chatId === null) continue;
      const progress = await broadcasts.progress(run.id);
      if (!progress) continue;
      const admin = await users.byTelegramId(chatId);
      const t = this.deps.translator.for(this.deps.translator.pick(admin?.languageCode));
      const { text, keyboard } = this.view(t, progress, this.rate(run.id, progress));
      // A cancelled run's messages already handed to the network finish first: the final figures add up.
      const final = (run.state === 'done' || run.state === 'cancelled') && progress.pending === 0;
      try {
        await this.limiter.take();
        if (run.progressMessageId === null) {
          const message = await this.api.sendMessage(chatId, text, {
            parse_mode: 'HTML',
            reply_markup: keyboard,
          });
          await broadcasts.setProgressMessage(run.id, message.message_id);
        } else {
          await this.api.editMessageText(chatId, run.progressMessageId, text, {
            parse_mode: 'HTML',
            reply_markup: keyboard,
          });
        }
      } catch (error) {
        if (!isNotModified(error)) {
          this.deps.logger.warn({ err: error, runId: run.id }, 'progress message not updated');
          if (!isBadRequest(error)) continue;
        }
      }
      if (final) {
        await broadcasts.markProgressFinal(run.id);
        this.last.delete(run.id);
      }
    }
  }

  /** Messages per second since the previous tick (smoothed). */
  private rate(runId: number, p: RunProgress): number {
    const now = performance.now();
    const done = p.total - p.pending;
    const previous = this.last.get(runId);
    let rate = previous?.rate ?? 0;
    if (previous && now > previous.at) {
      const instant = ((done - previous.done) * 1000) / (now - previous.at);
      rate = previous.rate > 0 ? previous.rate * 0.5 + instant * 0.5 : instant;
    }
    this.last.set(runId, { done, at: now, rate });
    return rate;
  }
}
