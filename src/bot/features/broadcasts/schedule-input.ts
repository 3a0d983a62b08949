import { dailyCron, isValidCron, parseTime, weeklyCron } from '../../../jobs/schedule.js';

/** Day names an admin may type, English and Russian (matched on their first three or two letters). */
const WEEKDAY_NAMES: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  вс: 0,
  пн: 1,
  вт: 2,
  ср: 3,
  чт: 4,
  пт: 5,
  сб: 6,
};

/** `10:00` → the cron expression of every day at that time. */
export function parseDaily(input: string): string | undefined {
  const time = parseTime(input);
  return time ? dailyCron(time.hour, time.minute) : undefined;
}

/** `mon 10:00` / `понедельник 10:00` → the cron expression of that weekday and time. */
export function parseWeekly(input: string): string | undefined {
  const [dayWord, timeWord] = input.toLowerCase().split(/\s+/);
  const day =
    dayWord === undefined
      ? undefined
      : (WEEKDAY_NAMES[dayWord.slice(0, 3)] ?? WEEKDAY_NAMES[dayWord.slice(0, 2)]);
  const time = timeWord ? parseTime(timeWord) : undefined;
  return day !== undefined && time ? weeklyCron(day, time.hour, time.minute) : undefined;
}

/** A 5-field cron expression, normalised to single spaces. */
export function parseCron(input: string): string | undefined {
  return isValidCron(input) ? input.split(/\s+/).join(' ') : undefined;
}
