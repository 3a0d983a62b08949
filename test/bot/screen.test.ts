import { Api, InlineKeyboard } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_PHOTO, retireKeyboardAt, showScreenAt } from '../../src/bot/ui/screen.js';
import { createLogger } from '../../src/logger.js';
import { type StoredMessage, TelegramEmulator } from '../../src/sandbox/emulator/index.js';

const TOKEN = '5000000002:AAScreen-test-token-0000000000000';
const log = createLogger('silent', TOKEN);
const keyboard = (label: string) => new InlineKeyboard().text(label, 'noop');
const live = (emu: TelegramEmulator, chatId: number) => emu.botMessages(chatId);
const buttons = (m: StoredMessage | undefined) =>
  m?.reply_markup && 'inline_keyboard' in m.reply_markup ? m.reply_markup.inline_keyboard.flat().length : 0;

describe('the screen mechanism, against the Bot API emulator over HTTP', () => {
  let emu: TelegramEmulator;
  let api: Api;
  let nextUser = 8_100_000_001;
  let photo: string;

  beforeAll(async () => {
    emu = new TelegramEmulator({ token: TOKEN });
    const { apiRoot } = await emu.start();
    api = new Api(TOKEN, { apiRoot });
    const owner = newChat();
    photo = emu.sendPhoto(owner).photo_file_id as string;
  });
  afterAll(() => emu.stop());

  function newChat(): number {
    const id = nextUser++;
    emu.createUser({ id, first_name: 'Screen', language_code: 'ru' });
    emu.sendText(id, '/start');
    return id;
  }

  it('edits a text screen into another text screen in place', async () => {
    const chatId = newChat();
    const first = await api.sendMessage(chatId, 'one', { reply_markup: keyboard('a') });
    const result = await showScreenAt(
      api,
      { chatId, messageId: first.message_id },
      { text: '<b>two</b>', keyboard: keyboard('b') },
      log,
    );
    expect(result).toBe('edited');
    expect(live(emu, chatId).map((m) => m.text)).toEqual(['two']);
    expect(live(emu, chatId)[0]?.entities?.[0]?.type).toBe('bold');
  });

  it('takes "message is not modified" as success', async () => {
    const chatId = newChat();
    const first = await api.sendMessage(chatId, 'same', { reply_markup: keyboard('a') });
    const result = await showScreenAt(
      api,
      { chatId, messageId: first.message_id },
      { text: 'same', keyboard: keyboard('a') },
      log,
    );
    expect(result).toBe('unchanged');
    expect(live(emu, chatId)).toHaveLength(1);
  });

  it('changes a photo screen into another photo screen with editMessageMedia', async () => {
    const chatId = newChat();
    const first = await api.sendPhoto(chatId, photo, { caption: 'card 1' });
    const result = await showScreenAt(
      api,
      { chatId, messageId: first.message_id, isPhoto: true },
      { text: 'card 2', photo, keyboard: keyboard('x') },
      log,
    );
    expect(result).toBe('edited');
    expect(live(emu, chatId).map((m) => m.caption)).toEqual(['card 2']);
  });

  it('keeps the photo and edits only the caption with KEEP_PHOTO', async () => {
    const chatId = newChat();
    const first = await api.sendPhoto(chatId, photo, { caption: 'ticket' });
    await showScreenAt(
      api,
      { chatId, messageId: first.message_id, isPhoto: true },
      { text: 'ticket, taken', photo: KEEP_PHOTO },
      log,
    );
    const [only] = live(emu, chatId);
    expect(only?.caption).toBe('ticket, taken');
    expect(only?.photo).toBeDefined();
  });

  it('replaces text by photo and photo by text, leaving one live message', async () => {
    const chatId = newChat();
    const text = await api.sendMessage(chatId, 'text card', { reply_markup: keyboard('a') });
    expect(
      await showScreenAt(api, { chatId, messageId: text.message_id }, { text: 'photo card', photo }, log),
    ).toBe('sent');
    expect(live(emu, chatId).map((m) => m.caption ?? m.text)).toEqual(['photo card']);
    const photoCard = live(emu, chatId)[0] as StoredMessage;
    await showScreenAt(
      api,
      { chatId, messageId: photoCard.message_id, isPhoto: true },
      { text: 'text again' },
      log,
    );
    expect(live(emu, chatId).map((m) => m.caption ?? m.text)).toEqual(['text again']);
  });

  it('a second press on a message an earlier press already replaced sends nothing more (double tap)', async () => {
    const chatId = newChat();
    const card = await api.sendPhoto(chatId, photo, { caption: 'page 1' });
    const target = { chatId, messageId: card.message_id, isPhoto: true };
    expect(await showScreenAt(api, target, { text: 'page 2 (text)' }, log)).toBe('sent');
    expect(await showScreenAt(api, target, { text: 'page 2 (text)' }, log)).toBe('skipped');
    expect(live(emu, chatId).map((m) => m.text)).toEqual(['page 2 (text)']);
  });

  it('sends the screen anew when the message to edit is gone', async () => {
    const chatId = newChat();
    const first = await api.sendMessage(chatId, 'old');
    await api.deleteMessage(chatId, first.message_id);
    expect(await showScreenAt(api, { chatId, messageId: first.message_id }, { text: 'fresh' }, log)).toBe(
      'sent',
    );
    expect(live(emu, chatId).map((m) => m.text)).toEqual(['fresh']);
  });

  it('a photo Telegram refuses is shown as a text screen', async () => {
    const chatId = newChat();
    expect(
      await showScreenAt(api, { chatId }, { text: 'no picture', photo: 'AgACAgIAAxkBAAIBroken' }, log),
    ).toBe('sent');
    expect(live(emu, chatId).map((m) => m.text)).toEqual(['no picture']);
  });

  it('retires a keyboard, and ignores a message that is gone', async () => {
    const chatId = newChat();
    const prompt = await api.sendMessage(chatId, 'prompt', { reply_markup: keyboard('Cancel') });
    expect(buttons(live(emu, chatId)[0])).toBe(1);
    await retireKeyboardAt(api, chatId, prompt.message_id, log);
    expect(buttons(live(emu, chatId)[0])).toBe(0);
    await api.deleteMessage(chatId, prompt.message_id);
    await expect(retireKeyboardAt(api, chatId, prompt.message_id, log)).resolves.toBeUndefined();
  });
});
