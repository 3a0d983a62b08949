import { HttpError, type Transformer } from 'grammy';
import { describe, expect, it } from 'vitest';
import { boundedRetry } from '../src/bot/api-retry.js';
import { RateMeter } from '../src/jobs/rate-meter.js';
import { Metrics } from '../src/metrics.js';

type Call = Parameters<Transformer>[0];
type ApiResult = Awaited<ReturnType<Call>>;

/** The innermost "request": answers from a script, one entry per try. */
function scripted(answers: (ApiResult | Error)[]): Call {
  return (async () => {
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  }) as Call;
}

/** Installs transformers the way grammY does: the first one innermost. */
function install(call: Call, ...transformers: Transformer[]): Call {
  return transformers.reduce<Call>(
    (prev, t) => ((method, payload, signal) => t(prev, method, payload, signal)) as Call,
    call,
  );
}

const line = (text: string, sample: string): number | undefined => {
  const found = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return found === undefined ? undefined : Number(found.slice(sample.length + 1));
};

describe('Metrics', () => {
  it('counts every try of a Bot API call by result, and the retries', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    const call = install(
      scripted([
        { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 0 } },
        { ok: false, error_code: 502, description: 'Bad Gateway' },
        new HttpError('network down', new Error('ECONNRESET')),
        { ok: true, result: true },
        { ok: false, error_code: 400, description: 'Bad Request' },
      ]),
      metrics.apiCallCounter(),
      boundedRetry({ baseBackoffMs: 1, onRetry: (method) => metrics.apiRetry(method) }),
    );
    expect((await call('sendMessage', { chat_id: 1, text: 'x' } as never)).ok).toBe(true);
    expect((await call('editMessageText', {} as never)).ok).toBe(false);

    const text = await metrics.render();
    const calls = (m: string, r: string) =>
      line(text, `phoenix_bot_api_calls_total{method="${m}",result="${r}"}`);
    expect(calls('sendMessage', '429')).toBe(1);
    expect(calls('sendMessage', '5xx')).toBe(1);
    expect(calls('sendMessage', 'network')).toBe(1);
    expect(calls('sendMessage', 'ok')).toBe(1);
    expect(calls('editMessageText', '4xx')).toBe(1);
    expect(line(text, 'phoenix_bot_api_retries_total{method="sendMessage"}')).toBe(3);
    expect(metrics.value('phoenix_bot_api_calls_total')).toBe(5);
    expect(metrics.value('phoenix_bot_api_retries_total')).toBe(3);
  });

  it('reads the sender and the pool at scrape time; two instances do not share a registry', async () => {
    const a = new Metrics({ defaultMetrics: false });
    const b = new Metrics({ defaultMetrics: false });
    const counters = { sent: 5, failed: 1, blocked: 2, unconfirmed: 0 };
    let depth = 7;
    a.watchSender({ counters, sendRate: () => 29.5, queueDepth: async () => depth });
    a.watchPool(() => ({ total: 4, idle: 3, waiting: 0 }));
    a.updateHandled('message', 'ok', 0.004);
    a.updateFailed();

    let text = await a.render();
    expect(line(text, 'phoenix_broadcast_messages_total{result="sent"}')).toBe(5);
    expect(line(text, 'phoenix_broadcast_messages_total{result="unconfirmed"}')).toBe(0);
    expect(line(text, 'phoenix_broadcast_send_rate')).toBe(29.5);
    expect(line(text, 'phoenix_broadcast_queue_depth')).toBe(7);
    expect(line(text, 'phoenix_db_pool_connections{state="idle"}')).toBe(3);
    expect(line(text, 'phoenix_update_duration_seconds_bucket{le="0.005",type="message"}')).toBe(1);
    expect(line(text, 'phoenix_update_duration_seconds_bucket{le="0.0025",type="message"}')).toBe(0);
    expect(a.value('phoenix_update_errors_total')).toBe(1);

    counters.sent = 9;
    depth = 0;
    text = await a.render();
    expect(line(text, 'phoenix_broadcast_messages_total{result="sent"}')).toBe(9);
    expect(line(text, 'phoenix_broadcast_queue_depth')).toBe(0);

    const other = await b.render();
    expect(line(other, 'phoenix_broadcast_messages_total{result="sent"}')).toBe(0);
    expect(other).not.toContain('phoenix_db_pool_connections');
    expect(b.value('phoenix_update_errors_total')).toBe(0);
  });
});

describe('RateMeter', () => {
  it('averages the last whole seconds, leaving out the current one', () => {
    let now = 10_000;
    const meter = new RateMeter(5, () => now);
    for (let i = 0; i < 30; i++) meter.mark();
    expect(meter.perSecond()).toBe(0);
    now += 1000;
    meter.mark(10);
    expect(meter.perSecond()).toBe(6);
    now += 1000;
    expect(meter.perSecond()).toBe(8);
    now += 10_000;
    expect(meter.perSecond()).toBe(0);
  });
});
