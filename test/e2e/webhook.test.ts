import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { createTestDatabase } from '../helpers/db.js';
import { TEST_TOKEN, textOf } from '../helpers/harness.js';
import { freePort } from '../helpers/ports.js';

let emu: TelegramEmulator;
let database: DatabaseHandle;
let app: RunningApp;
let port: number;
const SECRET = 'webhook_secret-123';

beforeAll(async () => {
  emu = new TelegramEmulator({ token: TEST_TOKEN });
  const { apiRoot } = await emu.start();
  database = await createTestDatabase();
  port = await freePort();
  const config = loadConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    BOT_MODE: 'webhook',
    WEBHOOK_URL: `http://127.0.0.1:${port}`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    LOG_LEVEL: 'silent',
  });
  app = await startApp(config, createLogger('silent'), database, { token: TEST_TOKEN, apiRoot });
});
afterAll(async () => {
  await app?.stop();
  await emu?.stop();
  await database?.close();
});

describe('webhook mode', () => {
  it('registers the webhook with the secret and answers updates Telegram posts to it', async () => {
    const info = emu.webhookInfo();
    expect(info.url).toBe(`http://127.0.0.1:${port}/telegram/webhook`);
    emu.createUser({ id: 7_000_000_777, first_name: 'Web', language_code: 'en' });
    emu.sendText(7_000_000_777, '/start');
    const greeting = await emu.waitFor(7_000_000_777, () => true, { timeoutMs: 10_000 });
    expect(textOf(greeting)).toContain('Hello, Web!');
  });

  it('refuses an update without the secret header', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ update_id: 1 }),
    });
    expect(response.status).toBe(401);
  });

  it('serves /healthz and /metrics', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    // An update is counted when its handling ends (just after the reply, once the session is saved).
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text())
      .toMatch(/^phoenix_updates_total\{type="message",outcome="ok"\} [1-9]\d*$/m);
  });
});
