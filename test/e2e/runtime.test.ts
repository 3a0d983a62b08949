import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';
import { TEST_TOKEN } from '../helpers/harness.js';
import { freePort } from '../helpers/ports.js';

/** The real entry point in its own process, as an operator runs it. */
function startBot(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const until = async (check: () => boolean, timeoutMs: number): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(!onPostgres())('the bot process under deploys and outages (PostgreSQL)', () => {
  let emu: TelegramEmulator;
  let database: DatabaseHandle & { url?: string };
  let nextUser = 7_300_000_001;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    emu = new TelegramEmulator({ token: TEST_TOKEN });
    await emu.start();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    await emu?.stop();
    await database?.close();
  });

  /** deleteWebhook comes right before the first getUpdates (which, long-polling, is logged only when it ends). */
  const startedPolling = async (): Promise<void> => {
    const before = emu.callsTo('deleteWebhook').length;
    await until(() => emu.callsTo('deleteWebhook').length > before, 20_000);
    await new Promise((r) => setTimeout(r, 300));
  };

  const env = () => ({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: emu.apiRoot,
    DATABASE_URL: database.url ?? '',
    OWNER_IDS: '7299999999',
    CHANNEL_ID: '@phoenix_runtime_channel',
  });

  it('SIGTERM with updates in flight: every one is answered exactly once across a restart', async () => {
    emu.createChannel({ id: -1007300000001, title: 'runtime', username: 'phoenix_runtime_channel' });
    // The gate's getChatMember answers in 1 s, so SIGTERM lands while handlers are running.
    const removeFault = emu.injectFault({ method: 'getChatMember', delayMs: 1000 });
    const polling = startedPolling();
    const first = startBot(env());
    running.push(first.child);
    await polling;

    const ids = Array.from({ length: 20 }, () => nextUser++);
    for (const id of ids) emu.createUser({ id, first_name: 'Клиент', language_code: 'ru' });
    for (const id of ids) emu.sendText(id, '/catalog');
    await until(() => emu.callsTo('getChatMember').length >= ids.length, 15_000);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    removeFault();

    // A second wave arrives while no instance runs; the next one picks it up.
    for (const id of ids) emu.sendText(id, '/help');
    const second = startBot(env());
    running.push(second.child);
    for (const id of ids) {
      await emu.waitFor(id, (m) => (m.text ?? '').includes('/catalog'), { timeoutMs: 20_000 });
    }
    await new Promise((r) => setTimeout(r, 1500));
    for (const id of ids) {
      const answers = emu.botMessages(id).map((m) => m.text ?? m.caption ?? '');
      // One gate message for /catalog, one /help list: nothing lost, nothing doubled.
      expect(answers, String(id)).toHaveLength(2);
    }
    expect(first.output()).not.toContain('Cannot use a pool after calling end');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);

  it('a second poller (409 Conflict) is one clear line, not a crash; polling resumes after it', async () => {
    const polling = startedPolling();
    const bot = startBot(env());
    running.push(bot.child);
    await polling;
    emu.injectFault({
      method: 'getUpdates',
      times: 3,
      error: {
        code: 409,
        description:
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      },
    });
    // The long poll in progress ends with this update; the next three polls meet the other poller.
    const waker = nextUser++;
    emu.createUser({ id: waker, first_name: 'Waker', language_code: 'en' });
    emu.sendText(waker, '/help');
    await until(() => bot.output().includes('another instance is polling this token'), 20_000);
    const id = nextUser++;
    emu.createUser({ id, first_name: 'After', language_code: 'en' });
    emu.sendText(id, '/help');
    const answer = await emu.waitFor(id, () => true, { timeoutMs: 30_000 });
    expect(answer.text).toContain('/catalog');
    expect(bot.child.exitCode).toBeNull();
    expect(bot.output().match(/another instance is polling this token/g)).toHaveLength(1);
    expect(bot.output()).not.toMatch(/Uncaught|UnhandledPromiseRejection|GrammyError: Call to 'getUpdates'/);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 90_000);

  it('after a Bot API outage the bot answers again within seconds of its return', async () => {
    const polling = startedPolling();
    const bot = startBot(env());
    running.push(bot.child);
    await polling;
    // The API answers 502 to every poll for 12 s (the poll in progress ends with the first update).
    const removeFault = emu.injectFault({
      method: 'getUpdates',
      error: { code: 502, description: 'Bad Gateway' },
    });
    const waker = nextUser++;
    emu.createUser({ id: waker, first_name: 'Waker', language_code: 'en' });
    emu.sendText(waker, '/help');
    await new Promise((r) => setTimeout(r, 12_000));
    const id = nextUser++;
    emu.createUser({ id, first_name: 'Back', language_code: 'en' });
    emu.sendText(id, '/help');
    removeFault();
    // Polling retries at most 5 s apart, so the answer comes within seconds of the API's return.
    const answer = await emu.waitFor(id, () => true, { timeoutMs: 15_000 });
    expect(answer.text).toContain('/catalog');
    expect(bot.child.exitCode).toBeNull();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 90_000);

  it('an unreachable Bot API at start-up: one clear line and a non-zero exit, not a hang', async () => {
    const bot = startBot({ ...env(), TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}` });
    running.push(bot.child);
    const code = await bot.exited;
    expect(code).not.toBe(0);
    expect(bot.output()).toContain('cannot reach the Bot API');
    expect(bot.output()).not.toContain(TEST_TOKEN.split(':')[1]);
  }, 60_000);
});
