import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { sessions } from '../../src/db/schema/index.js';
import { createLogger } from '../../src/logger.js';
import { TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';
import { TEST_TOKEN, textOf } from '../helpers/harness.js';
import { freePort } from '../helpers/ports.js';

const SECRET = 'webhook_scale-secret';

async function webhookInstance(
  emu: TelegramEmulator,
  database: DatabaseHandle,
  extra: Record<string, string> = {},
) {
  const port = await freePort();
  const config = loadConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: emu.apiRoot,
    BOT_MODE: 'webhook',
    WEBHOOK_URL: `http://127.0.0.1:${port}`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    ...extra,
  });
  const app = await startApp(config, createLogger('silent'), database, {
    token: TEST_TOKEN,
    apiRoot: emu.apiRoot,
  });
  return { app, url: `http://127.0.0.1:${port}/telegram/webhook` };
}

/** Posts an update to an instance as Telegram (or a load balancer in front of several) would. */
const post = (url: string, update: object) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });

const textUpdate = (updateId: number, userId: number, messageId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: messageId,
    date: Math.floor(Date.now() / 1000),
    from: { id: userId, is_bot: false, first_name: 'Anna', language_code: 'en' },
    chat: { id: userId, type: 'private', first_name: 'Anna' },
    text,
    ...(text.startsWith('/')
      ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length }] }
      : {}),
  },
});

describe('a slow update in webhook mode', () => {
  let emu: TelegramEmulator;
  let database: DatabaseHandle;
  let instance: { app: RunningApp; url: string };

  beforeAll(async () => {
    // Telegram gives up on an answer after a while and delivers the update again.
    emu = new TelegramEmulator({ token: TEST_TOKEN, webhookTimeoutMs: 1500 });
    await emu.start();
    emu.createChannel({ id: -1007400000001, title: 'slow', username: 'phoenix_slow_channel' });
    database = await createTestDatabase();
    instance = await webhookInstance(emu, database, { CHANNEL_ID: '@phoenix_slow_channel' });
  });
  afterAll(async () => {
    await instance?.app.stop();
    await emu?.stop();
    await database?.close();
  });

  it('is handled once although Telegram delivers it again after its timeout', async () => {
    const userId = 7_400_000_001;
    emu.createUser({ id: userId, first_name: 'Slow', language_code: 'en' });
    // The gate's membership check answers in 3 s: the handler outlives the 1.5 s webhook timeout.
    const removeFault = emu.injectFault({ method: 'getChatMember', delayMs: 3000 });
    emu.sendText(userId, '/catalog');
    await emu.waitFor(userId, (m) => m.sender === 'bot', { timeoutMs: 15_000 });
    await new Promise((r) => setTimeout(r, 4000));
    removeFault();
    expect(emu.botMessages(userId)).toHaveLength(1);
    expect(emu.callsTo('getChatMember')).toHaveLength(1);
  }, 30_000);
});

describe.skipIf(!onPostgres())('two webhook instances on one database (PostgreSQL)', () => {
  let emu: TelegramEmulator;
  let database: DatabaseHandle;
  let a: { app: RunningApp; url: string };
  let b: { app: RunningApp; url: string };
  const userId = 7_400_000_101;

  beforeAll(async () => {
    emu = new TelegramEmulator({ token: TEST_TOKEN });
    await emu.start();
    database = await createTestDatabase({ poolSize: 10 });
    a = await webhookInstance(emu, database);
    b = await webhookInstance(emu, database);
    emu.createUser({ id: userId, first_name: 'Anna', language_code: 'en' });
    emu.sendText(userId, '/start');
    await emu.waitFor(userId, (m) => m.sender === 'bot', { timeoutMs: 10_000 });
  });
  afterAll(async () => {
    await a?.app.stop();
    await b?.app.stop();
    await emu?.stop();
    await database?.close();
  });

  it('an email and a promo code of one chat at the same moment on two instances: no step lost', async () => {
    const created = await a.app.deps.services.catalog.create({
      title: 'Landing page',
      description: 'One page',
      price: 20_000,
      deadlineDays: 5,
    });
    if (!created.ok) throw new Error('product not created');
    // Into the checkout: the bot asks for the email.
    const started = await post(
      a.url,
      textUpdate(900_000_001, userId, 900_001, `/start p_${created.product.id}`),
    );
    expect(started.status).toBe(200);
    const card = await emu.waitFor(userId, (m) => textOf(m).includes('Landing page'), { timeoutMs: 10_000 });
    const order =
      card.reply_markup && 'inline_keyboard' in card.reply_markup
        ? card.reply_markup.inline_keyboard[0]?.[0]
        : undefined;
    await emu.pressButton(userId, card.message_id, order?.callback_data as string);
    await emu.waitFor(userId, (m) => textOf(m).includes('Please send your email address'), {
      timeoutMs: 10_000,
    });

    // Each answer takes a while (its messages answer late), so the two updates overlap.
    const removeFault = emu.injectFault({ method: 'sendMessage', delayMs: 300 });
    const email = post(a.url, textUpdate(900_000_002, userId, 900_002, 'anna@example.com'));
    await new Promise((r) => setTimeout(r, 30));
    const promo = post(b.url, textUpdate(900_000_003, userId, 900_003, 'NOPE'));
    expect((await email).status).toBe(200);
    expect((await promo).status).toBe(200);
    removeFault();

    const [row] = await database.db
      .select()
      .from(sessions)
      .where(eq(sessions.key, String(userId)));
    const dialog = (row?.value as { dialog?: { step: string; data: { email?: string } } } | undefined)
      ?.dialog;
    // The email was taken and the code was read as a promo code (refused, the dialog waits for another).
    expect(dialog?.step).toBe('promo');
    expect(dialog?.data.email).toBe('anna@example.com');
    expect(emu.botMessages(userId).some((m) => textOf(m).includes('Promo code “NOPE” does not exist'))).toBe(
      true,
    );
  }, 30_000);

  it('the same update posted to both instances is handled once', async () => {
    const update = textUpdate(900_000_010, userId, 900_010, '/help');
    const before = emu.botMessages(userId).length;
    const answers = await Promise.all([post(a.url, update), post(b.url, update), post(a.url, update)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    await new Promise((r) => setTimeout(r, 500));
    expect(emu.botMessages(userId).length - before).toBe(1);
  });
});
