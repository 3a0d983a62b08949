import { zonedTimeToUtc, zoneOffsetMinutes } from './zoned-time.js';

/** Daily working hours in a time zone: from `from`:00 to `to`:00 (24 = midnight). */
export interface WorkingHours {
  from: number;
  to: number;
}

/** The working window of the local calendar day `at` falls on: [open, close). */
function windowOfDay(at: Date, hours: WorkingHours, timeZone: string, dayShift = 0): [Date, Date] {
  const local = new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
  const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + dayShift));
  const wall = (hour: number) => {
    const d = new Date(day.getTime() + hour * 3_600_000);
    return zonedTimeToUtc(
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours() },
      timeZone,
    ) as Date;
  };
  return [wall(hours.from), wall(hours.to)];
}

/** The working window that contains `at` or is the next one after it. */
function windowAtOrAfter(at: Date, hours: WorkingHours, timeZone: string): [Date, Date] {
  const today = windowOfDay(at, hours, timeZone);
  if (at < today[1]) return today;
  return windowOfDay(at, hours, timeZone, 1);
}

/** Whether `at` is within working hours (always, when there are none). */
export function isWorkingTime(at: Date, hours: WorkingHours | undefined, timeZone: string): boolean {
  if (!hours) return true;
  const [open, close] = windowOfDay(at, hours, timeZone);
  return at >= open && at < close;
}

/** `at` itself during working hours, otherwise the moment the desk opens next. */
export function nextOpening(at: Date, hours: WorkingHours | undefined, timeZone: string): Date {
  if (!hours) return at;
  const [open] = windowAtOrAfter(at, hours, timeZone);
  return at < open ? open : at;
}

/**
 * The instant `ms` of working time after `start`: the clock runs only during working hours (all
 * the time when there are none), so a ticket opened at night is due `ms` after the desk opens.
 */
export function addWorkingTime(
  start: Date,
  ms: number,
  hours: WorkingHours | undefined,
  timeZone: string,
): Date {
  if (!hours) return new Date(start.getTime() + ms);
  let at = start;
  let left = ms;
  // A window is at least an hour long, so this ends; the bound only guards against a broken zone.
  for (let i = 0; i < 10_000; i++) {
    const [open, close] = windowAtOrAfter(at, hours, timeZone);
    if (at < open) at = open;
    const room = close.getTime() - at.getTime();
    if (left <= room) return new Date(at.getTime() + left);
    left -= room;
    at = close;
  }
  throw new Error('working hours never open');
}
