/**
 * `npm run bench:pipeline [-- --users 500 --rounds 3 --seconds 4 --json]`: the real bot's whole update
 * pipeline against the floor of its framework, measured from outside, side by side in one run.
 *
 * - The Bot API emulator runs in its own process (bench/emulator-process.ts) with `--users` users who
 *   have started the bot; the traffic is generated there too (bench/traffic.ts): updates queued for
 *   getUpdates, completion seen when the bot's replies arrive.
 * - Two bots, each its own process, take turns on the same token, users and traffic: the real bot
 *   (`node dist/main.js`, built once; PostgreSQL in a fresh database `bench_<time>` when DATABASE_URL is
 *   set, dropped at the end, else PGlite in a temporary DATA_DIR) and the echo floor (bench/echo-bot.ts,
 *   a plain grammY runner bot).
 * - Each round spawns the bot, times spawn → its first getUpdates, reads its idle RSS, warms up (every user
 *   sends /start, then /catalog), then measures the maximum rate (closed loop: every user keeps one update
 *   in flight) with the bot's CPU time per update and peak RSS, and reply latency at a fixed rate, half
 *   of the real bot's maximum of the first round (open loop), for both bots alike.
 * - SQL statements per update type, for returning users, from the real bot's `phoenix_db_statements_total`
 *   (its /metrics), the background (jobs, the scrape's own queries) subtracted.
 *
 * Figures, not pass/fail: the table (or `--json`) is what the README's Performance section shows.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import pg from 'pg';
import { connectPostgres, type DatabaseHandle, openPglite } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { products } from '../src/db/schema/index.js';
import { freePort } from '../test/helpers/ports.js';
import { EmulatorProcess } from './emulator-rpc.js';
import { type BotKind, type LatencySummary, MIX, UPDATE_KINDS, type UpdateKind } from './traffic.js';

const TOKEN = '5000000003:AABench-pipeline-token-0000000000';
const FIRST_USER_ID = 7_200_000_000;
/** Returning users per update type for the statement counts (at most `--users`). */
const STATEMENT_USERS = 100;
/** Users whose replies are counted to learn how many replies complete an update of each type. */
const CALIBRATION_USERS = 20;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const userCount = Math.floor(option('users', 500));
const rounds = Math.floor(option('rounds', 3));
const loadSeconds = option('seconds', 4);
/** Updates in flight at once in the closed loop (one per user): one getUpdates batch by default. */
const concurrency = Math.min(userCount, Math.floor(option('concurrency', 100)));
const statementSample = Math.min(userCount, STATEMENT_USERS);
/** Returning users per update type whose updates are sent one at a time. */
const aloneSample = Math.min(userCount, 30);
const asJson = process.argv.includes('--json');
const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();
const root = process.cwd();

// ---------------------------------------------------------------------------------------------------
// The process under test: /proc figures, spawn and stop
// ---------------------------------------------------------------------------------------------------

/** CPU time (user + system) of a process, ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of a process, MB, from /proc/<pid>/status. */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Samples a process's RSS every 100 ms; `stop()` returns the highest. */
function rssPeak(pid: number): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // The process is gone.
    }
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

interface Bot {
  child: ChildProcess;
  pid: number;
  metricsUrl: string | undefined;
}

async function stopBot(bot: Bot): Promise<void> {
  if (bot.child.exitCode !== null) return;
  const exited = new Promise((resolve) => bot.child.once('exit', resolve));
  bot.child.kill('SIGTERM');
  const killer = setTimeout(() => bot.child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(killer);
}

// ---------------------------------------------------------------------------------------------------
// Set-up: the build, the echo bot, the database, the emulator
// ---------------------------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'phoenix-bench-'));

log('building dist/ (npm run build) and the echo bot…');
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) throw new Error('npm run build failed');
// One self-contained file, so the floor runs compiled JavaScript like the real bot (no TypeScript loader).
const echoBotFile = join(work, 'echo-bot.mjs');
await build({
  entryPoints: ['bench/echo-bot.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: echoBotFile,
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

/** The real bot's database, migrated and with a small catalog, closed again before the bot opens it. */
async function prepareDatabase(): Promise<{
  env: Record<string, string>;
  kind: string;
  /** The statements run in the bench database so far, when pg_stat_statements is loaded. */
  pgStatStatements?: () => Promise<number>;
  drop: () => Promise<void>;
}> {
  const seed = async (handle: DatabaseHandle) => {
    await runMigrations(handle);
    await handle.db.insert(products).values([
      { title: 'Логотип', description: 'Фирменный знак и его варианты', price: 15000, deadlineDays: 3 },
      { title: 'Лендинг', description: 'Одностраничный сайт под ключ', price: 45000, deadlineDays: 5 },
      { title: 'Баннер', description: 'Набор баннеров для соцсетей', price: 5000, deadlineDays: 1 },
      {
        title: 'Аудит',
        description: 'Проверка сайта: скорость, SEO, доступность',
        price: 7000,
        deadlineDays: 7,
      },
      {
        title: 'Интернет-магазин',
        description: 'Каталог, корзина и оплата',
        price: 150000,
        deadlineDays: 30,
      },
      // Enough services for three pages of the overview list, so the ▶ button is there to press.
      ...Array.from({ length: 15 }, (_, i) => ({
        title: `Пакет поддержки №${i + 1}`,
        description: 'Обновления, резервные копии и мелкие правки',
        price: 3000 + i * 500,
        deadlineDays: 30,
      })),
    ]);
    await handle.close();
  };
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = join(work, 'data');
    await seed(await openPglite(dataDir));
    return {
      env: { DATA_DIR: dataDir },
      kind: 'PGlite (embedded, temporary DATA_DIR)',
      drop: async () => {},
    };
  }
  const name = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  await seed(await connectPostgres(u.toString()));
  const statistics = await statementStatistics(u.toString());
  const server = (await admin.query<{ server_version: string }>('show server_version')).rows[0]
    ?.server_version;
  return {
    env: { DATABASE_URL: u.toString() },
    kind: `PostgreSQL ${server ?? ''} (fresh database ${name})`.trim(),
    ...(statistics ? { pgStatStatements: statistics.read } : {}),
    drop: async () => {
      await statistics?.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * pg_stat_statements, when the server loads it (`shared_preload_libraries`): the extension is created in
 * the bench database and read on a connection of its own there (each reading counts itself once, which
 * the caller subtracts with the other per-reading statements). Undefined when it is not there.
 */
async function statementStatistics(
  url: string,
): Promise<{ read: () => Promise<number>; close: () => Promise<void> } | undefined> {
  const bench = new pg.Client({ connectionString: url });
  await bench.connect();
  try {
    await bench.query('create extension if not exists pg_stat_statements');
    await bench.query('select 1 from pg_stat_statements limit 1');
  } catch {
    await bench.end();
    return undefined;
  }
  return {
    read: async () => {
      const { rows } = await bench.query<{ calls: string }>(
        `select coalesce(sum(calls), 0)::text as calls from pg_stat_statements
         where dbid = (select oid from pg_database where datname = current_database())`,
      );
      return Number(rows[0]?.calls ?? 0);
    },
    close: () => bench.end(),
  };
}

const database = await prepareDatabase();
const emu = await EmulatorProcess.start(TOKEN);
await emu.call('users', { firstId: FIRST_USER_ID, count: userCount });

async function spawnBot(kind: BotKind): Promise<Bot> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BOT_TOKEN: TOKEN };
  let child: ChildProcess;
  let metricsUrl: string | undefined;
  if (kind === 'echo') {
    child = spawn(process.execPath, [echoBotFile], {
      env: { ...base, TELEGRAM_API_ROOT: emu.apiRoot },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } else {
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    // BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the real bot.
    const nodeArgs = (process.env.BENCH_BOT_NODE_ARGS ?? '').split(' ').filter(Boolean);
    child = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], {
      cwd: root,
      env: {
        ...base,
        ...database.env,
        TELEGRAM_API_ROOT: emu.apiRoot,
        // As the Dockerfile and the systemd unit run it.
        MALLOC_ARENA_MAX: '2',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        // Each simulated user sends a few updates a second at max load: far over a person's flood
        // limit, which would measure cool-downs instead of the pipeline.
        FLOOD_LIMIT: '10000',
      },
      // The bot's log lines go to stderr, so that stdout stays the table (or the JSON).
      stdio: ['ignore', process.stderr, 'inherit'],
    });
  }
  if (child.pid === undefined) throw new Error(`could not start the ${kind} bot`);
  return { child, pid: child.pid, metricsUrl };
}

// ---------------------------------------------------------------------------------------------------
// Statements per update type (the real bot's /metrics)
// ---------------------------------------------------------------------------------------------------

async function scrape(url: string): Promise<{ statements: number; updates: number }> {
  const text = await (await fetch(url)).text();
  let statements = Number.NaN;
  let updates = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('phoenix_db_statements_total ')) statements = Number(line.split(' ')[1]);
    else if (line.startsWith('phoenix_updates_total{'))
      updates += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  if (Number.isNaN(statements)) throw new Error('the bot exposes no phoenix_db_statements_total');
  return { statements, updates };
}

/** A reading of every source at one moment: the bot's counter and, when loaded, pg_stat_statements. */
interface Reading {
  counter: number;
  pgss: number;
  updates: number;
}

type Sources = 'counter' | 'pgss';
type StatementFigures = Record<Sources, Record<UpdateKind, number> & { backgroundPerSecond: number }>;

async function read(url: string): Promise<Reading> {
  const { statements, updates } = await scrape(url);
  return {
    counter: statements,
    pgss: database.pgStatStatements ? await database.pgStatStatements() : 0,
    updates,
  };
}

/**
 * Statements per update of each type, from K returning users at once (`oneByOne`: each update sent when
 * the last was answered, so none shares a statement): the delta of each source, less what a scrape
 * itself runs (the broadcast queue depth) and the jobs' background rate (measured idle).
 */
async function statementsPerUpdate(url: string, count: number, oneByOne: boolean): Promise<StatementFigures> {
  const a = await read(url);
  const b = await read(url);
  const idleStart = performance.now();
  await sleep(2000);
  const c = await read(url);
  const idleSeconds = (performance.now() - idleStart) / 1000;
  const sources: Sources[] = ['counter', 'pgss'];
  const perRead = { counter: b.counter - a.counter, pgss: b.pgss - a.pgss };
  const background = {
    counter: Math.max(0, (c.counter - b.counter - perRead.counter) / idleSeconds),
    pgss: Math.max(0, (c.pgss - b.pgss - perRead.pgss) / idleSeconds),
  };
  const result = {
    counter: { backgroundPerSecond: background.counter },
    pgss: { backgroundPerSecond: background.pgss },
  } as StatementFigures;
  for (const kind of UPDATE_KINDS) {
    const before = await read(url);
    const started = performance.now();
    await emu.call('batch', { kind, count, oneByOne });
    // An update is counted when its chain returns (after the session write that follows the reply).
    let after = await read(url);
    let reads = 1;
    while (after.updates - before.updates < count && reads < 200) {
      await sleep(20);
      after = await read(url);
      reads++;
    }
    const seconds = (performance.now() - started) / 1000;
    for (const source of sources) {
      const own = after[source] - before[source] - reads * perRead[source] - background[source] * seconds;
      result[source][kind] = own / count;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Rounds
// ---------------------------------------------------------------------------------------------------

interface RoundFigures {
  readyMs: number;
  rssIdleMb: number;
  rssPeakMb: number;
  maxRate: number;
  cpuMsPerUpdate: number;
  latency: LatencySummary & { rate: number; overflow: number; timeouts: number };
  timeouts: number;
}

const figures: Record<BotKind, RoundFigures[]> = { phoenix: [], echo: [] };
const replies: Partial<Record<BotKind, Record<UpdateKind, number>>> = {};
let statementFigures: StatementFigures | undefined;
let aloneFigures: StatementFigures | undefined;
let latencyRate: number | undefined;

async function round(kind: BotKind, index: number): Promise<void> {
  await emu.call('bot', { kind });
  await emu.call('armReady');
  const spawned = now();
  const bot = await spawnBot(kind);
  let peak: { stop: () => number } | undefined;
  try {
    const exited = new Promise<never>((_, reject) =>
      bot.child.once('exit', (code) =>
        reject(new Error(`the ${kind} bot exited (${code}) before it polled`)),
      ),
    );
    exited.catch(() => undefined);
    const ready = (await Promise.race([emu.call<number>('ready'), exited])) - spawned;
    await sleep(1000);
    const rssIdle = rssMb(bot.pid);
    peak = rssPeak(bot.pid);
    if (!replies[kind]) {
      // Before the first round: every user starts (a returning user from then on) and opens the
      // catalog (the card whose ▶ the traffic presses; the cards stay in the emulator for later rounds).
      await emu.call('batch', { kind: 'start', count: userCount, settle: true });
      await emu.call('batch', { kind: 'catalog', count: userCount, settle: true });
      replies[kind] = await emu.call('calibrate', { count: CALIBRATION_USERS });
    } else {
      // A fresh process: the same few updates of each type warm it up.
      await emu.call('calibrate', { count: CALIBRATION_USERS });
    }
    // Counted once: they do not depend on timing (the other rounds would only repeat them).
    if (kind === 'phoenix' && bot.metricsUrl && index === 0) {
      statementFigures = await statementsPerUpdate(bot.metricsUrl, statementSample, false);
      aloneFigures = await statementsPerUpdate(bot.metricsUrl, aloneSample, true);
    }

    const cpuBefore = cpuMs(bot.pid);
    const closed = await emu.call<{ rate: number; completed: number; timeouts: number }>('closedLoop', {
      seconds: loadSeconds,
      concurrency,
      seed: index + 1,
    });
    const cpu = cpuMs(bot.pid) - cpuBefore;
    latencyRate ??= Math.max(1, Math.round(closed.rate / 2));
    const open = await emu.call<LatencySummary & { overflow: number; timeouts: number }>('openLoop', {
      // At least ~300 replies for the percentiles where the rate is low, within 2× the phase.
      seconds: Math.min(2 * loadSeconds, Math.max(loadSeconds, 300 / latencyRate)),
      rate: latencyRate,
      seed: 1000 + index,
    });
    figures[kind].push({
      readyMs: ready,
      rssIdleMb: rssIdle,
      rssPeakMb: peak.stop(),
      maxRate: closed.rate,
      cpuMsPerUpdate: cpu / Math.max(1, closed.completed),
      latency: { ...open, rate: latencyRate },
      timeouts: closed.timeouts,
    });
    const f = figures[kind].at(-1) as RoundFigures;
    log(
      `round ${index + 1} ${kind}: ${f.maxRate.toFixed(0)} updates/s, p99 ${f.latency.p99.toFixed(1)} ms at ` +
        `${latencyRate}/s, ready ${f.readyMs.toFixed(0)} ms, RSS ${f.rssIdleMb.toFixed(0)}/${f.rssPeakMb.toFixed(0)} MB`,
    );
  } finally {
    peak?.stop();
    await stopBot(bot);
  }
}

const startedAt = performance.now();
const loadAtStart = loadavg().map((l) => Number(l.toFixed(2)));
try {
  for (let i = 0; i < rounds; i++) {
    // The real bot first: its maximum sets the open-loop rate both bots are measured at.
    await round('phoenix', i);
    await round('echo', i);
  }
} finally {
  await emu.call('stop').catch(() => undefined);
  await database.drop();
  rmSync(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------

const median = (values: number[]): number => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const summary = (kind: BotKind) => {
  const runs = figures[kind];
  const pick = (f: (r: RoundFigures) => number) => median(runs.map(f));
  return {
    maxRate: pick((r) => r.maxRate),
    maxRateRange: [Math.min(...runs.map((r) => r.maxRate)), Math.max(...runs.map((r) => r.maxRate))],
    p50: pick((r) => r.latency.p50),
    p95: pick((r) => r.latency.p95),
    p99: pick((r) => r.latency.p99),
    readyMs: pick((r) => r.readyMs),
    rssIdleMb: pick((r) => r.rssIdleMb),
    rssPeakMb: Math.max(...runs.map((r) => r.rssPeakMb)),
    cpuMsPerUpdate: pick((r) => r.cpuMsPerUpdate),
    overflow: runs.reduce((n, r) => n + r.latency.overflow, 0),
    timeouts: runs.reduce((n, r) => n + r.timeouts + r.latency.timeouts, 0),
  };
};
const bot = summary('phoenix');
const floor = summary('echo');
/** pg_stat_statements when the server has it loaded, else the bot's own counter (the same statements). */
const statementsSource = database.pgStatStatements ? 'pg_stat_statements' : 'phoenix_db_statements_total';
const noFigures = {
  start: Number.NaN,
  catalog: Number.NaN,
  page: Number.NaN,
  help: Number.NaN,
  text: Number.NaN,
};
const statements =
  (database.pgStatStatements ? statementFigures?.pgss : statementFigures?.counter) ?? noFigures;
const statementsAlone = (database.pgStatStatements ? aloneFigures?.pgss : aloneFigures?.counter) ?? noFigures;
const machine = {
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  /** 1, 5 and 15 minute load averages when the rounds began and when they ended (other work on the machine). */
  loadAverage: { start: loadAtStart, end: loadavg().map((l) => Number(l.toFixed(2))) },
  node: process.version,
};
const report = {
  machine,
  database: database.kind,
  users: userCount,
  rounds,
  seconds: loadSeconds,
  concurrency,
  mix: MIX,
  latencyRate,
  repliesPerUpdate: replies,
  bot,
  floor,
  ratio: { throughput: bot.maxRate / floor.maxRate, p99: bot.p99 / floor.p99 },
  statementsPerUpdate: statements,
  statementsPerUpdateAlone: statementsAlone,
  statementsSource,
  statementsBySource: database.pgStatStatements ? statementFigures : { counter: statementFigures?.counter },
  runs: figures,
  totalSeconds: (performance.now() - startedAt) / 1000,
};

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const n = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
  const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(0)} %` : '—');
  const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)}×` : '—');
  const rows: string[][] = [
    [
      'max throughput, updates/s (median; range)',
      `${n(bot.maxRate)} (${n(bot.maxRateRange[0] ?? Number.NaN)}–${n(bot.maxRateRange[1] ?? Number.NaN)})`,
      `${n(floor.maxRate)} (${n(floor.maxRateRange[0] ?? Number.NaN)}–${n(floor.maxRateRange[1] ?? Number.NaN)})`,
      pct(bot.maxRate / floor.maxRate),
    ],
    [`p50 reply latency at ${latencyRate}/s, ms`, n(bot.p50, 1), n(floor.p50, 1), times(bot.p50 / floor.p50)],
    [`p95 reply latency at ${latencyRate}/s, ms`, n(bot.p95, 1), n(floor.p95, 1), times(bot.p95 / floor.p95)],
    [`p99 reply latency at ${latencyRate}/s, ms`, n(bot.p99, 1), n(floor.p99, 1), times(bot.p99 / floor.p99)],
    [
      'ready: spawn → first getUpdates, ms',
      n(bot.readyMs),
      n(floor.readyMs),
      times(bot.readyMs / floor.readyMs),
    ],
    [
      'RSS idle after ready, MB',
      n(bot.rssIdleMb),
      n(floor.rssIdleMb),
      times(bot.rssIdleMb / floor.rssIdleMb),
    ],
    ['RSS peak under load, MB', n(bot.rssPeakMb), n(floor.rssPeakMb), times(bot.rssPeakMb / floor.rssPeakMb)],
    [
      'bot CPU per update (max load), ms',
      n(bot.cpuMsPerUpdate, 2),
      n(floor.cpuMsPerUpdate, 2),
      times(bot.cpuMsPerUpdate / floor.cpuMsPerUpdate),
    ],
  ];
  const header = ['figure', 'PHOENIX bot', 'echo floor', 'bot / floor'];
  const table = (head: string[], body: string[][]) => {
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
    return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
  };
  const label: Record<UpdateKind, string> = {
    start: '/start',
    catalog: '/catalog',
    page: 'page button ▶',
    help: '/help',
    text: 'plain text',
  };
  console.log(
    `\nPipeline benchmark: ${userCount} users, ${rounds} rounds of ${loadSeconds} s per phase, ${concurrency} updates in flight at max load, ${database.kind}\n` +
      `${machine.cores} cores (${machine.cpu}), Node ${machine.node}, load average ${machine.loadAverage.start.join(' ')} at the start, ${machine.loadAverage.end.join(' ')} at the end\n` +
      `traffic: ${UPDATE_KINDS.map((k) => `${label[k]} ${(MIX[k] * 100).toFixed(0)} %`).join(', ')}\n`,
  );
  console.log(table(header, rows));
  console.log(
    `\nSQL statements per update, returning user (${statementsSource}, the jobs' background subtracted): ${aloneSample} updates ` +
      `of each type one at a time, and ${statementSample} at once (the senders of one moment share the "who is this" statement):\n`,
  );
  console.log(
    table(
      ['update', 'one at a time', `${statementSample} at once`, 'bot replies (calls)'],
      UPDATE_KINDS.map((k) => [
        label[k],
        n(Math.max(0, statementsAlone[k]), 2),
        n(Math.max(0, statements[k]), 2),
        String(replies.phoenix?.[k] ?? '—'),
      ]),
    ),
  );
  if (bot.overflow + floor.overflow + bot.timeouts + floor.timeouts > 0) {
    console.log(
      `\nnote: ${bot.timeouts + floor.timeouts} updates got no reply within 20 s; ` +
        `${bot.overflow + floor.overflow} open-loop sends were skipped (every user still waiting)`,
    );
  }
  console.log(`\n(${report.totalSeconds.toFixed(0)} s in all)`);
}
