import { HttpError, type Transformer } from 'grammy';

export interface BoundedRetryOptions {
  /** Tries in all, the first included. */
  maxAttempts?: number;
  /** A 429 asking to wait longer than this is returned to the caller instead of waited for. */
  maxRetryAfterSeconds?: number;
  /** First wait after a network error or a 5xx; doubles up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Called before each wait for another try (metrics: `phoenix_bot_api_retries_total`). */
  onRetry?: (method: string, reason: '429' | '5xx' | 'network') => void;
}

/** grammY's abort signal type (a shim of the standard one). */
type Signal = Parameters<Transformer>[3];

const pause = (ms: number, signal: Signal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('request aborted'));
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new Error('request aborted'));
      },
      { once: true },
    );
  });

/**
 * Retries the bot's Bot API calls a bounded number of times: a 429 after its `retry_after` (when
 * short), a 5xx or a network error after a short backoff capped at 5 s. Unlike auto-retry's
 * defaults (network errors forever, waits growing to an hour) a call gives up after a few seconds,
 * so an unreachable API fails start-up with a clear line and a chat is not held behind one send
 * that backs off for minutes. getUpdates is left to the poller, which has its own loop.
 */
export function boundedRetry(options: BoundedRetryOptions = {}): Transformer {
  const maxAttempts = options.maxAttempts ?? 4;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 30;
  const base = options.baseBackoffMs ?? 500;
  const cap = options.maxBackoffMs ?? 5000;
  const onRetry = options.onRetry ?? (() => {});
  return async (prev, method, payload, signal) => {
    if (method === 'getUpdates') return prev(method, payload, signal);
    for (let attempt = 1; ; attempt++) {
      const backoff = Math.min(cap, base * 2 ** (attempt - 1));
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted || attempt >= maxAttempts) throw error;
        onRetry(method, 'network');
        await pause(backoff, signal);
        continue;
      }
      if (result.ok || attempt >= maxAttempts) return result;
      const retryAfter = result.parameters?.retry_after;
      if (typeof retryAfter === 'number') {
        if (retryAfter > maxRetryAfter) return result;
        onRetry(method, '429');
        await pause(retryAfter * 1000, signal);
        continue;
      }
      if (result.error_code < 500) return result;
      onRetry(method, '5xx');
      await pause(backoff, signal);
    }
  };
}
