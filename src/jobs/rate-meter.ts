/**
 * Events per second over the last few whole seconds (the current second, still filling, left out):
 * the broadcast sender's current rate for /metrics. One slot per second in a small ring.
 */
export class RateMeter {
  private readonly counts: number[];
  private readonly seconds: number[];

  constructor(
    private readonly windowSeconds = 5,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.counts = new Array<number>(windowSeconds + 1).fill(0);
    this.seconds = new Array<number>(windowSeconds + 1).fill(-1);
  }

  mark(count = 1): void {
    const second = Math.floor(this.now() / 1000);
    const slot = second % this.counts.length;
    if (this.seconds[slot] !== second) {
      this.seconds[slot] = second;
      this.counts[slot] = 0;
    }
    this.counts[slot] = (this.counts[slot] ?? 0) + count;
  }

  perSecond(): number {
    const current = Math.floor(this.now() / 1000);
    let sum = 0;
    for (let slot = 0; slot < this.counts.length; slot++) {
      const second = this.seconds[slot] ?? -1;
      if (second < current && second >= current - this.windowSeconds) sum += this.counts[slot] ?? 0;
    }
    return sum / this.windowSeconds;
  }
}
