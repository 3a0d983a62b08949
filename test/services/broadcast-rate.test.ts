import { describe, expect, it } from 'vitest';
import { SendRateLimiter } from '../../src/jobs/rate-limiter.js';

/** Drives a limiter with a fake clock: every `stepMs`, everything available departs (after `delayMs`). */
function simulate(rate: number, seconds: number, options: { stepMs?: number; delayMs?: number } = {}) {
  let now = 0;
  const limiter = new SendRateLimiter(rate, { now: () => now });
  const departures: number[] = [];
  let inTransit: { at: number; count: number }[] = [];
  const step = options.stepMs ?? 1;
  for (now = 0; now < seconds * 1000; now += step) {
    for (const t of inTransit.filter((x) => x.at <= now)) {
      limiter.depart(t.count);
      for (let i = 0; i < t.count; i++) departures.push(now);
    }
    inTransit = inTransit.filter((x) => x.at > now);
    const n = limiter.available();
    if (n <= 0) continue;
    if (options.delayMs) {
      limiter.reserve(n);
      inTransit.push({ at: now + options.delayMs, count: n });
    } else {
      limiter.record(n);
      for (let i = 0; i < n; i++) departures.push(now);
    }
  }
  return departures;
}

/** The most departures in any window of `windowMs`. */
function maxInWindow(departures: number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < departures.length; end++) {
    while ((departures[end] as number) - (departures[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('SendRateLimiter', () => {
  it('at 1000/s: never more than the limit in any second, evenly spread, at least 96 % of the rate', () => {
    const departures = simulate(1000, 10);
    expect(maxInWindow(departures, 1000)).toBeLessThanOrEqual(1000);
    // Evenly spread: never more than the bucket (20) plus what 10 ms of pacing adds.
    expect(maxInWindow(departures, 10)).toBeLessThanOrEqual(30);
    expect(departures.length).toBeGreaterThanOrEqual(9600);
    expect(departures.length).toBeLessThanOrEqual(9800);
  });

  it('at 30/s: one message at a time, about 33 ms apart', () => {
    const departures = simulate(30, 20);
    expect(maxInWindow(departures, 1000)).toBeLessThanOrEqual(30);
    expect(maxInWindow(departures, 30)).toBe(1);
    expect(departures.length).toBeGreaterThanOrEqual(0.96 * 600);
  });

  it('reserved departures count at once, and in the window when they leave (a delayed statement cannot bunch them)', () => {
    const departures = simulate(1000, 5, { delayMs: 7 });
    expect(maxInWindow(departures, 1000)).toBeLessThanOrEqual(1000);
    expect(departures.length).toBeGreaterThanOrEqual(0.96 * 5000 - 10);

    let now = 0;
    const limiter = new SendRateLimiter(10, { now: () => now, burst: 10 });
    limiter.reserve(10);
    expect(limiter.available()).toBe(0);
    now = 2000;
    // Tokens are back, but the ten reserved requests have not left: the window still counts them.
    expect(limiter.available()).toBe(0);
    limiter.depart(10);
    expect(limiter.available()).toBe(0);
    expect(limiter.waitMs()).toBeGreaterThan(1000);
    now = 3100;
    expect(limiter.available()).toBe(10);
    limiter.reserve(4);
    limiter.depart(4, false);
    expect(limiter.available()).toBe(6);
  });

  it('a flood wait stops everything until it is over; no limit means no waiting', () => {
    let now = 0;
    const limiter = new SendRateLimiter(100, { now: () => now });
    limiter.pause(1000);
    expect(limiter.available()).toBe(0);
    expect(limiter.waitMs()).toBe(1000);
    now = 1000;
    expect(limiter.available()).toBeGreaterThan(0);
    const unlimited = new SendRateLimiter(Number.POSITIVE_INFINITY);
    unlimited.record(1_000_000);
    expect(unlimited.available()).toBe(Number.MAX_SAFE_INTEGER);
    expect(unlimited.waitMs()).toBe(0);
  });
});
