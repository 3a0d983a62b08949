import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { createTestDatabase } from '../helpers/db.js';
import { type Harness, startHarness, TEST_TOKEN, type TestUser, textOf } from '../helpers/harness.js';
import { freePort } from '../helpers/ports.js';
import { agent, customer } from './support-flow.js';

// The flood limit (issue 17, part 2). A short cool-down, and a window shorter than it, so that the
// release can be seen in a test; the limit itself is the default one.
const LIMIT = 20;
const WINDOW_SECONDS = 5;
const COOLDOWN_SECONDS = 6;
const FLOOD_ENV = {
  FLOOD_LIMIT: String(LIMIT),
  FLOOD_WINDOW_SECONDS: String(WINDOW_SECONDS),
  FLOOD_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS),
};

const isNotice = (text: string) => text.includes("That's a lot of messages in a short time");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Row counts of what a customer's messages could change. */
async function footprint(database: DatabaseHandle) {
  const result = (await database.db.execute(sql`select
    (select count(*) from orders)::int as orders,
    (select count(*) from tickets)::int as tickets,
    (select count(*) from sessions)::int as sessions,
    (select count(*) from users)::int as users`)) as unknown as { rows: Record<string, number>[] };
  return result.rows[0];
}

describe('the flood limit in polling mode (counted in memory)', () => {
  let h: Harness;
  const handled = () => h.deps.metrics.value('phoenix_updates_total');

  /** Sends `count` texts at once and waits until the bot has handled all of them. */
  async function burst(who: TestUser, count: number, text = 'hi'): Promise<void> {
    const before = handled();
    for (let i = 0; i < count; i++) who.send(`${text} ${i}`);
    await expect.poll(handled, { timeout: 20_000 }).toBeGreaterThanOrEqual(before + count);
  }

  // Without the background jobs every statement counted is an update's.
  beforeAll(async () => {
    h = await startHarness({ jobs: false, env: FLOOD_ENV });
  }, 60_000);
  afterAll(async () => h?.close());

  it('30 messages at once → the first 20 answered, one notice, the rest ignored and nothing written; released after the cool-down', async () => {
    // A first contact: nothing else of hers is in the window.
    const anna = h.user({ firstName: 'Anna', languageCode: 'en' });
    const seen = 0;
    await burst(anna, 30);
    const answers = anna.botMessages().slice(seen).map(textOf);
    expect(answers.filter((t) => t.startsWith("Sorry, I didn't get that"))).toHaveLength(LIMIT);
    expect(answers.filter(isNotice)).toHaveLength(1);
    expect(answers).toHaveLength(LIMIT + 1);
    expect(isNotice(answers.at(-1)!)).toBe(true);
    expect(answers.at(-1)).toContain(`${COOLDOWN_SECONDS} seconds`);

    // More during the cool-down: one statement each (who is this), no write, no answer.
    const before = await footprint(h.database);
    const statements = h.database.statements();
    await burst(anna, 5, 'still here');
    expect(h.database.statements() - statements).toBe(5);
    expect(await footprint(h.database)).toEqual(before);
    expect(anna.botMessages()).toHaveLength(seen + LIMIT + 1);

    // After the cool-down (and the window) has passed, the bot answers again.
    await sleep(COOLDOWN_SECONDS * 1000 + 500);
    anna.send('/help');
    await anna.reply('What the bot can do');
    anna.send('one more');
    await anna.reply("Sorry, I didn't get that");
    expect(anna.botMessages().slice(seen).map(textOf).filter(isNotice)).toHaveLength(1);
  }, 60_000);

  it('staff and owners are exempt', async () => {
    const ada = await agent(h, 'Ada', 'admin');
    const seen = ada.botMessages().length;
    await burst(ada, 30);
    await expect.poll(() => ada.botMessages().length, { timeout: 10_000 }).toBe(seen + 30);
    expect(ada.botMessages().slice(seen).map(textOf).filter(isNotice)).toHaveLength(0);
  }, 60_000);

  it('normal use (a few messages, another user at the same time) never trips it', async () => {
    const ben = await customer(h, 'Ben');
    const cleo = await customer(h, 'Cleo');
    const seen = [ben.botMessages().length, cleo.botMessages().length];
    await burst(ben, 12, 'question');
    await burst(cleo, 12, 'question');
    await expect.poll(() => ben.botMessages().length - seen[0]!).toBe(12);
    await expect.poll(() => cleo.botMessages().length - seen[1]!).toBe(12);
    expect([...ben.botMessages(), ...cleo.botMessages()].map(textOf).filter(isNotice)).toHaveLength(0);
  });
});

const SECRET = 'flood-webhook-secret';

async function webhookInstance(emu: TelegramEmulator, database: DatabaseHandle) {
  const port = await freePort();
  const config = loadConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: emu.apiRoot,
    BOT_MODE: 'webhook',
    WEBHOOK_URL: `http://127.0.0.1:${port}`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    ...FLOOD_ENV,
    // Long enough that the whole test runs inside one window and one cool-down.
    FLOOD_WINDOW_SECONDS: '120',
    FLOOD_COOLDOWN_SECONDS: '300',
  });
  const app = await startApp(
    config,
    createLogger('silent'),
    database,
    { token: TEST_TOKEN, apiRoot: emu.apiRoot },
    { jobs: false },
  );
  return { app, url: `http://127.0.0.1:${port}/telegram/webhook` };
}

describe('the flood limit across two webhook instances on one database', () => {
  let emu: TelegramEmulator;
  let database: DatabaseHandle;
  let a: { app: RunningApp; url: string };
  let b: { app: RunningApp; url: string };
  const userId = 7_400_000_301;

  beforeAll(async () => {
    emu = new TelegramEmulator({ token: TEST_TOKEN });
    await emu.start();
    database = await createTestDatabase({ poolSize: 10 });
    a = await webhookInstance(emu, database);
    b = await webhookInstance(emu, database);
    emu.createUser({ id: userId, first_name: 'Flo', language_code: 'en' });
    // Flo starts the bot (delivered by the emulator's webhook to the last instance that set it).
    emu.sendText(userId, '/start');
    await emu.waitFor(userId, (m) => m.sender === 'bot', { timeoutMs: 10_000 });
  }, 60_000);
  afterAll(async () => {
    await a?.app.stop();
    await b?.app.stop();
    await emu?.stop();
    await database?.close();
  });

  const post = (url: string, updateId: number, text: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({
        update_id: updateId,
        message: {
          message_id: updateId,
          date: Math.floor(Date.now() / 1000),
          from: { id: userId, is_bot: false, first_name: 'Flo', language_code: 'en' },
          chat: { id: userId, type: 'private', first_name: 'Flo' },
          text,
        },
      }),
    });

  it('30 messages spread over both instances (15 each, under the limit on either) → one notice in all', async () => {
    for (let i = 0; i < 30; i++) {
      // A load balancer alternating between the two; each answer waits for its update to be handled.
      const response = await post(i % 2 === 0 ? a.url : b.url, 910_000 + i, `hello ${i}`);
      expect(response.status).toBe(200);
    }
    // The /start is the first of the 20 in the window: 19 texts answered, then the notice (the 21st update).
    await expect.poll(() => emu.botMessages(userId).length, { timeout: 10_000 }).toBe(1 + LIMIT);
    const texts = emu.botMessages(userId).slice(1).map(textOf);
    expect(texts.filter((t) => t.startsWith("Sorry, I didn't get that"))).toHaveLength(LIMIT - 1);
    expect(texts.filter(isNotice)).toHaveLength(1);
    expect(isNotice(texts.at(-1)!)).toBe(true);
    // Give a late answer the chance to show up: none does.
    await sleep(300);
    expect(emu.botMessages(userId)).toHaveLength(1 + LIMIT);
    const cooldowns = (await database.db.execute(
      sql`select count(*)::int as n from flood_cooldowns where telegram_id = ${userId} and until > now()`,
    )) as unknown as { rows: { n: number }[] };
    expect(cooldowns.rows[0]?.n).toBe(1);
  }, 60_000);
});
