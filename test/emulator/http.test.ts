import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ANN, call, callForm, fail, ok, TOKEN, useEmulator } from './helpers.js';

describe('HTTP protocol', () => {
  const { emu, root } = useEmulator();

  it('getMe returns the bot user', async () => {
    const res = await call(root(), 'getMe');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      result: {
        id: 123456,
        is_bot: true,
        first_name: 'PHOENIX Test Bot',
        username: 'phoenix_test_bot',
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: true,
        can_connect_to_business: false,
        has_main_web_app: false,
      },
    });
  });

  it('rejects other tokens with 401 and unknown methods with 404', async () => {
    expect(await call(root(), 'getMe', {}, '123456:WRONG')).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect(await call(root(), 'sendTelepathy')).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: 'Not Found' },
    });
    const res = await fetch(`${root()}/nothing-here`);
    expect(res.status).toBe(404);
  });

  it('treats method names case-insensitively and accepts GET with a query string', async () => {
    const res = await fetch(`${root()}/bot${TOKEN}/GETME`);
    expect(res.status).toBe(200);
    emu().createUser({ id: ANN, first_name: 'Ann' });
    emu().sendText(ANN, 'hi');
    const get = await fetch(`${root()}/bot${TOKEN}/sendMessage?chat_id=${ANN}&text=from%20query`);
    const body = (await get.json()) as { ok: boolean; result: { text: string; chat: { id: number } } };
    expect(body.ok).toBe(true);
    expect(body.result.text).toBe('from query');
    expect(body.result.chat.id).toBe(ANN);
  });

  it('accepts url-encoded forms with numbers as strings and JSON-encoded objects', async () => {
    emu().createUser({ id: ANN, first_name: 'Ann' });
    emu().sendText(ANN, 'hi');
    const res = await callForm(root(), 'sendMessage', {
      chat_id: String(ANN),
      text: '<b>form</b>',
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
    });
    expect(res.status).toBe(200);
    const result = res.body.result as Record<string, unknown>;
    expect(result.text).toBe('form');
    expect(result.entities).toEqual([{ type: 'bold', offset: 0, length: 4 }]);
    expect(result.reply_markup).toEqual({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] });
  });

  it('answers malformed JSON with 400', async () => {
    const res = await fetch(`${root()}/bot${TOKEN}/getMe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: can't parse JSON object",
    });
  });

  it('serves the same API through the fetch handler', async () => {
    const res = await emu().fetch(new Request(`http://emulator.local/bot${TOKEN}/getMe`, { method: 'POST' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { username: string } };
    expect(body.result.username).toBe('phoenix_test_bot');
    const bad = await emu().fetch(new Request(`http://emulator.local/botX:Y/getMe`));
    expect(bad.status).toBe(401);
  });

  it('mounts in a Hono app under a prefix', async () => {
    const app = new Hono();
    app.get('/health', (c) => c.text('ok'));
    app.all('/telegram/*', (c) => emu().fetch(c.req.raw));
    const res = await app.request(`/telegram/bot${TOKEN}/getMe`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { id: number } }).result.id).toBe(123456);
    expect(await (await app.request('/health')).text()).toBe('ok');
    expect(emu().calls.at(-1)?.source).toBe('http');
  });

  it('records every call with its outcome', async () => {
    await call(root(), 'getMe');
    await call(root(), 'sendMessage', { chat_id: 1, text: 'x' });
    expect(emu().calls.map((c) => [c.method, c.ok, c.status, c.description])).toEqual([
      ['getMe', true, 200, undefined],
      ['sendMessage', false, 400, 'Bad Request: chat not found'],
    ]);
    expect(emu().stats().callsByMethod).toEqual({ getme: 1, sendmessage: 1 });
    expect(emu().stats().errorsByCode).toEqual({ 400: 1 });
  });
});

describe('getUpdates long polling', () => {
  const { emu, root } = useEmulator();

  it('emits "request" when a long poll arrives and "call" only when it returns', async () => {
    emu().createUser({ id: ANN, first_name: 'Ann' });
    const seen: string[] = [];
    emu().events.on('request', ({ method }) => seen.push(`request ${method}`));
    emu().events.on('call', ({ method }) => seen.push(`call ${method}`));
    const arrived = new Promise((resolve) => emu().events.once('request', resolve));
    const pending = call(root(), 'getUpdates', { timeout: 10 });
    await arrived;
    expect(seen).toEqual(['request getUpdates']);
    emu().sendText(ANN, 'hello');
    await pending;
    expect(seen).toEqual(['request getUpdates', 'call getUpdates']);
  });

  it('hangs until an update arrives after the call started', async () => {
    emu().createUser({ id: ANN, first_name: 'Ann' });
    const started = Date.now();
    const pending = call(root(), 'getUpdates', { timeout: 10 });
    await new Promise((r) => setTimeout(r, 150));
    emu().sendText(ANN, 'hello');
    const res = await pending;
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(3000);
    const updates = res.body.result as Array<{
      update_id: number;
      message: { text: string; from: { id: number } };
    }>;
    expect(updates).toHaveLength(1);
    expect(updates[0]?.update_id).toBe(1);
    expect(updates[0]?.message.text).toBe('hello');
    expect(updates[0]?.message.from.id).toBe(ANN);
  });

  it('confirms updates with offset and respects limit', async () => {
    emu().createUser({ id: ANN, first_name: 'Ann' });
    emu().sendText(ANN, 'one');
    emu().sendText(ANN, 'two');
    emu().sendText(ANN, 'three');
    const first = await ok<Array<{ update_id: number }>>(root(), 'getUpdates', { limit: 2 });
    expect(first.map((u) => u.update_id)).toEqual([1, 2]);
    // without offset the same updates come again
    const again = await ok<Array<{ update_id: number }>>(root(), 'getUpdates', {});
    expect(again.map((u) => u.update_id)).toEqual([1, 2, 3]);
    const next = await ok<Array<{ update_id: number }>>(root(), 'getUpdates', { offset: 3 });
    expect(next.map((u) => u.update_id)).toEqual([3]);
    const none = await ok<unknown[]>(root(), 'getUpdates', { offset: 4 });
    expect(none).toEqual([]);
    expect(emu().pendingUpdates).toHaveLength(0);
  });

  it('ends with an empty result when the timeout passes', async () => {
    const started = Date.now();
    const res = await ok<unknown[]>(root(), 'getUpdates', { timeout: 1 });
    const elapsed = Date.now() - started;
    expect(res).toEqual([]);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(2500);
  });

  it('ends a hanging request promptly on stop()', async () => {
    const started = Date.now();
    const pending = call(root(), 'getUpdates', { timeout: 30 });
    await new Promise((r) => setTimeout(r, 100));
    await emu().stop();
    const res = await pending;
    expect(res.body).toEqual({ ok: true, result: [] });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('filters updates by allowed_updates and remembers the setting', async () => {
    emu().createUser({ id: ANN, first_name: 'Ann' });
    await ok(root(), 'getUpdates', { allowed_updates: ['callback_query'] });
    emu().sendText(ANN, 'ignored');
    expect(await ok(root(), 'getUpdates', {})).toEqual([]);
    await ok(root(), 'getUpdates', { allowed_updates: [] });
    emu().sendText(ANN, 'seen');
    const updates = await ok<Array<{ message: { text: string } }>>(root(), 'getUpdates', {});
    expect(updates.map((u) => u.message.text)).toEqual(['seen']);
  });

  it('terminates an older poll with 409 when a new one arrives', async () => {
    const older = call(root(), 'getUpdates', { timeout: 5 });
    await new Promise((r) => setTimeout(r, 100));
    const newer = call(root(), 'getUpdates', { timeout: 1 });
    expect(await older).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description:
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      },
    });
    expect((await newer).body).toEqual({ ok: true, result: [] });
  });

  it('rejects a missing chat_id, empty text', async () => {
    expect(await fail(root(), 'sendMessage', { text: 'x' })).toEqual([400, 'Bad Request: chat_id is empty']);
  });
});
