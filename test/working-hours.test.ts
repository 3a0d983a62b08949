import { describe, expect, it } from 'vitest';
import { addWorkingTime, isWorkingTime, nextOpening } from '../src/text/working-hours.js';

const tz = 'Europe/Moscow';
const hours = { from: 10, to: 19 };
/** A Moscow wall-clock time (UTC+3 all year) as an instant. */
const msk = (iso: string) => new Date(`${iso}+03:00`);

describe('working hours', () => {
  it('tells working time from the night', () => {
    expect(isWorkingTime(msk('2026-12-01T10:00:00'), hours, tz)).toBe(true);
    expect(isWorkingTime(msk('2026-12-01T18:59:59'), hours, tz)).toBe(true);
    expect(isWorkingTime(msk('2026-12-01T19:00:00'), hours, tz)).toBe(false);
    expect(isWorkingTime(msk('2026-12-01T03:00:00'), hours, tz)).toBe(false);
    expect(isWorkingTime(msk('2026-12-01T03:00:00'), undefined, tz)).toBe(true);
  });

  it('finds the next opening', () => {
    expect(nextOpening(msk('2026-12-01T22:30:00'), hours, tz)).toEqual(msk('2026-12-02T10:00:00'));
    expect(nextOpening(msk('2026-12-01T07:00:00'), hours, tz)).toEqual(msk('2026-12-01T10:00:00'));
    expect(nextOpening(msk('2026-12-01T12:00:00'), hours, tz)).toEqual(msk('2026-12-01T12:00:00'));
  });

  it('lets the SLA clock wait outside working hours', () => {
    const min = 60_000;
    expect(addWorkingTime(msk('2026-12-01T12:00:00'), 15 * min, hours, tz)).toEqual(
      msk('2026-12-01T12:15:00'),
    );
    expect(addWorkingTime(msk('2026-12-01T23:00:00'), 15 * min, hours, tz)).toEqual(
      msk('2026-12-02T10:15:00'),
    );
    expect(addWorkingTime(msk('2026-12-01T18:50:00'), 15 * min, hours, tz)).toEqual(
      msk('2026-12-02T10:05:00'),
    );
    expect(addWorkingTime(msk('2026-12-01T23:00:00'), 15 * min, undefined, tz)).toEqual(
      msk('2026-12-01T23:15:00'),
    );
    expect(addWorkingTime(msk('2026-12-01T20:00:00'), 30 * min, { from: 0, to: 24 }, tz)).toEqual(
      msk('2026-12-01T20:30:00'),
    );
  });
});
