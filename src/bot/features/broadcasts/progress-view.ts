import { InlineKeyboard } from 'grammy';
import { averageRate, type ProgressMessage } from '../../../jobs/progress.js';
import type { RunProgress } from '../../../services/broadcasts/index.js';
import type { Translate } from '../../../text/i18n.js';
import { runControlData, statsData } from './callback-data.js';

/** `▓▓▓▓░░░░░░ 40%` */
export function progressBar(done: number, total: number, width = 10): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.floor(share * 100)}%`;
}

/** `m:ss`, or `h:mm:ss` from an hour on. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`
    : `${m}:${String(sec).padStart(2, '0')}`;
}

/**
 * The progress message of a run: bar, figures, rate, ETA, and the controls that apply to its state.
 * The progress reporter (jobs) sends and edits it; the bot draws it, as it owns the buttons. While the run
 * goes the rate is the current one ("—" until there is one); once it has ended, the run's own average.
 * The figures always add up to the total: what a cancel kept from being sent has its own line.
 */
export function renderProgress(t: Translate, p: RunProgress, ratePerSecond: number): ProgressMessage {
  const delivered = p.sent + p.unconfirmed;
  // the bar shows what went out (or was settled); what a cancel kept back is not progress
  const done = p.total - p.pending - p.cancelled;
  const ended = p.run.state === 'done' || p.run.state === 'cancelled';
  const lines = [
    t('bc-progress', {
      id: p.run.broadcastId,
      state: t(`bc-run-state-${p.run.state}`),
      bar: progressBar(done, p.total),
      sent: delivered,
      unconfirmed: p.unconfirmed,
      failed: p.failed,
      blocked: p.blocked,
      skipped: p.skipped,
    }),
  ];
  if (p.cancelled > 0) lines.push(t('bc-progress-cancelled', { cancelled: p.cancelled }));
  if (p.pending > 0 && p.run.state === 'cancelled')
    lines.push(t('bc-progress-in-flight', { pending: p.pending }));
  lines.push(t('bc-progress-total', { total: p.total }));
  if (ended) {
    const average = averageRate(p);
    if (average !== undefined) lines.push(t('bc-progress-average', { rate: average }));
  } else if (p.run.state === 'running' && ratePerSecond > 0) {
    lines.push(
      t('bc-progress-rate', { rate: ratePerSecond, eta: formatDuration(p.pending / ratePerSecond) }),
    );
  }
  const text = lines.join('\n');
  const keyboard = new InlineKeyboard();
  const run = { run: p.run.id };
  if (p.run.state === 'running') {
    keyboard
      .text(t('bc-btn-pause'), runControlData.pause.pack(run))
      .text(t('bc-btn-cancel-run'), runControlData.cancel.pack(run));
  } else if (p.run.state === 'paused') {
    keyboard
      .text(t('bc-btn-resume'), runControlData.resume.pack(run))
      .text(t('bc-btn-cancel-run'), runControlData.cancel.pack(run));
  }
  keyboard.row().text(t('bc-btn-stats'), statsData.pack({ broadcast: p.run.broadcastId }));
  return { text, keyboard };
}
