/**
 * Sliding-window rate limiter: at most `limit` events in any window of `windowMs`. O(1) per check (a ring
 * buffer of the last `limit` accepted timestamps).
 */
export class SlidingWindowLimiter {
  private readonly times: Float64Array;
  private next = 0;
  private count = 0;

  constructor(
    readonly limit: number,
    readonly windowMs = 1000,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`rate limit must be a positive integer: ${limit}`);
    this.times = new Float64Array(limit);
  }

  /**
   * Records an event at `now` if allowed and returns 0; otherwise records nothing and returns the number of
   * milliseconds until a slot frees up (> 0).
   */
  tryAcquire(now: number): number {
    if (this.count < this.limit) {
      this.times[this.next] = now;
      this.next = (this.next + 1) % this.limit;
      this.count++;
      return 0;
    }
    // the oldest of the last `limit` events sits at `next`
    const oldest = this.times[this.next] ?? 0;
    const wait = oldest + this.windowMs - now;
    if (wait > 0) return wait;
    this.times[this.next] = now;
    this.next = (this.next + 1) % this.limit;
    return 0;
  }

  /** Milliseconds until an event at `now` would be allowed (0 = allowed now); records nothing. */
  wait(now: number): number {
    if (this.count < this.limit) return 0;
    const oldest = this.times[this.next] ?? 0;
    return Math.max(0, oldest + this.windowMs - now);
  }

  /** Records an event at `now` unconditionally (call after {@link wait} returned 0). */
  record(now: number): void {
    this.times[this.next] = now;
    this.next = (this.next + 1) % this.limit;
    if (this.count < this.limit) this.count++;
  }

  /** Forgets all recorded events. */
  reset(): void {
    this.count = 0;
    this.next = 0;
  }
}
