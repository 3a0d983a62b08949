import { CronExpressionParser } from 'cron-parser';
import type { Broadcast } from '../services/broadcasts/index.js';
import { zonedTimeToUtc } from '../text/zoned-time.js';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

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
    CronExpressionParser.parse(expression, { tz: 'UTC' });
    return true;
  } catch {
    return false;
  }
}

/** The next time `expression` fires strictly after `after`, in `timeZone`. */
export function nextCron(expression: string, after: Date, timeZone: string): Date | undefined {
  try {
    return CronExpressionParser.parse(expression, { currentDate: after, tz: timeZone }).next().toDate();
  } catch {
    return undefined;
  }
}

/**
 * Parses a local date and time in the studio's time zone: `YYYY-MM-DD HH:MM` or `DD.MM.YYYY HH:MM`.
 */
export function parseLocalDateTime(input: string, timeZone: string): Date | undefined {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})\s*$/.exec(input);
  const ru = /^\s*(\d{2})\.(\d{2})\.(\d{4})[ ,]+(\d{1,2})[:.](\d{2})\s*$/.exec(input);
  let y: number;
  let mo: number;
  let d: number;
  let h: number;
  let mi: number;
  if (iso)
    [y, mo, d, h, mi] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4]), Number(iso[5])];
  else if (ru)
    [d, mo, y, h, mi] = [Number(ru[1]), Number(ru[2]), Number(ru[3]), Number(ru[4]), Number(ru[5])];
  else return undefined;
  return zonedTimeToUtc({ year: y, month: mo, day: d, hour: h, minute: mi }, timeZone);
}

/** The scheduler's next-occurrence rule for a broadcast's recurrence. */
export const nextOccurrence =
  (timeZone: string) =>
  (broadcast: Broadcast, after: Date): Date | undefined =>
    broadcast.cron ? nextCron(broadcast.cron, after, timeZone) : undefined;
