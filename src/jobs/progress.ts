import { type Api, GrammyError, InlineKeyboard } from 'grammy';
import type { Logger } from '../logger.js';
import type { BroadcastService, RunProgress } from '../services/broadcasts.js';
import type { UserService } from '../services/users.js';
import type { Translate, Translator } from '../text/i18n.js';
import type { SendRateLimiter } from './rate-limiter.js';

export interface ProgressDeps {
  services: { broadcasts: BroadcastService; users: UserService };
  translator: Translator;
  logger: Logger;
}

/** `▓▓▓▓░░░░░░ 40%` */
export function progressBar(done: number, total: number, width = 10): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.floor(share * 100)}%`;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`
    : `${m}:${String(sec).padStart(2, '0')}`;
}

/** The progress message of a run: bar, figures, rate, ETA, and the controls that apply to its state. */
export function renderProgress(
  t: Translate,
  p: RunProgress,
  ratePerSecond: number,
): { text: string; keyboard: InlineKeyboard } {
  const delivered = p.sent + p.unconfirmed;
  const done = p.total - p.pending;
  const remaining = p.pending;
  const eta = ratePerSecond > 0 ? formatDuration(remaining / ratePerSecond) : '—';
  const text = t('bc-progress', {
    id: p.run.broadcastId,
    state: t(`bc-run-state-${p.run.state}`),
    bar: progressBar(done, p.total),
    sent: delivered,
    unconfirmed: p.unconfirmed,
    failed: p.failed,
    blocked: p.blocked,
    skipped: p.skipped + p.cancelled,
    total: p.total,
    rate: ratePerSecond.toFixed(1),
    eta: p.run.state === 'running' ? eta : '—',
  });
  const keyboard = new InlineKeyboard();
  if (p.run.state === 'running') {
    keyboard
      .text(t('bc-btn-pause'), `bc:pause:${p.run.id}`)
      .text(t('bc-btn-cancel-run'), `bc:cancel:${p.run.id}`);
  } else if (p.run.state === 'paused') {
    keyboard
      .text(t('bc-btn-resume'), `bc:resume:${p.run.id}`)
      .text(t('bc-btn-cancel-run'), `bc:cancel:${p.run.id}`);
  }
  keyboard.row().text(t('bc-btn-stats'), `bc:stats:${p.run.broadcastId}`);
  return { text, keyboard };
}

const isNotModified = (error: unknown) =>
  error instanceof GrammyError && error.description.includes('message is not modified');

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
      const { text, keyboard } = renderProgress(t, progress, this.rate(run.id, progress));
      const final = run.state === 'done' || run.state === 'cancelled';
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
          if (!(error instanceof GrammyError && error.error_code === 400)) continue;
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
