import type { Logger } from '../logger.js';

export interface PeriodicOptions {
  /** One round of the job; the next one starts `everyMs` after this one settles. */
  tick: () => Promise<unknown>;
  everyMs: number;
  /** Delay of the first round. */
  firstAfterMs: number;
  logger: Logger;
  /** Logged (with the error) when a round throws; the loop goes on. */
  failure: string;
}

export interface PeriodicJob {
  /** Stops the loop: no round starts any more, and a round in flight is awaited. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` periodically. The next round is timed from the end of the previous one, so rounds never
 * overlap however long one takes; an error is logged and does not end the loop.
 */
export function startPeriodic(options: PeriodicOptions): PeriodicJob {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const round = () => {
    running = options
      .tick()
      .catch((error: unknown) => options.logger.error({ err: error }, options.failure))
      .finally(() => {
        if (!stopped) timer = setTimeout(round, options.everyMs);
      });
  };
  timer = setTimeout(round, options.firstAfterMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
