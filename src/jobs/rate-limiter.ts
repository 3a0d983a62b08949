/**
 * The global send rate of the bot, enforced two ways at once:
 *
 * - **smooth pacing**: a token bucket filled at `pace` = the rate minus a small safety margin, holding at
 *   most a few milliseconds' worth of tokens, so departures are spread evenly instead of leaving in bursts;
 * - **a hard cap**: at most `limit` departures in any window of `windowMs` (the rate's window plus a margin),
 *   a sliding window over the actual departure times, like Telegram's flood control.
 *
 * Bursting a whole second's quota at once (the cap alone) lets network and event-loop jitter squeeze more
 * than the limit into the server's own 1 s window, and every 429 costs at least a whole second of silence;
 * evenly spaced departures leave that jitter room.
 */
export class SendRateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /** Departures per millisecond of the smooth pacing (below the limit by the safety margin). */
  readonly pacePerMs: number;
  /** Most departures the pacing lets go at once (its bucket size). */
  readonly burst: number;
  private readonly times: number[] = [];
  private head = 0;
  private pausedUntil = 0;
  /** Reserved departures whose requests have not left yet (their times are recorded when they do). */
  private pending = 0;
  private tokens: number;
  private filledAt: number;
  private readonly now: () => number;

  constructor(
    ratePerSecond: number,
    options: { marginMs?: number; paceMargin?: number; burst?: number; now?: () => number } = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    if (!(ratePerSecond > 0)) throw new RangeError(`rate must be positive: ${ratePerSecond}`);
    this.filledAt = this.now();
    if (!Number.isFinite(ratePerSecond)) {
      this.limit = Number.POSITIVE_INFINITY;
      this.windowMs = 0;
      this.pacePerMs = Number.POSITIVE_INFINITY;
      this.burst = Number.POSITIVE_INFINITY;
      this.tokens = Number.POSITIVE_INFINITY;
      return;
    }
    // Fractional rates (0.5/s) become "1 per 2 s"; whole rates "N per second".
    this.limit = Math.max(1, Math.floor(ratePerSecond));
    const base = (this.limit / ratePerSecond) * 1000;
    // 3 % of margin: the server's clock sees our departures shifted by network and scheduling delays
    // (on a busy machine a process can stall for 20 ms), and each 429 costs a whole second of silence.
    this.windowMs = base + (options.marginMs ?? Math.max(30, base * 0.03));
    // 2.5 % under the rate, at most ~20 ms worth of departures at once (at least one): enough to catch up
    // after a short stall of the event loop, small enough to reach the server spread out.
    this.pacePerMs = (ratePerSecond * (1 - (options.paceMargin ?? 0.025))) / 1000;
    this.burst = options.burst ?? Math.max(1, Math.floor(ratePerSecond / 50));
    this.tokens = this.burst;
  }

  private prune(at: number): void {
    const horizon = at - this.windowMs;
    while (this.head < this.times.length && (this.times[this.head] as number) <= horizon) this.head++;
    if (this.head > 4096) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }

  private fill(at: number): void {
    if (this.pacePerMs === Number.POSITIVE_INFINITY) return;
    // Up to `burst` whole tokens plus the fraction of the next one: a late wake-up (timers fire a
    // millisecond or so late) does not lose the time it waited.
    this.tokens = Math.min(this.burst + 0.999, this.tokens + (at - this.filledAt) * this.pacePerMs);
    this.filledAt = at;
  }

  /** Requests that may depart now. */
  available(): number {
    const at = this.now();
    if (at < this.pausedUntil) return 0;
    if (this.limit === Number.POSITIVE_INFINITY) return Number.MAX_SAFE_INTEGER;
    this.prune(at);
    this.fill(at);
    return Math.max(
      0,
      Math.min(Math.floor(this.tokens), this.limit - (this.times.length - this.head) - this.pending),
    );
  }

  /** Milliseconds until at least one request may depart (0 = now). */
  waitMs(): number {
    const at = this.now();
    if (at < this.pausedUntil) return this.pausedUntil - at;
    if (this.limit === Number.POSITIVE_INFINITY) return 0;
    this.prune(at);
    this.fill(at);
    const paced = this.tokens >= 1 ? 0 : (1 - this.tokens) / this.pacePerMs;
    const used = this.times.length - this.head + this.pending;
    const oldest = this.times[this.head];
    const capped =
      used < this.limit ? 0 : oldest === undefined ? 5 : Math.max(0, oldest + this.windowMs - at);
    return Math.max(paced, capped);
  }

  /** Records `count` departures now. */
  record(count = 1): void {
    if (this.limit === Number.POSITIVE_INFINITY) return;
    const at = this.now();
    this.fill(at);
    this.tokens -= count;
    for (let i = 0; i < count; i++) this.times.push(at);
  }

  /**
   * Takes `count` slots now for requests that leave a little later (after a database statement): the
   * pacing counts them at once, the sliding window when they actually leave ({@link depart}), so that a
   * delayed statement cannot bunch departures beyond the limit.
   */
  reserve(count: number): void {
    if (this.limit === Number.POSITIVE_INFINITY) return;
    this.fill(this.now());
    this.tokens -= count;
    this.pending += count;
  }

  /** `count` reserved requests leave now (`sent` = false: they will not leave at all). */
  depart(count: number, sent = true): void {
    if (this.limit === Number.POSITIVE_INFINITY) return;
    this.pending = Math.max(0, this.pending - count);
    if (!sent) return;
    const at = this.now();
    for (let i = 0; i < count; i++) this.times.push(at);
  }

  /** Flood control said "retry after N s": nothing departs until then (the limit is global). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  get paused(): boolean {
    return this.now() < this.pausedUntil;
  }

  /** Waits for a slot and takes it (for the occasional request outside the sender, e.g. progress edits). */
  async take(signal?: { stopped: boolean }): Promise<void> {
    for (;;) {
      if (signal?.stopped) return;
      const wait = this.waitMs();
      if (wait === 0) {
        this.record();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
    }
  }
}
