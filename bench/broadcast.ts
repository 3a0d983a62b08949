/**
 * `npm run bench:broadcast [-- --recipients N] [-- --scenarios 30,paid,alone]`: the real broadcast sender
 * against the Bot API emulator running in a child process (bench/emulator-process.ts: it must not share the
 * sender's event loop), over HTTP keep-alive, on a fresh database (a new PostgreSQL database when
 * DATABASE_URL is set, else PGlite in memory). Three scenarios: 30/s and 1000/s (paid) with the emulator
 * enforcing the same limits, and the sender alone against an emulator without limits. Prints achieved
 * rates and their share of the limit.
 */
import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { Api } from 'grammy';
import pg from 'pg';
import { connectPostgres, type DatabaseHandle, openPglite } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { BroadcastSender } from '../src/jobs/sender.js';
import { createLogger } from '../src/logger.js';
import { BroadcastService } from '../src/services/broadcasts/index.js';
import { UserService } from '../src/services/users.js';
import { createBotApiFetch } from '../src/telegram/fetch.js';
import { Translator } from '../src/text/i18n.js';
import { EmulatorProcess } from './emulator-rpc.js';

const TOKEN = '5000000002:AABench-token-000000000000000000';
const argIndex = process.argv.indexOf('--recipients');
const recipients = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 10_000;
if (!Number.isInteger(recipients) || recipients < 1)
  throw new Error('--recipients must be a positive integer');
const scenarioIndex = process.argv.indexOf('--scenarios');
const only = scenarioIndex > 0 ? (process.argv[scenarioIndex + 1] ?? '').split(',') : ['30', 'paid', 'alone'];

async function freshDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openPglite('memory://');
    await runMigrations(handle);
    return { handle, drop: () => handle.close() };
  }
  const name = `phx_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await connectPostgres(u.toString(), { max: 8 });
  await runMigrations(handle);
  return {
    handle,
    drop: async () => {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

interface Scenario {
  key: string;
  name: string;
  limit: number | null;
  paid: boolean;
}

const scenarios: Scenario[] = [
  { key: '30', name: '30/s, server limit 30/s', limit: 30, paid: false },
  { key: 'paid', name: '1000/s paid, server limit 1000/s', limit: 1000, paid: true },
  { key: 'alone', name: 'sender alone, no server limit', limit: null, paid: false },
];

const logger = createLogger('warn', TOKEN);
const translator = new Translator('ru');
const { handle, drop } = await freshDatabase();
const db = handle.db;
const broadcasts = new BroadcastService(db, { defaultLocale: 'ru', ownerIds: [] });
const users = new UserService(db);

const emu = await EmulatorProcess.start(TOKEN);
const apiRoot = emu.apiRoot;
const firstId = 7_100_000_000;
await emu.call('users', { firstId, count: recipients });
await db.execute(sql`
  insert into users (telegram_id, first_name, language_code)
  select ${firstId}::bigint + g, 'U' || g, case when g % 3 = 0 then 'en' else 'ru' end
  from generate_series(0, ${recipients - 1}) g`);

const rows: string[][] = [];
for (const scenario of scenarios.filter((s) => only.includes(s.key))) {
  await emu.call('limits', {
    globalRatePerSecond: scenario.paid ? null : scenario.limit,
    paidRatePerSecond: scenario.paid ? scenario.limit : null,
  });
  const draft = await broadcasts.createDraft(1, { text: '<b>Benchmark</b> for {name}' });
  const confirmed = await broadcasts.confirm(draft.id, new Date(), null);
  if (!confirmed.ok || !confirmed.run) throw new Error('could not start the run');
  const before = await emu.stats();
  const sender = new BroadcastSender(
    { services: { broadcasts, users }, translator, logger },
    new Api(TOKEN, { apiRoot, fetch: createBotApiFetch() }),
    {
      ratePerSecond: scenario.limit ?? Number.POSITIVE_INFINITY,
      paid: scenario.paid,
      botUsername: 'phoenix_test_bot',
    },
  );
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  sender.start();
  await sender.drained(20);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await sender.stop();
  const after = await emu.stats();
  const delivered = after.messagesDelivered - before.messagesDelivered;
  const progress = await broadcasts.progress(confirmed.run.id);
  // The rate over the sending itself (the lease is taken in the first milliseconds).
  const rate = delivered / seconds;
  rows.push([
    scenario.name,
    String(delivered),
    String(progress?.sent ?? 0),
    String(after.tooManyRequests - before.tooManyRequests),
    seconds.toFixed(2),
    rate.toFixed(1),
    scenario.limit ? `${((rate / scenario.limit) * 100).toFixed(1)} %` : '—',
    // CPU per message of each side: what the rate would be with a core to itself.
    `${(((cpu.user + cpu.system) / 1000 / Math.max(1, delivered)) * 1000).toFixed(0)} µs`,
    `${(((after.cpuMs - before.cpuMs) / Math.max(1, delivered)) * 1000).toFixed(0)} µs`,
  ]);
}

const header = [
  'scenario',
  'delivered',
  'sent (db)',
  '429s',
  'seconds',
  'msg/s',
  'share of limit',
  'sender CPU/msg',
  'emulator CPU/msg',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
console.log(
  `\nBroadcast sender benchmark: ${recipients} recipients, database ${handle.kind}, ` +
    `${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));

await emu.call('stop');
await drop();
