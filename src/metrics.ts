import type { Transformer } from 'grammy';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The update kinds counted by name; anything else is `other`. */
export const UPDATE_TYPES = [
  'message',
  'callback_query',
  'my_chat_member',
  'chat_member',
  'edited_message',
  'pre_checkout_query',
  'inline_query',
] as const;
export type UpdateType = (typeof UPDATE_TYPES)[number] | 'other';
export type UpdateOutcome = 'ok' | 'error';
/** How a Bot API request ended: Telegram's answer class, or no answer at all (`network`). */
export type ApiCallResult = 'ok' | '429' | '4xx' | '5xx' | 'network';

/** What the broadcast sender shows at scrape time (src/jobs/sender.ts; jobs/ stays free of this module). */
export interface SenderFigures {
  counters: { sent: number; failed: number; blocked: number; unconfirmed: number };
  /** Requests per second over the last few seconds. */
  sendRate(): number;
  /** Delivery rows not finished yet (one count query). */
  queueDepth(): Promise<number>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

const BROADCAST_RESULTS = ['sent', 'failed', 'blocked', 'unconfirmed'] as const;

/** 1 ms … 10 s: a cached screen answers in milliseconds, a slow database or Bot API in seconds. */
export const UPDATE_DURATION_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/**
 * The application's metrics, exposed at /metrics in the Prometheus text format (prom-client). Each
 * instance has its own registry — never prom-client's global one — so several bots in one process
 * (tests) do not share or clash. Counters the tests read are also kept as plain totals ({@link value}).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly totals = new Map<string, number>();
  private readonly children = new WeakMap<object, Map<string, unknown>>();
  private readonly updates: Counter<'type' | 'outcome'>;
  private readonly updateErrors: Counter;
  private readonly updateDuration: Histogram<'type'>;
  private readonly apiCalls: Counter<'method' | 'result'>;
  private readonly apiRetries: Counter<'method'>;
  private sender: SenderFigures | undefined;
  private poolStats: (() => PoolStats) | undefined;
  private statements: (() => number) | undefined;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    this.updates = new Counter({
      name: 'phoenix_updates_total',
      help: 'Updates handled, by update type and outcome (error: the handler threw).',
      labelNames: ['type', 'outcome'],
      registers,
    });
    this.updateErrors = new Counter({
      name: 'phoenix_update_errors_total',
      help: 'Updates whose handler threw (caught by the error boundary).',
      registers,
    });
    this.updateDuration = new Histogram({
      name: 'phoenix_update_duration_seconds',
      help: 'Time to handle one update, from the deps middleware to the end of the chain.',
      labelNames: ['type'],
      buckets: UPDATE_DURATION_BUCKETS,
      registers,
    });
    this.apiCalls = new Counter({
      name: 'phoenix_bot_api_calls_total',
      help: 'Bot API requests (each try), by method and result: ok, 429, 4xx, 5xx, network.',
      labelNames: ['method', 'result'],
      registers,
    });
    this.apiRetries = new Counter({
      name: 'phoenix_bot_api_retries_total',
      help: 'Bot API requests tried again after a 429, a 5xx or a network error.',
      labelNames: ['method'],
      registers,
    });

    const sender = () => this.sender;
    new Counter({
      name: 'phoenix_broadcast_messages_total',
      help: 'Broadcast deliveries finished by the sender of this process, by result.',
      labelNames: ['result'],
      registers,
      collect() {
        const counters = sender()?.counters;
        this.reset();
        for (const result of BROADCAST_RESULTS) this.inc({ result }, counters?.[result] ?? 0);
      },
    });
    new Gauge({
      name: 'phoenix_broadcast_send_rate',
      help: 'Broadcast requests per second sent by this process over the last few seconds.',
      registers,
      collect() {
        this.set(sender()?.sendRate() ?? 0);
      },
    });
    new Gauge({
      name: 'phoenix_broadcast_queue_depth',
      help: 'Broadcast deliveries of running runs not finished yet (pending, claimed or sending).',
      registers,
      async collect() {
        const figures = sender();
        if (!figures) return this.set(0);
        try {
          this.set(await figures.queueDepth());
        } catch {
          // The database is unavailable: the last value stays; /healthz reports the outage.
        }
      },
    });
  }

  /** The Content-Type of {@link render}'s text. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** One update went through the chain (measured by the deps middleware in src/bot/index.ts). */
  updateHandled(type: UpdateType, outcome: UpdateOutcome, seconds: number): void {
    this.child(this.updates, `${type}\u0000${outcome}`, () => this.updates.labels({ type, outcome })).inc();
    this.child(this.updateDuration, type, () => this.updateDuration.labels({ type })).observe(seconds);
    this.add('phoenix_updates_total');
  }

  /** The error boundary caught a handler's error. */
  updateFailed(): void {
    this.updateErrors.inc();
    this.add('phoenix_update_errors_total');
  }

  apiCall(method: string, result: ApiCallResult): void {
    this.child(this.apiCalls, `${method}\u0000${result}`, () =>
      this.apiCalls.labels({ method, result }),
    ).inc();
    this.add('phoenix_bot_api_calls_total');
  }

  apiRetry(method: string): void {
    this.apiRetries.inc({ method });
    this.add('phoenix_bot_api_retries_total');
  }

  /**
   * A grammY API transformer that counts every request by method and result. Installed first (innermost),
   * below the retry transformer, so that each try is counted.
   */
  apiCallCounter(): Transformer {
    return async (prev, method, payload, signal) => {
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        this.apiCall(method, 'network');
        throw error;
      }
      this.apiCall(method, apiResult(result));
      return result;
    };
  }

  /** The broadcast sender's figures, read at each scrape (src/app.ts wires the sender of startJobs). */
  watchSender(figures: SenderFigures): void {
    this.sender = figures;
  }

  /** PostgreSQL's connection pool, read at each scrape; not called for PGlite (no pool). */
  watchPool(stats: () => PoolStats): void {
    const first = !this.poolStats;
    this.poolStats = stats;
    if (!first) return;
    const read = () => this.poolStats?.();
    new Gauge({
      name: 'phoenix_db_pool_connections',
      help: 'Connections of the PostgreSQL pool: total, idle, and requests waiting for one.',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const s = read();
        if (!s) return;
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }

  /**
   * The database's statement total (`DatabaseHandle.statements`), read at each scrape: every statement
   * sent, so `rate(phoenix_db_statements_total) / rate(phoenix_updates_total)` is the round trips per update.
   */
  watchStatements(read: () => number): void {
    const first = !this.statements;
    this.statements = read;
    if (!first) return;
    const current = () => this.statements?.() ?? 0;
    new Counter({
      name: 'phoenix_db_statements_total',
      help: 'Statements sent to the database by this process (queries, and BEGIN/COMMIT of transactions).',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(current());
      },
    });
  }

  /** A counter's total over all its labels (for the counters this class increments). */
  value(name: string): number {
    return this.totals.get(name) ?? 0;
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /**
   * A metric's child for one set of label values, made once: prom-client hashes the labels object on
   * every `inc({…})`, and these are counted on every update and every Bot API call.
   */
  private child<T>(metric: object, key: string, make: () => T): T {
    let children = this.children.get(metric) as Map<string, T> | undefined;
    if (!children) {
      children = new Map();
      this.children.set(metric, children);
    }
    let found = children.get(key);
    if (found === undefined) {
      found = make();
      children.set(key, found);
    }
    return found;
  }

  private add(name: string, by = 1): void {
    this.totals.set(name, (this.totals.get(name) ?? 0) + by);
  }
}

function apiResult(result: { ok: boolean; error_code?: number }): ApiCallResult {
  if (result.ok) return 'ok';
  const code = result.error_code ?? 0;
  if (code === 429) return '429';
  return code >= 500 ? '5xx' : '4xx';
}
