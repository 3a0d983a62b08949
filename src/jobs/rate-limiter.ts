/**
 * The global send rate of the bot: at most `limit` requests in any window of `windowMs` (a sliding window
 * over the actual departure times, like Telegram's flood control). The window is the rate's window plus a
 * small margin, so that network jitter never makes the server see more than its limit in its own window
 * (a 429 costs at least a whole second of silence).
 */
export class SendRateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly times: number[] = [];
  private head = 0;
  private pausedUntil = 0;
  private readonly now: () => number;

  constructor(ratePerSecond: number, options: { marginMs?: number; now?: () => number } = {}) {
    this.now = options.now ?? (() => performance.now());
    if (!(ratePerSecond > 0)) throw new RangeError(`rate must be positive: ${ratePerSecond}`);
    if (!Number.isFinite(ratePerSecond)) {
      this.limit = Number.POSITIVE_INFINITY;
      this.windowMs = 0;
      return;
    }
    // Fractional rates (0.5/s) become "1 per 2 s"; whole rates "N per second".
    this.limit = Math.max(1, Math.floor(ratePerSecond));
    const base = (this.limit / ratePerSecond) * 1000;
    this.windowMs = base + (options.marginMs ?? Math.max(15, base * 0.015));
  }

  private prune(at: number): void {
    const horizon = at - this.windowMs;
    while (this.head < this.times.length && (this.times[this.head] as number) <= horizon) this.head++;
    if (this.head > 4096) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Requests that may depart now. */
  available(): number {
    const at = this.now();
    if (at < this.pausedUntil) return 0;
    if (this.limit === Number.POSITIVE_INFINITY) return Number.MAX_SAFE_INTEGER;
    this.prune(at);
    return Math.max(0, this.limit - (this.times.length - this.head));
  }

  /** Milliseconds until at least one request may depart (0 = now). */
  waitMs(): number {
    const at = this.now();
    if (at < this.pausedUntil) return this.pausedUntil - at;
    if (this.limit === Number.POSITIVE_INFINITY) return 0;
    this.prune(at);
    if (this.times.length - this.head < this.limit) return 0;
    return Math.max(0, (this.times[this.head] as number) + this.windowMs - at);
  }

  /** Records `count` departures now. */
  record(count = 1): void {
    if (this.limit === Number.POSITIVE_INFINITY) return;
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
