import { afterEach, describe, expect, it } from 'vitest';
import { type EmulatorSnapshot, makePng, TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { ANN, BOB, fail, ok, TOKEN, useEmulator } from './helpers.js';

const CHANNEL = -1001234567890;
const CLOSED_CHANNEL = -1001234567891;

/** Builds a world in `emu`: Ann chatting with the bot (texts, a photo, keyboards), Bob blocked, two channels. */
async function buildWorld(emu: TelegramEmulator, root: string): Promise<void> {
  emu.createChannel({ id: CHANNEL, title: 'PHOENIX', username: 'phoenix_channel' });
  emu.createChannel({ id: CLOSED_CHANNEL, title: 'Closed', botIsAdmin: false });
  emu.createUser({ id: ANN, first_name: 'Ann', username: 'ann', language_code: 'en' });
  emu.createUser({ id: BOB, first_name: 'Bob', last_name: 'Stone' });
  emu.sendText(ANN, '/start');
  emu.sendPhoto(ANN, { bytes: makePng(64, 48, [0, 128, 255]), caption: 'my logo' });
  await ok(root, 'sendMessage', {
    chat_id: ANN,
    text: '<b>Welcome</b>',
    parse_mode: 'HTML',
    reply_markup: { inline_keyboard: [[{ text: 'Catalog', callback_data: 'catalog' }]] },
  });
  await ok(root, 'sendMessage', {
    chat_id: ANN,
    text: 'Pick one',
    reply_markup: { keyboard: [[{ text: 'Orders' }]], resize_keyboard: true },
  });
  await ok(root, 'sendPhoto', { chat_id: CHANNEL, photo: emu.chat(ANN).messages[1]?.photo_file_id });
  await ok(root, 'setMyCommands', {
    commands: [{ command: 'start', description: 'Start' }],
    scope: { type: 'all_private_chats' },
    language_code: 'en',
  });
  emu.sendText(BOB, 'hello');
  emu.blockBot(BOB);
  emu.setMemberStatus(CHANNEL, BOB, 'creator');
  emu.joinChannel(ANN, CHANNEL);
}

describe('emulator snapshot and restore', () => {
  const { emu, root } = useEmulator();
  let restored: TelegramEmulator | undefined;
  afterEach(async () => {
    await restored?.stop();
    restored = undefined;
  });

  /** A second emulator started with the world of the first one, passed through JSON like a file. */
  async function restartFrom(snapshot: EmulatorSnapshot): Promise<{ emu: TelegramEmulator; root: string }> {
    restored = new TelegramEmulator({ token: TOKEN });
    const started = await restored.start();
    restored.restore(JSON.parse(JSON.stringify(snapshot)) as EmulatorSnapshot);
    return { emu: restored, root: started.apiRoot };
  }

  it('brings back users, messages, keyboards, flags and command menus in a new emulator', async () => {
    await buildWorld(emu(), root());
    const next = await restartFrom(emu().snapshot());

    for (const chatId of [ANN, BOB, CHANNEL]) {
      expect(next.emu.chat(chatId).messages).toEqual(emu().chat(chatId).messages);
    }
    expect(next.emu.user(ANN)).toEqual(emu().user(ANN));
    expect(next.emu.user(BOB)).toEqual({ id: BOB, is_bot: false, first_name: 'Bob', last_name: 'Stone' });
    expect(next.emu.userState(ANN)).toEqual({ started: true, blocked: false });
    expect(next.emu.userState(BOB)).toEqual({ started: true, blocked: true });
    expect(next.emu.chat(ANN).replyKeyboard).toEqual({
      keyboard: [[{ text: 'Orders' }]],
      resize_keyboard: true,
    });
    expect(next.emu.commandsFor(ANN)).toEqual([{ command: 'start', description: 'Start' }]);
    expect(next.emu.lastBotMessage(ANN)?.text).toBe('Pick one');
    const welcome = next.emu.botMessages(ANN)[0];
    expect(welcome?.entities).toEqual([{ type: 'bold', offset: 0, length: 7 }]);
    expect(await fail(next.root, 'sendMessage', { chat_id: BOB, text: 'hi' })).toEqual([
      403,
      'Forbidden: bot was blocked by the user',
    ]);
  });

  it('keeps channel membership and whether the bot is an administrator', async () => {
    await buildWorld(emu(), root());
    const next = await restartFrom(emu().snapshot());
    const member = (user_id: number) =>
      ok<{ status: string }>(next.root, 'getChatMember', { chat_id: '@phoenix_channel', user_id });

    expect((await member(ANN)).status).toBe('member');
    expect((await member(BOB)).status).toBe('creator');
    expect(await fail(next.root, 'getChatMember', { chat_id: CLOSED_CHANNEL, user_id: ANN })).toEqual([
      400,
      'Bad Request: member list is inaccessible',
    ]);
  });

  it('keeps uploaded files: the bot can send and download them by their old file_id', async () => {
    await buildWorld(emu(), root());
    const photoId = emu().chat(ANN).messages[1]?.photo_file_id as string;
    const next = await restartFrom(emu().snapshot());

    expect(next.emu.fileBytes(photoId)).toEqual(makePng(64, 48, [0, 128, 255]));
    const file = await ok<{ file_path: string }>(next.root, 'getFile', { file_id: photoId });
    const download = await fetch(`${next.root}/file/bot${TOKEN}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(makePng(64, 48, [0, 128, 255]));
    const sent = await ok<{ photo: { file_id: string }[] }>(next.root, 'sendPhoto', {
      chat_id: ANN,
      photo: photoId,
    });
    expect(sent.photo.at(-1)?.file_id).toBe(photoId);
  });

  it('numbers new messages, updates and files after the saved ones', async () => {
    await buildWorld(emu(), root());
    const lastAnn = emu().chat(ANN).messages.at(-1)?.message_id as number;
    const lastPost = emu().chat(CHANNEL).messages.at(-1)?.message_id as number;
    const lastUpdate = emu().pendingUpdates.at(-1)?.update_id as number;
    const oldPaths = new Set(
      emu()
        .chat(ANN)
        .messages.flatMap((m) => m.photo ?? [])
        .map((size) => emu().fileInfo(size.file_id)?.filePath),
    );
    const next = await restartFrom(emu().snapshot());

    const sent = await ok<{ message_id: number }>(next.root, 'sendMessage', { chat_id: ANN, text: 'again' });
    expect(sent.message_id).toBe(lastAnn + 1);
    expect(next.emu.sendText(ANN, 'me too').message_id).toBe(lastAnn + 2);
    const post = await ok<{ message_id: number }>(next.root, 'sendMessage', {
      chat_id: CHANNEL,
      text: 'news',
    });
    expect(post.message_id).toBe(lastPost + 1);
    expect(next.emu.pendingUpdates.map((u) => u.update_id)).toEqual([lastUpdate + 1]);
    const photo = next.emu.sendPhoto(ANN).photo ?? [];
    expect(photo.length).toBeGreaterThan(0);
    for (const size of photo) expect(oldPaths.has(next.emu.fileInfo(size.file_id)?.filePath)).toBe(false);
  });

  it('is a copy: later changes of the emulator do not alter a snapshot taken before', async () => {
    await buildWorld(emu(), root());
    const snapshot = emu().snapshot();
    const before = JSON.stringify(snapshot);
    emu().sendText(ANN, 'after the snapshot');
    emu().unblockBot(BOB);
    await ok(root(), 'editMessageText', {
      chat_id: ANN,
      message_id: emu().botMessages(ANN)[0]?.message_id,
      text: 'Edited',
    });
    expect(JSON.stringify(snapshot)).toBe(before);
  });

  it('replaces the whole world and refuses a snapshot of another version', async () => {
    await buildWorld(emu(), root());
    const snapshot = emu().snapshot();
    emu().createUser({ id: 7000000003, first_name: 'Cat' });
    emu().restore(snapshot);
    expect(() => emu().user(7000000003)).toThrow('unknown user');
    expect(emu().chat(ANN).messages).toHaveLength(snapshot.users[0]?.chat.messages.length ?? -1);
    expect(() => emu().restore({ ...snapshot, version: 2 } as unknown as EmulatorSnapshot)).toThrow(
      'unsupported emulator snapshot version 2',
    );
  });
});
