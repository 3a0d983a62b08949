import type { Claim } from '../services/updates.js';

/** Where a sender stands with one update: within the limit, just over it, or in a cool-down. */
export type FloodVerdict = 'ok' | 'over' | 'cooling';

export interface FloodLimits {
  limit: number;
  windowSeconds: number;
  cooldownSeconds: number;
}

/**
 * The flood limit's count of a sender's recent updates. Two implementations, chosen by transport:
 * polling has one process taking updates (a second getUpdates gets 409), so a count in memory is
 * exact and costs nothing; webhook instances share the count through the claim of each update in
 * PostgreSQL ({@link SharedFloodMeter}).
 */
export interface FloodMeter {
  /** Counts this update of `telegramId` and says where the sender stands. */
  check(telegramId: number, updateId: number): FloodVerdict;
  /** Starts the cool-down: true for exactly one update per cool-down — the one that gives the notice. */
  startCooldown(telegramId: number): Promise<boolean>;
}

interface Sender {
  /** Arrival times (ms) within the window, oldest first. */
  times: number[];
  cooldownUntil: number;
}

/** Polling: a sliding window per sender in memory (one process takes all updates). */
export class MemoryFloodMeter implements FloodMeter {
  private readonly senders = new Map<number, Sender>();
  private checksSinceSweep = 0;

  constructor(
    private readonly limits: FloodLimits,
    private readonly now: () => number = Date.now,
  ) {}

  check(telegramId: number): FloodVerdict {
    const now = this.now();
    if (++this.checksSinceSweep >= 10_000) this.sweep(now);
    let sender = this.senders.get(telegramId);
    if (!sender) {
      sender = { times: [], cooldownUntil: 0 };
      this.senders.set(telegramId, sender);
    }
    const since = now - this.limits.windowSeconds * 1000;
    while (sender.times.length > 0 && (sender.times[0] ?? 0) <= since) sender.times.shift();
    // Updates in a cool-down count too: someone who keeps flooding through it trips again after it.
    // Only the newest limit + 1 are kept: enough to tell "over".
    sender.times.push(now);
    if (sender.times.length > this.limits.limit + 1) sender.times.shift();
    if (sender.cooldownUntil > now) return 'cooling';
    return sender.times.length > this.limits.limit ? 'over' : 'ok';
  }

  async startCooldown(telegramId: number): Promise<boolean> {
    const now = this.now();
    const sender = this.senders.get(telegramId) ?? { times: [], cooldownUntil: 0 };
    this.senders.set(telegramId, sender);
    if (sender.cooldownUntil > now) return false;
    sender.cooldownUntil = now + this.limits.cooldownSeconds * 1000;
    return true;
  }

  /** Forgets senders with nothing in the window and no cool-down. */
  private sweep(now: number): void {
    this.checksSinceSweep = 0;
    const since = now - this.limits.windowSeconds * 1000;
    for (const [id, sender] of this.senders) {
      if (sender.cooldownUntil <= now && (sender.times.at(-1) ?? 0) <= since) this.senders.delete(id);
    }
  }
}

/** How many claims wait for their update to reach the middleware, at most (the rest are dropped). */
const PENDING_CLAIMS_MAX = 10_000;

/**
 * Webhook mode: the count comes from the update's claim (services/updates.ts), made by whichever
 * instance received it, over every instance's updates; the cool-down is a shared row. The claim
 * result waits here for its update to reach the middleware.
 */
export class SharedFloodMeter implements FloodMeter {
  private readonly claims = new Map<number, Claim>();

  constructor(
    private readonly limits: FloodLimits,
    private readonly startShared: (telegramId: number, seconds: number) => Promise<boolean>,
  ) {}

  /** Keeps what the claim of `updateId` said, for {@link check}. */
  remember(updateId: number, claim: Claim): void {
    this.claims.set(updateId, claim);
    if (this.claims.size > PENDING_CLAIMS_MAX) {
      const oldest = this.claims.keys().next().value;
      if (oldest !== undefined) this.claims.delete(oldest);
    }
  }

  check(_telegramId: number, updateId: number): FloodVerdict {
    const claim = this.claims.get(updateId);
    if (!claim) return 'ok';
    this.claims.delete(updateId);
    if (claim.coolingDown) return 'cooling';
    return claim.recent > this.limits.limit ? 'over' : 'ok';
  }

  startCooldown(telegramId: number): Promise<boolean> {
    return this.startShared(telegramId, this.limits.cooldownSeconds);
  }
}

/** The sender of an update (the `from` of its message, callback query, member change…), if any. */
export function senderOf(update: object): number | undefined {
  for (const value of Object.values(update)) {
    if (value && typeof value === 'object' && 'from' in value) {
      const from = (value as { from?: { id?: unknown } }).from;
      if (from && typeof from.id === 'number') return from.id;
    }
  }
  return undefined;
}
