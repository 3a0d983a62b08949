import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../src/db/schema/index.js';
import { createTestDatabase } from '../helpers/db.js';
import { type Harness, startHarness, textOf } from '../helpers/harness.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Exposition {
  samples: Sample[];
  help: Map<string, string>;
  type: Map<string, string>;
}

/**
 * A strict reader of the Prometheus text format: every line is `# HELP`, `# TYPE` or a sample
 * `name{label="value",…} number`; anything else fails the test.
 */
function parseExposition(text: string): Exposition {
  const out: Exposition = { samples: [], help: new Map(), type: new Map() };
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, string, string, string];
      (kind === 'HELP' ? out.help : out.type).set(name, rest);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`not a metric line: ${line}`);
    const [, name, labelText, valueText] = sample as unknown as [string, string, string | undefined, string];
    const value = valueText === '+Inf' ? Infinity : valueText === '-Inf' ? -Infinity : Number(valueText);
    // Prometheus reads NaN in any case (prom-client writes `Nan` for a gauge with no sample yet).
    if (Number.isNaN(value) && valueText.toLowerCase() !== 'nan') throw new Error(`not a number in: ${line}`);
    const labels: Record<string, string> = {};
    if (labelText) {
      const pair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;
      let consumed = 0;
      for (let m = pair.exec(labelText); m; m = pair.exec(labelText)) {
        labels[m[1] as string] = (m[2] as string).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
        consumed = pair.lastIndex;
      }
      if (consumed !== labelText.length) throw new Error(`bad labels in: ${line}`);
    }
    out.samples.push({ name, labels, value });
  }
  return out;
}

/** The metric family a sample belongs to (histogram and summary series carry suffixes). */
function familyOf(sample: string, types: Map<string, string>): string | undefined {
  if (types.has(sample)) return sample;
  const base = sample.replace(/_(bucket|sum|count|created)$/, '');
  return types.has(base) ? base : undefined;
}

const sum = (e: Exposition, name: string, where: Record<string, string> = {}): number =>
  e.samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

async function scrape(): Promise<{ response: Response; exposition: Exposition }> {
  const url = h.app?.httpUrl;
  if (!url) throw new Error('the app does not listen for HTTP');
  const response = await fetch(`${url}/metrics`);
  return { response, exposition: parseExposition(await response.text()) };
}

describe('/metrics (prom-client)', () => {
  it('after /start, /catalog and a button press exposes process, update, Bot API and sender metrics', async () => {
    await h.db.insert(products).values([
      { title: 'Логотип', description: 'Фирменный знак', price: 15000, deadlineDays: 3 },
      { title: 'Лендинг', description: 'Одностраничный сайт', price: 45000, deadlineDays: 5 },
    ]);
    let updatesSent = 0;
    for (let i = 0; i < 3; i++) {
      const user = h.user({ firstName: `Metric${i}` });
      user.send('/start');
      updatesSent++;
      expect(textOf(await user.reply())).toContain(`Metric${i}`);
    }
    const shopper = await h.startedUser({ firstName: 'Shopper' });
    updatesSent++;
    shopper.send('/catalog');
    updatesSent++;
    const list = await shopper.reply('Логотип');
    await shopper.press(list, /Лендинг/);
    updatesSent++;
    await shopper.waitFor((m) => m.message_id === list.message_id && textOf(m).includes('Цена'));

    // The update is counted when its middleware chain returns (after the session is saved).
    await expect
      .poll(async () => sum((await scrape()).exposition, 'phoenix_update_duration_seconds_count'))
      .toBeGreaterThanOrEqual(updatesSent);

    const { response, exposition: e } = await scrape();
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);

    // Every sample belongs to a family with # HELP and # TYPE.
    for (const s of e.samples) {
      const family = familyOf(s.name, e.type);
      expect(family, `# TYPE of ${s.name}`).toBeDefined();
      expect(e.help.has(family as string), `# HELP of ${s.name}`).toBe(true);
    }

    // Default process metrics.
    expect(e.type.get('process_cpu_seconds_total')).toBe('counter');
    expect(sum(e, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(e.type.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
    expect(e.samples.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
    expect(sum(e, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(e.type.get('nodejs_gc_duration_seconds')).toBe('histogram');

    // Updates by type and outcome, and their handling time.
    expect(e.type.get('phoenix_updates_total')).toBe('counter');
    expect(sum(e, 'phoenix_updates_total', { type: 'message', outcome: 'ok' })).toBeGreaterThanOrEqual(5);
    expect(sum(e, 'phoenix_updates_total', { type: 'callback_query', outcome: 'ok' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(sum(e, 'phoenix_updates_total', { outcome: 'error' })).toBe(0);
    expect(e.type.get('phoenix_update_errors_total')).toBe('counter');
    expect(sum(e, 'phoenix_update_errors_total')).toBe(0);
    expect(e.type.get('phoenix_update_duration_seconds')).toBe('histogram');
    const count = sum(e, 'phoenix_update_duration_seconds_count');
    expect(count).toBeGreaterThanOrEqual(updatesSent);
    expect(sum(e, 'phoenix_update_duration_seconds_bucket', { le: '+Inf' })).toBe(count);
    expect(sum(e, 'phoenix_update_duration_seconds_sum')).toBeGreaterThan(0);
    const les = e.samples
      .filter((s) => s.name === 'phoenix_update_duration_seconds_bucket' && s.labels.type === 'message')
      .map((s) => s.labels.le);
    expect(les[0]).toBe('0.001');
    expect(les).toContain('10');

    // Bot API calls by method and result (each try).
    expect(e.type.get('phoenix_bot_api_calls_total')).toBe('counter');
    expect(sum(e, 'phoenix_bot_api_calls_total', { method: 'sendMessage', result: 'ok' })).toBeGreaterThan(0);
    expect(sum(e, 'phoenix_bot_api_calls_total', { method: 'getMe', result: 'ok' })).toBeGreaterThan(0);
    expect(sum(e, 'phoenix_bot_api_calls_total', { method: 'answerCallbackQuery' })).toBeGreaterThan(0);
    expect(e.type.get('phoenix_bot_api_retries_total')).toBe('counter');

    // The broadcast sender (idle here: zeros, but present).
    expect(e.type.get('phoenix_broadcast_messages_total')).toBe('counter');
    for (const result of ['sent', 'failed', 'blocked', 'unconfirmed']) {
      expect(
        e.samples.some((s) => s.name === 'phoenix_broadcast_messages_total' && s.labels.result === result),
      ).toBe(true);
    }
    expect(e.type.get('phoenix_broadcast_send_rate')).toBe('gauge');
    expect(sum(e, 'phoenix_broadcast_send_rate')).toBe(0);
    expect(e.type.get('phoenix_broadcast_queue_depth')).toBe('gauge');
    expect(sum(e, 'phoenix_broadcast_queue_depth')).toBe(0);

    // The PostgreSQL pool (PGlite has none).
    if (h.database.kind === 'postgres') {
      expect(sum(e, 'phoenix_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
      expect(
        e.samples.some((s) => s.name === 'phoenix_db_pool_connections' && s.labels.state === 'waiting'),
      ).toBe(true);
    } else {
      expect(e.type.has('phoenix_db_pool_connections')).toBe(false);
    }

    // The facade's totals agree with the exposition.
    expect(h.deps.metrics.value('phoenix_updates_total')).toBe(sum(e, 'phoenix_updates_total'));
  });
});

describe('phoenix_db_statements_total', () => {
  it('counts a statement once and a transaction with its BEGIN and COMMIT', async () => {
    // A database of its own: no bot and no jobs run statements on it meanwhile.
    const database = await createTestDatabase();
    try {
      const start = database.statements();
      await database.db.execute(sql`select 1`);
      expect(database.statements() - start).toBe(1);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await tx.execute(sql`select 2`);
      });
      expect(database.statements() - start).toBe(1 + 4);
      await database.db
        .transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      expect(database.statements() - start).toBe(1 + 4 + 3);
    } finally {
      await database.close();
    }
  });

  it('grows by the statements an update runs, as the handle counts them', async () => {
    const user = await h.startedUser({ firstName: 'Counted' });
    const before = sum((await scrape()).exposition, 'phoenix_db_statements_total');
    const handled = h.deps.metrics.value('phoenix_updates_total');
    user.send('/help');
    await user.reply();
    await expect.poll(() => h.deps.metrics.value('phoenix_updates_total')).toBeGreaterThan(handled);
    const { exposition } = await scrape();
    expect(exposition.type.get('phoenix_db_statements_total')).toBe('counter');
    const after = sum(exposition, 'phoenix_db_statements_total');
    // At least the one that reads who is writing; the jobs may add theirs, never take any away.
    expect(after - before).toBeGreaterThanOrEqual(1);
    expect(after).toBeLessThanOrEqual(h.database.statements());
  });
});
