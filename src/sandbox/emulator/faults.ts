/**
 * Fault injection for tests of the bot's runtime: a Bot API that answers 409/429/5xx, or answers
 * late, on some methods, some number of times. Applies to calls over HTTP (what the bot makes).
 */

export interface Fault {
  /** Bot API method, case-insensitive; omitted = every method. */
  method?: string;
  /** Wait this long before answering (or before the error). */
  delayMs?: number;
  /** Answer with this error instead of calling the method. */
  error?: { code: number; description: string; retryAfter?: number };
  /** How many calls it applies to (default: until removed). */
  times?: number;
}

interface ActiveFault extends Fault {
  remaining: number;
}

export class Faults {
  private list: ActiveFault[] = [];

  /** Adds a fault; the returned function removes it. */
  add(fault: Fault): () => void {
    const active: ActiveFault = { ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY };
    this.list.push(active);
    return () => {
      this.list = this.list.filter((f) => f !== active);
    };
  }

  /** The first fault that applies to `method`, counted as used. */
  take(method: string): Fault | undefined {
    const key = method.toLowerCase();
    const fault = this.list.find((f) => f.remaining > 0 && (!f.method || f.method.toLowerCase() === key));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.list = this.list.filter((f) => f !== fault);
    return fault;
  }

  clear(): void {
    this.list = [];
  }
}
