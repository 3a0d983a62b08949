import { Bot, InlineKeyboard, InputFile } from 'grammy';
import { describe, expect, it } from 'vitest';
import { makePng } from '../../src/sandbox/emulator/index.js';
import { ANN, TOKEN, useEmulator } from './helpers.js';

describe('with a real grammY bot', () => {
  const { emu, root } = useEmulator();

  it('polls with bot.start(), receives a driver text, replies, and stops cleanly', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    bot.command('start', (ctx) =>
      ctx.reply(`Hello, <b>${ctx.from?.first_name ?? ''}</b>! Payload: ${ctx.match}`, {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text('Catalog', 'catalog').url('Site', 'https://example.com'),
      }),
    );
    bot.callbackQuery('catalog', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Opening…' });
      await ctx.editMessageText('Catalog is empty');
    });
    let running: Promise<void> | undefined;
    // drop_pending_updates would drop a message sent before the bot is up, as on Telegram: wait for onStart
    await new Promise<void>((resolve) => {
      running = bot.start({ drop_pending_updates: true, onStart: () => resolve() });
    });
    emu().createUser({ id: ANN, first_name: 'Ann', language_code: 'en' });
    emu().sendText(ANN, '/start promo_42');

    const reply = await emu().waitFor(ANN, (m) => m.text?.startsWith('Hello') ?? false);
    expect(reply.text).toBe('Hello, Ann! Payload: promo_42');
    expect(reply.entities).toEqual([{ type: 'bold', offset: 7, length: 3 }]);
    expect(reply.html).toBe('Hello, <b>Ann</b>! Payload: promo_42');
    expect(reply.from?.id).toBe(123456);

    const answer = await emu().pressButton(ANN, reply.message_id, 'catalog');
    expect(answer).toEqual({ text: 'Opening…' });
    const edited = await emu().waitFor(ANN, (m) => m.text === 'Catalog is empty');
    expect(edited.message_id).toBe(reply.message_id);
    expect(edited.edit_count).toBe(1);
    // editing without reply_markup removes the inline keyboard, like Telegram
    expect(edited.reply_markup).toBeUndefined();

    await bot.stop();
    await running;
    expect(bot.isRunning()).toBe(false);
    const methods = emu().calls.map((c) => c.method);
    expect(methods.slice(0, 3)).toEqual(['getMe', 'deleteWebhook', 'getUpdates']);
    expect(methods).toContain('sendMessage');
    expect(methods).toContain('answerCallbackQuery');
    expect(methods).toContain('editMessageText');
    // the stop confirms the last update so nothing is pending
    expect(emu().pendingUpdates).toHaveLength(0);
    expect(
      emu()
        .chat(ANN)
        .messages.map((m) => [m.sender, m.text]),
    ).toEqual([
      ['user', '/start promo_42'],
      ['bot', 'Catalog is empty'],
    ]);
  });

  it('uploads a photo with InputFile (multipart), then resends it by file_id', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    emu().createUser({ id: ANN, first_name: 'Ann' });
    emu().sendText(ANN, 'hi');
    const png = makePng(1000, 800);
    const sent = await bot.api.sendPhoto(ANN, new InputFile(png, 'cover.png'), {
      caption: '<i>Cover</i>',
      parse_mode: 'HTML',
    });
    expect(sent.photo.map((p) => [p.width, p.height])).toEqual([
      [90, 72],
      [320, 256],
      [800, 640],
      [1000, 800],
    ]);
    expect(sent.caption).toBe('Cover');
    expect(sent.caption_entities).toEqual([{ type: 'italic', offset: 0, length: 5 }]);
    const largest = sent.photo.at(-1);
    if (!largest) throw new Error('no photo');
    expect(emu().fileBytes(largest.file_id)?.equals(png)).toBe(true);

    const again = await bot.api.sendPhoto(ANN, largest.file_id);
    expect(again.photo.at(-1)?.file_unique_id).toBe(largest.file_unique_id);
    expect(emu().lastBotMessage(ANN)?.photo_file_id).toBe(largest.file_id);

    const file = await bot.api.getFile(largest.file_id);
    expect(file.file_path).toMatch(/^photos\/file_\d+\.png$/);
    const download = await fetch(`${root()}/file/bot${TOKEN}/${file.file_path}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);

    await expect(bot.api.sendPhoto(ANN, 'AgACAgIAAxkUnknownFileId')).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: wrong file identifier/HTTP URL specified',
    });
    await expect(
      bot.api.sendPhoto(ANN, new InputFile(Buffer.from('not an image'), 'x.png')),
    ).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: IMAGE_PROCESS_FAILED',
    });
  });

  it('lets the bot reuse the file_id of a photo a user sent', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    emu().createUser({ id: ANN, first_name: 'Ann' });
    const userPhoto = emu().sendPhoto(ANN, { caption: 'my screenshot' });
    const updates = await bot.api.getUpdates();
    const fileId = updates[0]?.message?.photo?.at(-1)?.file_id;
    expect(fileId).toBe(userPhoto.photo_file_id);
    expect(updates[0]?.message?.caption).toBe('my screenshot');
    const copy = await bot.api.copyMessage(ANN, ANN, userPhoto.message_id, { caption: 'Got it' });
    const copied = emu().message(ANN, copy.message_id);
    expect(copied?.photo_file_id).toBe(fileId);
    expect(copied?.caption).toBe('Got it');
    const sent = await bot.api.sendPhoto(ANN, fileId ?? '');
    expect(sent.photo.at(-1)?.file_id).toBe(fileId);
  });
});
