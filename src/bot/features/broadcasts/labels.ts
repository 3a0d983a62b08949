import type { Audience } from '../../../db/schema/index.js';
import type { Broadcast } from '../../../services/broadcasts/index.js';
import { formatDateTime } from '../../../text/format.js';
import type { Locale, Translate } from '../../../text/i18n.js';
import { zonedTimeToUtc } from '../../../text/zoned-time.js';
import type { BotContext } from '../../context.js';

/** "Everyone", "Language: en", … */
export function audienceLabel(ctx: BotContext, audience: Audience): string {
  return audience.kind === 'language'
    ? ctx.t('bc-aud-language', { language: audience.language })
    : ctx.t(`bc-aud-${audience.kind}`);
}

/**
 * The studio's time zone in plain words: "по московскому времени", or the zone's name as the reader's
 * language calls it with its offset ("по времени «Центральная Европа» (GMT+1)") — never a tz database id.
 */
export function zoneWords(t: Translate, locale: Locale, timeZone: string, at = new Date()): string {
  if (timeZone === 'Europe/Moscow') return t('bc-zone-moscow');
  const part = (timeZoneName: 'longGeneric' | 'shortOffset') =>
    new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone, timeZoneName })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const offset = part('shortOffset');
  const name = part('longGeneric');
  return name && !name.startsWith('GMT')
    ? t('bc-zone-named', { zone: name, offset })
    : t('bc-zone-offset', { offset });
}

/** An example date for the "once" step, written as the bot writes dates: tomorrow at 18:00 in the studio. */
export function exampleDateTime(locale: Locale, timeZone: string, now = new Date()): string {
  const tomorrow = new Date(now.getTime() + 24 * 3600_000);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(tomorrow);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const at = zonedTimeToUtc({ year: get('year'), month: get('month'), day: get('day'), hour: 18 }, timeZone);
  return formatDateTime(at ?? tomorrow, locale, timeZone);
}

/** `m h * * *` (every day) and `m h * * d` (one weekday) as the schedule steps write them. */
const DAILY = /^(\d{1,2}) (\d{1,2}) \* \* \*$/;
const WEEKLY = /^(\d{1,2}) (\d{1,2}) \* \* ([0-6])$/;

/** A recurrence in words: "каждый день в 10:00", "по понедельникам в 10:00", or the typed schedule. */
function recurrenceWords(ctx: BotContext, cron: string): string {
  const clock = (h: string | undefined, m: string | undefined) =>
    `${String(Number(h)).padStart(2, '0')}:${String(Number(m)).padStart(2, '0')}`;
  const daily = DAILY.exec(cron);
  if (daily) return ctx.t('bc-every-day', { time: clock(daily[2], daily[1]) });
  const weekly = WEEKLY.exec(cron);
  if (weekly) return ctx.t('bc-every-week', { day: Number(weekly[3]), time: clock(weekly[2], weekly[1]) });
  return ctx.t('bc-every-custom', { schedule: cron });
}

/** When a broadcast goes out: right after confirming, once at a time, or its recurrence and next time. */
export function scheduleLabel(ctx: BotContext, b: Broadcast): string {
  const tz = ctx.deps.config.timezone;
  const when = b.nextRunAt ? formatDateTime(b.nextRunAt, ctx.locale, tz) : '—';
  const zone = zoneWords(ctx.t, ctx.locale, tz);
  switch (b.scheduleKind) {
    case 'now':
      return ctx.t('bc-sched-now');
    case 'once':
      return ctx.t('bc-sched-once', { when, zone });
    default:
      return ctx.t('bc-sched-recurring', { every: recurrenceWords(ctx, b.cron ?? ''), when, zone });
  }
}
