import { type ChildProcess, spawn } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { users } from '../../src/db/schema/index.js';
import { TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';
import { TEST_TOKEN, textOf } from '../helpers/harness.js';

let emu: TelegramEmulator;
let database: DatabaseHandle & { url?: string };

beforeAll(async () => {
  emu = new TelegramEmulator({ token: TEST_TOKEN });
  await emu.start();
  database = await createTestDatabase();
});
afterAll(async () => {
  await emu?.stop();
  await database?.close();
});

/** `npm start` as an operator runs it: the real entry point in its own process. */
describe.skipIf(!onPostgres())('the bot process (npm start with a token, PostgreSQL)', () => {
  let child: ChildProcess;
  let output = '';

  it('migrates, calls getMe, polls, registers a user above 2^32 and stops on SIGTERM within 5 s', async () => {
    const ownerId = 7_000_000_500;
    emu.createUser({ id: ownerId, first_name: 'Owner' });
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: emu.apiRoot,
        DATABASE_URL: database.url ?? '',
        OWNER_IDS: String(ownerId),
        CHANNEL_ID: '@phoenix_proc_channel',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });

    await emu.waitForCall('getMe', undefined, { timeoutMs: 20_000 });

    emu.createChannel({ id: -1009999999999, title: 'proc', username: 'phoenix_proc_channel' });
    const userId = 7_000_000_001;
    emu.createUser({ id: userId, first_name: 'Проверка', language_code: 'ru' });
    emu.sendText(userId, '/start');
    // Answered only once the process polls (updates wait in the emulator until then).
    const greeting = await emu.waitFor(userId, () => true, { timeoutMs: 20_000 });
    expect(textOf(greeting)).toContain('Здравствуйте, Проверка!');
    const rows = await database.db.select().from(users).where(eq(users.telegramId, userId));
    expect(rows).toHaveLength(1);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(output).not.toContain(TEST_TOKEN);
    expect(output).not.toContain(TEST_TOKEN.split(':')[1]);
  }, 60_000);
});
