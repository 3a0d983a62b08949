import type { Audience } from '../../../db/schema/index.js';
import type { Broadcast } from '../../../services/broadcasts/index.js';
import { formatDateTime } from '../../../text/format.js';
import type { BotContext } from '../../context.js';

/** "Everyone", "Language: en", … */
export function audienceLabel(ctx: BotContext, audience: Audience): string {
  return audience.kind === 'language'
    ? ctx.t('bc-aud-language', { language: audience.language })
    : ctx.t(`bc-aud-${audience.kind}`);
}

/** When a broadcast goes out: right after confirming, once at a time, or its recurrence and next time. */
export function scheduleLabel(ctx: BotContext, b: Broadcast): string {
  const tz = ctx.deps.config.timezone;
  const when = b.nextRunAt ? formatDateTime(b.nextRunAt, ctx.locale, tz) : '—';
  switch (b.scheduleKind) {
    case 'now':
      return ctx.t('bc-sched-now');
    case 'once':
      return ctx.t('bc-sched-once', { when });
    default:
      return ctx.t('bc-sched-recurring', { cron: b.cron ?? '', when, tz });
  }
}
