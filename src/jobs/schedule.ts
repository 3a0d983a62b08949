import { createRequire } from 'node:module';
import type { CronExpressionParser as Parser } from 'cron-parser';
import type { Broadcast } from '../services/broadcasts/index.js';
import { zonedTimeToUtc } from '../text/zoned-time.js';

/**
 * cron-parser (with the date library it brings, about 3 MB resident) is loaded on the first cron
 * expression, not at start: most instances never see a recurring broadcast.
 */
let cronParser: typeof Parser | undefined;
const cron = (): typeof Parser => {
  cronParser ??= (createRequire(import.meta.url)('cron-parser') as typeof import('cron-parser'))
    .CronExpressionParser;
  return cronParser;
};

/** `daily at HH:MM` as a cron expression. */
export const dailyCron = (hour: number, minute: number): string => `${minute} ${hour} * * *`;

/** `weekly on <day> at HH:MM` (0 = Sunday) as a cron expression. */
export const weeklyCron = (weekday: number, hour: number, minute: number): string =>
  `${minute} ${hour} * * ${weekday}`;

/** Parses `HH:MM` (24-hour clock). */
export function parseTime(input: string): { hour: number; minute: number } | undefined {
  const match = /^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$/.exec(input);
  if (!match) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** Whether a 5-field cron expression is valid (minute hour day month weekday). */
export function isValidCron(expression: string): boolean {
  if (expression.trim().split(/\s+/).length !== 5) return false;
  try {
    cron().parse(expression, { tz: 'UTC' });
    return true;
  } catch {
    return false;
  }
}

/** The next time `expression` fires strictly after `after`, in `timeZone`. */
export function nextCron(expression: string, after: Date, timeZone: string): Date | undefined {
  try {
    return cron().parse(expression, { currentDate: after, tz: timeZone }).next().toDate();
  } catch {
    return undefined;
  }
}

/** Days from today that a word names, in English and Russian. */
const RELATIVE_DAYS: Record<string, number> = {
  today: 0,
  tomorrow: 1,
  сегодня: 0,
  завтра: 1,
  послезавтра: 2,
};

/** The calendar date in `timeZone` at `instant`, moved by `days`. */
function localDate(
  instant: Date,
  timeZone: string,
  days: number,
): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const date = new Date(Date.UTC(get('year'), get('month') - 1, get('day') + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Parses a local date and time in the studio's time zone: `DD.MM.YYYY HH:MM` (also with `/` or `-` between
 * the date's parts, and a comma after it, as the bot writes dates), `YYYY-MM-DD HH:MM`, or a day word and a
 * time: `today 18:00`, `tomorrow at 10:00`, `завтра в 10:00`, `послезавтра 9:30`. Undefined when unreadable
 * or impossible (31.02); a time in the past is the caller's concern.
 */
export function parseLocalDateTime(input: string, timeZone: string, now = new Date()): Date | undefined {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const time = '(\\d{1,2})[:.](\\d{2})';
  const iso = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ t]|, ?)${time}$`).exec(text);
  const dmy = new RegExp(`^(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}),? ${time}$`).exec(text);
  const relative = new RegExp(`^([a-zа-яё]+),? (?:(?:at|в) )?${time}$`).exec(text);
  let date: { year: number; month: number; day: number };
  let clock: [string | undefined, string | undefined];
  if (iso) {
    date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
    clock = [iso[4], iso[5]];
  } else if (dmy) {
    date = { year: Number(dmy[3]), month: Number(dmy[2]), day: Number(dmy[1]) };
    clock = [dmy[4], dmy[5]];
  } else if (relative && RELATIVE_DAYS[relative[1] ?? ''] !== undefined) {
    date = localDate(now, timeZone, RELATIVE_DAYS[relative[1] ?? ''] ?? 0);
    clock = [relative[2], relative[3]];
  } else return undefined;
  return zonedTimeToUtc({ ...date, hour: Number(clock[0]), minute: Number(clock[1]) }, timeZone);
}

/** The scheduler's next-occurrence rule for a broadcast's recurrence. */
export const nextOccurrence =
  (timeZone: string) =>
  (broadcast: Broadcast, after: Date): Date | undefined =>
    broadcast.cron ? nextCron(broadcast.cron, after, timeZone) : undefined;
