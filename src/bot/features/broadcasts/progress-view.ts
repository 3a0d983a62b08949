import { InlineKeyboard } from 'grammy';
import type { ProgressMessage } from '../../../jobs/progress.js';
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
 * The progress reporter (jobs) sends and edits it; the bot draws it, as it owns the buttons.
 */
export function renderProgress(t: Translate, p: RunProgress, ratePerSecond: number): ProgressMessage {
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
