import { describe, expect, it } from 'vitest';
import { zonedTimeToUtc, zoneOffsetMinutes } from '../src/text/zoned-time.js';

describe('zoned time', () => {
  it('knows a zone offset at an instant, across daylight saving', () => {
    expect(zoneOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/Moscow')).toBe(180);
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(120);
  });

  it('turns a wall-clock time in a zone into the instant it stands for', () => {
    expect(
      zonedTimeToUtc(
        { year: 2026, month: 12, day: 31, hour: 23, minute: 59 },
        'Europe/Moscow',
      )?.toISOString(),
    ).toBe('2026-12-31T20:59:00.000Z');
    // The day after Berlin moves its clocks forward (29 March 2026).
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 30, hour: 9 }, 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  it('refuses impossible dates and times', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 2, day: 30 }, 'UTC')).toBeUndefined();
    expect(zonedTimeToUtc({ year: 2026, month: 13, day: 1 }, 'UTC')).toBeUndefined();
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 1, hour: 24 }, 'UTC')).toBeUndefined();
  });
});
