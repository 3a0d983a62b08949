import { GrammyError } from 'grammy';
import type { ClaimedDelivery, DeliveryResult } from '../services/broadcasts/index.js';

/** What the sender does about a request that failed. */
export interface FailureOutcome {
  /** Written back for the row. */
  result: DeliveryResult;
  /** The sender counter to increment. */
  counter: 'tooManyRequests' | 'blocked' | 'failed' | 'retries';
  /** Flood control: pause every request this long (the row is requeued with the same delay). */
  pauseMs?: number;
  /** The user blocked the bot: record it so later broadcasts skip them. */
  markBlocked: boolean;
}

/** Retry policy for errors other than 429 and 403. */
export interface RetryPolicy {
  /** Attempts before the row is `failed`. */
  maxAttempts: number;
  /** First backoff; doubled with each attempt. */
  backoffBaseMs: number;
}

/**
 * Decides what a failed send means for its row. A 429 is the global flood limit, not this row's fault:
 * it does not count as an attempt and pauses all sending for `retry_after`. A 403 is the user blocking
 * the bot. Any other 4xx is Telegram refusing this message for this chat — sending it again gives the
 * same answer, so it fails at once; the rest (5xx, network) is retried with exponential backoff up to
 * `maxAttempts`.
 */
export function classifyFailure(
  error: unknown,
  row: Pick<ClaimedDelivery, 'id' | 'attempts'>,
  policy: RetryPolicy,
): FailureOutcome {
  if (error instanceof GrammyError && error.error_code === 429) {
    const pauseMs = (error.parameters.retry_after ?? 1) * 1000;
    return {
      result: { id: row.id, state: 'pending', delayMs: pauseMs, error: error.description },
      counter: 'tooManyRequests',
      pauseMs,
      markBlocked: false,
    };
  }
  if (error instanceof GrammyError && error.error_code === 403) {
    return {
      result: { id: row.id, state: 'blocked', error: error.description },
      counter: 'blocked',
      markBlocked: true,
    };
  }
  const reason = error instanceof GrammyError ? error.description : String(error);
  const permanent = error instanceof GrammyError && error.error_code < 500;
  if (permanent || row.attempts + 1 >= policy.maxAttempts) {
    return {
      result: { id: row.id, state: 'failed', error: reason, countsAsAttempt: true },
      counter: 'failed',
      markBlocked: false,
    };
  }
  return {
    result: {
      id: row.id,
      state: 'pending',
      error: reason,
      delayMs: policy.backoffBaseMs * 2 ** row.attempts,
      countsAsAttempt: true,
    },
    counter: 'retries',
    markBlocked: false,
  };
}
