import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, webhookCallback } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { ANN, fail, ok, TOKEN, useEmulator } from './helpers.js';

interface Received {
  secret: string | undefined;
  body: { update_id: number; message?: { text: string } };
}

/** A webhook receiver that fails the first `failures` requests with 500. */
async function receiver(failures = 0): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  let left = failures;
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const secret = req.headers['x-telegram-bot-api-secret-token'];
      received.push({
        secret: typeof secret === 'string' ? secret : undefined,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'],
      });
      if (left > 0) {
        left--;
        res.writeHead(500).end('boom');
        return;
      }
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, server };
}

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('webhooks', () => {
  const { emu, root } = useEmulator({ webhookRetryBaseMs: 20, webhookRetryMaxMs: 100 });
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });

  it('delivers updates in order with the secret header; getUpdates answers 409', async () => {
    const hook = await receiver();
    servers.push(hook.server);
    emu().createUser({ id: ANN, first_name: 'Ann' });
    const set = await fetch(`${root()}/bot123456:TEST/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: hook.url, secret_token: 'S3cr-et_' }),
    });
    expect(await set.json()).toEqual({ ok: true, result: true, description: 'Webhook was set' });
    expect(await fail(root(), 'getUpdates', {})).toEqual([
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    ]);
    emu().sendText(ANN, 'one');
    emu().sendText(ANN, 'two');
    emu().sendText(ANN, 'three');
    await until(() => hook.received.length === 3);
    expect(hook.received.map((r) => [r.secret, r.body.update_id, r.body.message?.text])).toEqual([
      ['S3cr-et_', 1, 'one'],
      ['S3cr-et_', 2, 'two'],
      ['S3cr-et_', 3, 'three'],
    ]);
    await until(() => emu().pendingUpdates.length === 0);
    const info = await ok<Record<string, unknown>>(root(), 'getWebhookInfo');
    expect(info).toMatchObject({ url: hook.url, has_custom_certificate: false, pending_update_count: 0 });
    expect(await ok(root(), 'deleteWebhook')).toBe(true);
    expect(await ok(root(), 'getUpdates', {})).toEqual([]);
  });

  it('retries with backoff until a 2xx and records the last error', async () => {
    const hook = await receiver(2);
    servers.push(hook.server);
    emu().createUser({ id: ANN, first_name: 'Ann' });
    await ok(root(), 'setWebhook', { url: hook.url });
    emu().sendText(ANN, 'retry me');
    await until(() => hook.received.length === 3);
    expect(hook.received.map((r) => r.body.update_id)).toEqual([1, 1, 1]);
    expect(hook.received[0]?.secret).toBeUndefined();
    await until(() => emu().pendingUpdates.length === 0);
    const info = await ok<{ last_error_message?: string; last_error_date?: number }>(
      root(),
      'getWebhookInfo',
    );
    expect(info.last_error_message).toBe('Wrong response from the webhook: 500 Internal Server Error');
    expect(info.last_error_date).toBeTypeOf('number');
  });

  it('validates the secret token and the URL', async () => {
    expect(
      await fail(root(), 'setWebhook', { url: 'http://127.0.0.1:1/x', secret_token: 'bad token!' }),
    ).toEqual([400, 'Bad Request: secret token contains unallowed characters']);
    expect(
      await fail(root(), 'setWebhook', { url: 'http://127.0.0.1:1/x', secret_token: 'a'.repeat(257) }),
    ).toEqual([400, 'Bad Request: secret token contains unallowed characters']);
    expect(await fail(root(), 'setWebhook', { url: 'http://example.com/hook' })).toEqual([
      400,
      'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
    ]);
    expect(await fail(root(), 'setWebhook', { url: 'https://example.com:444/hook' })).toEqual([
      400,
      'Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443',
    ]);
  });

  it('keeps pending updates when switching back to polling, unless dropped', async () => {
    emu().createUser({ id: ANN, first_name: 'Ann' });
    // nothing listens on port 9: deliveries fail and the update stays queued
    await ok(root(), 'setWebhook', { url: 'http://127.0.0.1:9/hook' });
    emu().sendText(ANN, 'kept');
    await until(() => (emu().webhookInfo().last_error_message ?? '') !== '');
    await ok(root(), 'deleteWebhook');
    const updates = await ok<Array<{ message: { text: string } }>>(root(), 'getUpdates', {});
    expect(updates.map((u) => u.message.text)).toEqual(['kept']);
    await ok(root(), 'deleteWebhook', { drop_pending_updates: true });
    expect(await ok(root(), 'getUpdates', {})).toEqual([]);
  });

  it('drives a grammY webhookCallback server, including webhook replies', async () => {
    const bot = new Bot(TOKEN, {
      client: { apiRoot: root(), canUseWebhookReply: (method) => method === 'sendMessage' },
    });
    bot.command('start', (ctx) => ctx.reply('Hi from webhook'));
    bot.on('message:text', async (ctx) => {
      await ctx.api.sendChatAction(ctx.chat.id, 'typing');
      await ctx.reply(`echo: ${ctx.message.text}`);
    });
    await bot.init();
    const server = createServer(webhookCallback(bot, 'http', { secretToken: 'phoenix_secret' }));
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await bot.api.setWebhook(url, { secret_token: 'phoenix_secret' });
    emu().createUser({ id: ANN, first_name: 'Ann' });
    emu().sendText(ANN, '/start');
    emu().sendText(ANN, 'ping');
    const echo = await emu().waitFor(ANN, (m) => m.text === 'echo: ping');
    expect(
      emu()
        .botMessages(ANN)
        .map((m) => m.text),
    ).toEqual(['Hi from webhook', 'echo: ping']);
    expect(echo.via).toBe('sendMessage');
    await until(() => emu().pendingUpdates.length === 0);
    // the webhook reply arrived as the HTTP answer, not as a separate call from the bot
    expect(
      emu()
        .callsTo('sendMessage')
        .map((c) => c.source),
    ).toEqual(['webhook-reply', 'webhook-reply']);
    expect(
      emu()
        .callsTo('sendChatAction')
        .map((c) => c.source),
    ).toEqual(['http']);

    // a wrong secret is refused by grammY (401) and retried by the emulator until the webhook is fixed
    await bot.api.setWebhook(url, { secret_token: 'wrong' });
    emu().sendText(ANN, 'lost?');
    await until(() => (emu().webhookInfo().last_error_message ?? '').includes('401'));
    expect(emu().pendingUpdates).toHaveLength(1);
    await bot.api.setWebhook(url, { secret_token: 'phoenix_secret' });
    await emu().waitFor(ANN, (m) => m.text === 'echo: lost?');
  });
});
