import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, makePng, TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { ANN, call, fail, ok, startedUser, TOKEN, useEmulator } from './helpers.js';

describe('driver API', () => {
  const { emu, root } = useEmulator();

  it('waitFor sees edits of existing messages and explains timeouts', async () => {
    startedUser(emu());
    const sent = await ok<{ message_id: number }>(root(), 'sendMessage', { chat_id: ANN, text: 'Loading…' });
    const waiting = emu().waitFor(ANN, (m) => m.text === 'Done');
    await ok(root(), 'editMessageText', { chat_id: ANN, message_id: sent.message_id, text: 'Done' });
    const done = await waiting;
    expect(done.message_id).toBe(sent.message_id);
    expect(done.edited).toBe(true);

    const error = await emu()
      .waitFor(ANN, (m) => m.text === 'never', { timeoutMs: 50 })
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `waitFor: no bot message in chat ${ANN} matched within 50 ms.\n` +
        'Last messages (2 in total):\n' +
        '  #1 user: "/start"\n' +
        '  #2 bot (edited×1): "Done"',
    );
  });

  it('nextBotMessage ignores existing messages; waitForCall finds calls', async () => {
    startedUser(emu());
    await ok(root(), 'sendMessage', { chat_id: ANN, text: 'old' });
    const next = emu().nextBotMessage(ANN);
    await ok(root(), 'sendMessage', { chat_id: ANN, text: 'new' });
    expect((await next).text).toBe('new');
    const call = await emu().waitForCall('SENDMESSAGE', (c) => c.params.text === 'new');
    expect(call.ok).toBe(true);
  });

  it('streams events and exposes the update queue', async () => {
    const seen: string[] = [];
    emu().events.on('message', (m) => seen.push(`message:${m.sender}:${m.text ?? ''}`));
    emu().events.on('delete', (m) => seen.push(`delete:${m.message_id}`));
    emu().events.on('update', (u) => seen.push(`update:${u.update_id}`));
    startedUser(emu());
    const m = await ok<{ message_id: number }>(root(), 'sendMessage', { chat_id: ANN, text: 'hey' });
    await ok(root(), 'deleteMessage', { chat_id: ANN, message_id: m.message_id });
    expect(seen).toEqual(['message:user:/start', 'update:1', 'message:bot:hey', 'delete:2']);
    expect(emu().pendingUpdates.map((u) => u.message?.entities)).toEqual([
      [{ type: 'bot_command', offset: 0, length: 6 }],
    ]);
  });

  it('marks a user as started only after they write, and edits their own messages', async () => {
    emu().createUser({ id: ANN, first_name: 'Ann' });
    expect(emu().userState(ANN)).toEqual({ started: false, blocked: false });
    const m = emu().sendText(ANN, 'helo');
    expect(emu().userState(ANN)).toEqual({ started: true, blocked: false });
    emu().editText(ANN, m.message_id, 'hello');
    const updates = await ok<Array<{ edited_message?: { text: string; edit_date: number } }>>(
      root(),
      'getUpdates',
    );
    expect(updates[1]?.edited_message?.text).toBe('hello');
    expect(() => emu().sendText(ANN, 'x', { replyTo: 42 })).toThrow(
      'message 42 does not exist in the chat of user',
    );
    expect(() => emu().sendText(404, 'x')).toThrow('unknown user 404: call createUser first');
  });

  it('opens deep links with a start payload', async () => {
    emu().createUser({ id: ANN, first_name: 'Ann' });
    expect(emu().openDeepLink(ANN, 'https://t.me/phoenix_test_bot?start=ref_42-a').text).toBe(
      '/start ref_42-a',
    );
    expect(emu().openDeepLink(ANN, 'tg://resolve?domain=Phoenix_Test_Bot&start=x').text).toBe('/start x');
    expect(emu().openDeepLink(ANN, 'https://t.me/phoenix_test_bot').text).toBe('/start');
    expect(() => emu().openDeepLink(ANN, 'https://t.me/phoenix_test_bot?start=a.b')).toThrow(
      'openDeepLink: start payload "a.b" is invalid (1-64 characters of A-Z a-z 0-9 _ -); Telegram would drop it',
    );
    expect(() => emu().openDeepLink(ANN, `https://t.me/phoenix_test_bot?start=${'x'.repeat(65)}`)).toThrow(
      'is invalid',
    );
    expect(() => emu().openDeepLink(ANN, 'https://t.me/other_bot?start=a')).toThrow(
      'openDeepLink: https://t.me/other_bot?start=a is not a link to @phoenix_test_bot',
    );
  });

  it('invokes methods in-process and resets the world', async () => {
    startedUser(emu());
    const sent = await emu().invoke<{ text: string }>('sendMessage', { chat_id: ANN, text: 'direct' });
    expect(sent.text).toBe('direct');
    await expect(emu().invoke('sendMessage', { chat_id: 1, text: 'x' })).rejects.toEqual(
      new ApiError(400, 'Bad Request: chat not found'),
    );
    emu().reset();
    expect(emu().calls).toHaveLength(0);
    expect(() => emu().chat(ANN)).toThrow('unknown chat');
    expect((await call(root(), 'getMe')).status).toBe(200);
  });

  it('parses MarkdownV2 and legacy Markdown in sendMessage', async () => {
    startedUser(emu());
    const v2 = await ok<{ text: string; entities: unknown[] }>(root(), 'sendMessage', {
      chat_id: ANN,
      text: '*Price:* 10\\.5 ₽',
      parse_mode: 'MarkdownV2',
    });
    expect(v2).toMatchObject({ text: 'Price: 10.5 ₽', entities: [{ type: 'bold', offset: 0, length: 6 }] });
    expect(
      await fail(root(), 'sendMessage', { chat_id: ANN, text: 'Price: 10.5', parse_mode: 'MarkdownV2' }),
    ).toEqual([
      400,
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    ]);
    const v1 = await ok<{ text: string; entities: unknown[] }>(root(), 'sendMessage', {
      chat_id: ANN,
      text: '_hi_ [site](https://example.com) 1.5',
      parse_mode: 'Markdown',
    });
    expect(v1).toMatchObject({
      text: 'hi site 1.5',
      entities: [
        { type: 'italic', offset: 0, length: 2 },
        { type: 'text_link', offset: 3, length: 4, url: 'https://example.com/' },
      ],
    });
  });

  it('sends documents and serves their bytes', async () => {
    startedUser(emu());
    const form = new FormData();
    form.set('chat_id', String(ANN));
    form.set('caption', 'Price list');
    form.set('document', new Blob([Buffer.from('a,b\n1,2\n')], { type: 'text/csv' }), 'prices.csv');
    const res = await fetch(`${root()}/bot${TOKEN}/sendDocument`, { method: 'POST', body: form });
    const body = (await res.json()) as {
      ok: boolean;
      result: { document: { file_id: string; file_name: string } };
    };
    expect(body.ok).toBe(true);
    expect(body.result.document.file_name).toBe('prices.csv');
    const file = await ok<{ file_path: string; file_size: number }>(root(), 'getFile', {
      file_id: body.result.document.file_id,
    });
    expect(file.file_size).toBe(8);
    const download = await fetch(`${root()}/file/bot${TOKEN}/${file.file_path}`);
    expect(await download.text()).toBe('a,b\n1,2\n');
    expect(emu().fileInfo(body.result.document.file_id)?.mimeType).toBe('text/csv');
    expect(await fail(root(), 'getFile', { file_id: 'nope' })).toEqual([400, 'Bad Request: invalid file_id']);
  });

  it('accepts photos by URL and stores them as is (default)', async () => {
    startedUser(emu());
    const sent = await ok<{ photo: Array<{ file_id: string; width: number }> }>(root(), 'sendPhoto', {
      chat_id: ANN,
      photo: 'https://cdn.example.com/cover.jpg',
    });
    const id = sent.photo[0]?.file_id ?? '';
    expect(emu().fileInfo(id)?.url).toBe('https://cdn.example.com/cover.jpg');
    expect(await fail(root(), 'sendPhoto', { chat_id: ANN })).toEqual([
      400,
      'Bad Request: there is no photo in the request',
    ]);
  });
});

describe('photo URLs in fetch mode', () => {
  let server: Server | undefined;
  let emu: TelegramEmulator | undefined;
  afterEach(async () => {
    await emu?.stop();
    await new Promise((r) => server?.close(r));
  });

  it('stores the downloaded image with its real size', async () => {
    emu = new TelegramEmulator({ token: TOKEN, photoUrls: 'fetch' });
    const { apiRoot } = await emu.start();
    startedUser(emu);
    const png = makePng(40, 30);
    server = createServer((req, res) => {
      if (req.url === '/ok.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const sent = await ok<{ photo: Array<{ width: number; height: number; file_id: string }> }>(
      apiRoot,
      'sendPhoto',
      {
        chat_id: ANN,
        photo: `${base}/ok.png`,
      },
    );
    expect(sent.photo.map((p) => [p.width, p.height])).toEqual([[40, 30]]);
    expect(emu.fileBytes(sent.photo[0]?.file_id ?? '')?.equals(png)).toBe(true);
    expect(await fail(apiRoot, 'sendPhoto', { chat_id: ANN, photo: `${base}/missing.png` })).toEqual([
      400,
      'Bad Request: failed to get HTTP URL content',
    ]);
    expect(await fail(apiRoot, 'sendPhoto', { chat_id: ANN, photo: `${base}/page` })).toEqual([
      400,
      'Bad Request: wrong type of the web page content',
    ]);
  });
});

describe('call log limit', () => {
  const { emu } = useEmulator({ maxCallLog: 10 });
  it('keeps about maxCallLog records, dropping the oldest in chunks', async () => {
    for (let i = 0; i < 250; i++) await emu().invoke('getMe');
    expect(emu().calls.length).toBeGreaterThanOrEqual(10);
    expect(emu().calls.length).toBeLessThanOrEqual(110);
    expect(emu().calls.every((c) => c.source === 'invoke')).toBe(true);
    expect(emu().stats().callsByMethod.getme).toBe(250);
  });
});

describe('request size limit', () => {
  const { root } = useEmulator({ maxBodyBytes: 1000 });
  it('answers 413 to bodies over the limit', async () => {
    const res = await call(root(), 'sendMessage', { chat_id: ANN, text: 'x'.repeat(2000) });
    expect(res).toEqual({
      status: 413,
      body: { ok: false, error_code: 413, description: 'Request Entity Too Large' },
    });
  });
});
