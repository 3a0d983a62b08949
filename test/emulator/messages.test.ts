import { describe, expect, it } from 'vitest';
import { makePng } from '../../src/sandbox/emulator/index.js';
import { ANN, BOB, call, fail, ok, startedUser, useEmulator } from './helpers.js';

interface Msg {
  message_id: number;
  text?: string;
  caption?: string;
  entities?: unknown[];
  reply_markup?: unknown;
  reply_to_message?: { message_id: number };
  forward_origin?: unknown;
  edit_date?: number;
}

const NOT_MODIFIED =
  'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

describe('sendMessage validation', () => {
  const { emu, root } = useEmulator();

  it('enforces text length after entity parsing, in UTF-16 code units', async () => {
    startedUser(emu());
    expect(await fail(root(), 'sendMessage', { chat_id: ANN })).toEqual([
      400,
      'Bad Request: message text is empty',
    ]);
    expect(await fail(root(), 'sendMessage', { chat_id: ANN, text: '' })).toEqual([
      400,
      'Bad Request: message text is empty',
    ]);
    expect(
      await fail(root(), 'sendMessage', { chat_id: ANN, text: '<b> </b>\n', parse_mode: 'HTML' }),
    ).toEqual([400, 'Bad Request: message text is empty']);
    expect(
      (await ok<Msg>(root(), 'sendMessage', { chat_id: ANN, text: 'x'.repeat(4096) })).text,
    ).toHaveLength(4096);
    expect(await fail(root(), 'sendMessage', { chat_id: ANN, text: 'x'.repeat(4097) })).toEqual([
      400,
      'Bad Request: message is too long',
    ]);
    // markup does not count: 4096 characters of text inside tags is fine
    const tagged = `<b>${'y'.repeat(4096)}</b>`;
    expect(
      (await ok<Msg>(root(), 'sendMessage', { chat_id: ANN, text: tagged, parse_mode: 'HTML' })).text,
    ).toHaveLength(4096);
    // 2048 emoji = 4096 UTF-16 units (ok), 2049 = 4098 (too long)
    expect((await call(root(), 'sendMessage', { chat_id: ANN, text: '😀'.repeat(2048) })).status).toBe(200);
    expect(await fail(root(), 'sendMessage', { chat_id: ANN, text: '😀'.repeat(2049) })).toEqual([
      400,
      'Bad Request: message is too long',
    ]);
  });

  it('reports HTML errors and unsupported parse modes', async () => {
    startedUser(emu());
    expect(
      await fail(root(), 'sendMessage', { chat_id: ANN, text: '<div>x</div>', parse_mode: 'HTML' }),
    ).toEqual([400, 'Bad Request: can\'t parse entities: Unsupported start tag "div" at byte offset 0']);
    expect(
      await fail(root(), 'sendMessage', { chat_id: ANN, text: 'Price < 5', parse_mode: 'HTML' }),
    ).toEqual([400, 'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 6']);
    expect(await fail(root(), 'sendMessage', { chat_id: ANN, text: '<b>x', parse_mode: 'html' })).toEqual([
      400,
      'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    ]);
    expect(await fail(root(), 'sendMessage', { chat_id: ANN, text: 'x', parse_mode: 'BBCode' })).toEqual([
      400,
      'Bad Request: unsupported parse_mode',
    ]);
  });

  it('accepts explicit entities instead of a parse mode', async () => {
    startedUser(emu());
    const sent = await ok<Msg>(root(), 'sendMessage', {
      chat_id: ANN,
      text: 'Hi <you>',
      entities: [
        { type: 'bold', offset: 0, length: 2 },
        { type: 'mention', offset: 3, length: 5 },
      ],
    });
    // text is not parsed; entity types Telegram detects itself are dropped
    expect(sent.text).toBe('Hi <you>');
    expect(sent.entities).toEqual([{ type: 'bold', offset: 0, length: 2 }]);
    expect(
      await fail(root(), 'sendMessage', {
        chat_id: ANN,
        text: 'Hi',
        entities: [{ type: 'bold', offset: 0, length: 10 }],
      }),
    ).toEqual([
      400,
      'Bad Request: Entity beginning at UTF-16 offset 0 ends after the end of the text at UTF-16 offset 10',
    ]);
  });

  it('finds chats and enforces who the bot may write to', async () => {
    expect(await fail(root(), 'sendMessage', { chat_id: 42, text: 'x' })).toEqual([
      400,
      'Bad Request: chat not found',
    ]);
    expect(await fail(root(), 'sendMessage', { chat_id: '@nobody', text: 'x' })).toEqual([
      400,
      'Bad Request: chat not found',
    ]);
    emu().createUser({ id: BOB, first_name: 'Bob' });
    expect(await fail(root(), 'sendMessage', { chat_id: BOB, text: 'x' })).toEqual([
      403,
      "Forbidden: bot can't initiate conversation with a user",
    ]);
    emu().sendText(BOB, 'hi');
    expect((await call(root(), 'sendMessage', { chat_id: BOB, text: 'x' })).status).toBe(200);
  });

  it('answers 403 to a user who blocked the bot and emits my_chat_member updates', async () => {
    startedUser(emu());
    await ok(root(), 'getUpdates', { offset: 2 });
    emu().blockBot(ANN);
    expect(await fail(root(), 'sendMessage', { chat_id: ANN, text: 'x' })).toEqual([
      403,
      'Forbidden: bot was blocked by the user',
    ]);
    expect(await fail(root(), 'sendChatAction', { chat_id: ANN, action: 'typing' })).toEqual([
      403,
      'Forbidden: bot was blocked by the user',
    ]);
    expect(() => emu().sendText(ANN, 'hi')).toThrow(
      'user 7000000001 has blocked the bot: call unblockBot first',
    );
    emu().unblockBot(ANN);
    const updates = await ok<Array<{ update_id: number; my_chat_member: Record<string, unknown> }>>(
      root(),
      'getUpdates',
      {},
    );
    expect(updates.map((u) => u.update_id)).toEqual([2, 3]);
    const [blocked, unblocked] = updates.map((u) => u.my_chat_member);
    expect(blocked?.chat).toEqual({ id: ANN, type: 'private', first_name: 'Ann', username: 'ann' });
    expect(blocked?.from).toEqual(emu().user(ANN));
    expect(blocked?.old_chat_member).toEqual({ status: 'member', user: emu().bot });
    expect(blocked?.new_chat_member).toEqual({ status: 'kicked', user: emu().bot, until_date: 0 });
    expect(unblocked?.new_chat_member).toEqual({ status: 'member', user: emu().bot });
    expect((await call(root(), 'sendMessage', { chat_id: ANN, text: 'welcome back' })).status).toBe(200);
  });

  it('checks reply targets', async () => {
    startedUser(emu());
    expect(
      await fail(root(), 'sendMessage', { chat_id: ANN, text: 'x', reply_parameters: { message_id: 99 } }),
    ).toEqual([400, 'Bad Request: message to be replied not found']);
    expect(await fail(root(), 'sendMessage', { chat_id: ANN, text: 'x', reply_to_message_id: 99 })).toEqual([
      400,
      'Bad Request: message to be replied not found',
    ]);
    const lenient = await ok<Msg>(root(), 'sendMessage', {
      chat_id: ANN,
      text: 'x',
      reply_parameters: { message_id: 99, allow_sending_without_reply: true },
    });
    expect(lenient.reply_to_message).toBeUndefined();
    const reply = await ok<Msg>(root(), 'sendMessage', {
      chat_id: ANN,
      text: 'y',
      reply_parameters: { message_id: 1 },
    });
    expect(reply.reply_to_message?.message_id).toBe(1);
  });

  it('validates inline keyboards', async () => {
    startedUser(emu());
    const send = (buttons: unknown[]) =>
      call(root(), 'sendMessage', { chat_id: ANN, text: 'k', reply_markup: { inline_keyboard: [buttons] } });
    const cyr32 = 'я'.repeat(32); // 64 bytes in UTF-8
    expect((await send([{ text: 'ok', callback_data: cyr32 }])).status).toBe(200);
    expect((await send([{ text: 'ok', callback_data: 'x'.repeat(64) }])).status).toBe(200);
    const tooLong = await send([{ text: 'no', callback_data: `${cyr32}a` }]);
    expect(tooLong.body.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect((await send([{ text: 'no', callback_data: '' }])).body.description).toBe(
      'Bad Request: BUTTON_DATA_INVALID',
    );
    expect((await send([{ text: 'only text' }])).body.description).toBe('Bad Request: BUTTON_TYPE_INVALID');
    expect((await send([{ text: '', callback_data: 'a' }])).body.description).toBe(
      'Bad Request: BUTTON_TYPE_INVALID',
    );
    expect((await send([{ text: 'two', callback_data: 'a', url: 'https://x.io' }])).body.description).toBe(
      'Bad Request: BUTTON_TYPE_INVALID',
    );
    expect((await send([{ text: 'u', url: 'ftp://x.io' }])).body.description).toBe(
      'Bad Request: BUTTON_URL_INVALID',
    );
    expect((await send([{ text: 'u', url: 'javascript:alert(1)' }])).body.description).toBe(
      'Bad Request: BUTTON_URL_INVALID',
    );
    expect((await send([{ text: 'u', url: 'tg://resolve?domain=x' }])).status).toBe(200);
    const malformed = await call(root(), 'sendMessage', {
      chat_id: ANN,
      text: 'k',
      reply_markup: '{not json',
    });
    expect(malformed).toEqual({
      status: 400,
      body: {
        ok: false,
        error_code: 400,
        description: "Bad Request: can't parse reply keyboard markup JSON object",
      },
    });
    const wrongShape = await call(root(), 'sendMessage', {
      chat_id: ANN,
      text: 'k',
      reply_markup: { inline_keyboard: 5 },
    });
    expect(wrongShape.body.description).toBe("Bad Request: can't parse reply keyboard markup JSON object");
  });

  it('keeps reply keyboards as chat state', async () => {
    startedUser(emu());
    await ok(root(), 'sendMessage', {
      chat_id: ANN,
      text: 'Choose',
      reply_markup: { keyboard: [['A', { text: 'B' }]], resize_keyboard: true, one_time_keyboard: true },
    });
    expect(emu().chat(ANN).replyKeyboard).toEqual({
      keyboard: [[{ text: 'A' }, { text: 'B' }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    });
    emu().sendText(ANN, 'A');
    expect(emu().chat(ANN).replyKeyboard).toBeUndefined();
    await ok(root(), 'sendMessage', { chat_id: ANN, text: 'Menu', reply_markup: { keyboard: [['X']] } });
    await ok(root(), 'sendMessage', { chat_id: ANN, text: 'Bye', reply_markup: { remove_keyboard: true } });
    expect(emu().chat(ANN).replyKeyboard).toBeUndefined();
  });
});

describe('editing and deleting', () => {
  const { emu, root } = useEmulator();
  const markup = { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] };

  it('rejects edits that change nothing, and accepts real changes', async () => {
    startedUser(emu());
    const m = await ok<Msg>(root(), 'sendMessage', {
      chat_id: ANN,
      text: '<b>Hi</b>',
      parse_mode: 'HTML',
      reply_markup: markup,
    });
    const same = {
      chat_id: ANN,
      message_id: m.message_id,
      text: '<b>Hi</b>',
      parse_mode: 'HTML',
      reply_markup: markup,
    };
    expect(await fail(root(), 'editMessageText', same)).toEqual([400, NOT_MODIFIED]);
    // other entities = modified
    const plain = await ok<Msg>(root(), 'editMessageText', { ...same, text: 'Hi' });
    expect(plain.entities).toBeUndefined();
    expect(plain.edit_date).toBeTypeOf('number');
    // dropping the keyboard = modified
    const noKeyboard = await ok<Msg>(root(), 'editMessageText', {
      chat_id: ANN,
      message_id: m.message_id,
      text: 'Hi',
    });
    expect(noKeyboard.reply_markup).toBeUndefined();
    expect(await fail(root(), 'editMessageReplyMarkup', { chat_id: ANN, message_id: m.message_id })).toEqual([
      400,
      NOT_MODIFIED,
    ]);
    await ok(root(), 'editMessageReplyMarkup', {
      chat_id: ANN,
      message_id: m.message_id,
      reply_markup: markup,
    });
    const stored = emu().message(ANN, m.message_id);
    expect(stored?.edit_count).toBe(3);
    expect(stored?.edited).toBe(true);
    expect(stored?.html).toBeUndefined();
    expect(stored?.reply_markup).toEqual(markup);
  });

  it('rejects edits of missing, deleted, foreign and wrong-kind messages', async () => {
    startedUser(emu());
    expect(await fail(root(), 'editMessageText', { chat_id: ANN, message_id: 77, text: 'x' })).toEqual([
      400,
      'Bad Request: message to edit not found',
    ]);
    // message 1 is the user's /start
    expect(await fail(root(), 'editMessageText', { chat_id: ANN, message_id: 1, text: 'x' })).toEqual([
      400,
      "Bad Request: message can't be edited",
    ]);
    expect(await fail(root(), 'editMessageText', { chat_id: ANN, text: 'x' })).toEqual([
      400,
      'Bad Request: message identifier is not specified',
    ]);
    const text = await ok<Msg>(root(), 'sendMessage', { chat_id: ANN, text: 'text' });
    expect(
      await fail(root(), 'editMessageCaption', { chat_id: ANN, message_id: text.message_id, caption: 'c' }),
    ).toEqual([400, 'Bad Request: there is no caption in the message to edit']);
    const photo = await ok<Msg>(root(), 'sendPhoto', {
      chat_id: ANN,
      photo: emu().sendPhoto(ANN).photo_file_id,
      caption: 'old',
    });
    expect(
      await fail(root(), 'editMessageText', { chat_id: ANN, message_id: photo.message_id, text: 'x' }),
    ).toEqual([400, 'Bad Request: there is no text in the message to edit']);
    const recaptioned = await ok<Msg>(root(), 'editMessageCaption', {
      chat_id: ANN,
      message_id: photo.message_id,
      caption: 'new',
    });
    expect(recaptioned.caption).toBe('new');
    expect(
      await fail(root(), 'editMessageCaption', {
        chat_id: ANN,
        message_id: photo.message_id,
        caption: 'new',
      }),
    ).toEqual([400, NOT_MODIFIED]);

    expect(await ok(root(), 'deleteMessage', { chat_id: ANN, message_id: text.message_id })).toBe(true);
    expect(emu().message(ANN, text.message_id)?.deleted).toBe(true);
    expect(await fail(root(), 'deleteMessage', { chat_id: ANN, message_id: text.message_id })).toEqual([
      400,
      'Bad Request: message to delete not found',
    ]);
    expect(
      await fail(root(), 'editMessageText', { chat_id: ANN, message_id: text.message_id, text: 'x' }),
    ).toEqual([400, 'Bad Request: message to edit not found']);
    expect(
      emu()
        .botMessages(ANN)
        .map((m) => m.message_id),
    ).toEqual([photo.message_id]);
    expect(
      emu()
        .botMessages(ANN, { includeDeleted: true })
        .map((m) => m.message_id),
    ).toEqual([text.message_id, photo.message_id]);
  });

  it('replaces a photo with editMessageMedia', async () => {
    startedUser(emu());
    const first = emu().sendPhoto(ANN, { bytes: makePng(100, 50) });
    const second = emu().sendPhoto(ANN, { bytes: makePng(60, 60) });
    const sent = await ok<Msg>(root(), 'sendPhoto', { chat_id: ANN, photo: first.photo_file_id });
    const media = { type: 'photo', media: second.photo_file_id, caption: 'v2' };
    const edited = await ok<Msg & { photo: Array<{ width: number }> }>(root(), 'editMessageMedia', {
      chat_id: ANN,
      message_id: sent.message_id,
      media,
    });
    expect(edited.photo.map((p) => p.width)).toEqual([60]);
    expect(edited.caption).toBe('v2');
    expect(
      await fail(root(), 'editMessageMedia', { chat_id: ANN, message_id: sent.message_id, media }),
    ).toEqual([400, NOT_MODIFIED]);
  });

  it('copies and forwards messages', async () => {
    startedUser(emu());
    emu().createUser({ id: BOB, first_name: 'Bob' });
    emu().sendText(BOB, 'hi');
    const question = emu().sendText(ANN, 'I need a <website> & more');
    const copy = await ok<{ message_id: number }>(root(), 'copyMessage', {
      chat_id: BOB,
      from_chat_id: ANN,
      message_id: question.message_id,
    });
    expect(copy).toEqual({ message_id: 2 });
    expect(emu().message(BOB, 2)?.text).toBe('I need a <website> & more');
    const forwarded = await ok<Msg>(root(), 'forwardMessage', {
      chat_id: BOB,
      from_chat_id: ANN,
      message_id: question.message_id,
    });
    expect(forwarded.forward_origin).toEqual({
      type: 'user',
      date: question.date,
      sender_user: emu().user(ANN),
    });
    expect(await fail(root(), 'copyMessage', { chat_id: BOB, from_chat_id: ANN, message_id: 99 })).toEqual([
      400,
      'Bad Request: message to copy not found',
    ]);
    expect(await fail(root(), 'forwardMessage', { chat_id: BOB, from_chat_id: ANN, message_id: 99 })).toEqual(
      [400, 'Bad Request: message to forward not found'],
    );
  });

  it('validates chat actions', async () => {
    startedUser(emu());
    expect(await ok(root(), 'sendChatAction', { chat_id: ANN, action: 'typing' })).toBe(true);
    expect(await fail(root(), 'sendChatAction', { chat_id: ANN, action: 'dancing' })).toEqual([
      400,
      'Bad Request: wrong parameter action in request',
    ]);
  });
});
