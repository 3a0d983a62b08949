import { describe, expect, it } from 'vitest';
import { ANN, BOB, ok, startedUser, useEmulator } from './helpers.js';

const CHANNEL = -1001000000077;

describe('changing the world under a running bot', () => {
  const { emu, root } = useEmulator();

  it('a user who switches their app language sends later updates with the new language_code', async () => {
    startedUser(emu());
    await ok(root(), 'getUpdates', { offset: 0 });
    emu().setUserLanguage(ANN, 'ru');
    emu().sendText(ANN, 'привет');
    emu().setUserLanguage(ANN, undefined);
    emu().sendText(ANN, 'no language');
    const updates = await ok<{ message: { from: { language_code?: string } } }[]>(root(), 'getUpdates', {
      offset: 2,
    });
    expect(updates.map((u) => u.message.from.language_code)).toEqual(['ru', undefined]);
  });

  it('clearChats empties every chat and menu, makes members leave (with chat_member) and never reuses ids', async () => {
    startedUser(emu());
    emu().createUser({ id: BOB, first_name: 'Bob' });
    emu().createChannel({ id: CHANNEL, title: 'Studio' });
    emu().setMemberStatus(CHANNEL, BOB, 'creator');
    emu().joinChannel(ANN, CHANNEL);
    const sent = await ok<{ message_id: number }>(root(), 'sendMessage', {
      chat_id: ANN,
      text: 'pick',
      reply_markup: { keyboard: [[{ text: 'A' }]] },
    });
    await ok(root(), 'setMyCommands', {
      commands: [{ command: 'tickets', description: 'Tickets' }],
      scope: { type: 'chat', chat_id: ANN },
    });
    await ok(root(), 'setMyCommands', { commands: [{ command: 'catalog', description: 'Catalog' }] });
    await ok(root(), 'sendMessage', { chat_id: CHANNEL, text: 'news' });
    emu().blockBot(ANN);
    const before = await ok<{ update_id: number }[]>(root(), 'getUpdates', {
      allowed_updates: ['message', 'chat_member'],
      timeout: 0,
    });
    const offset = (before.at(-1)?.update_id ?? 0) + 1;

    emu().clearChats();

    expect(emu().chat(ANN).messages).toEqual([]);
    expect(emu().chat(ANN).replyKeyboard).toBeUndefined();
    expect(emu().chat(CHANNEL).messages).toEqual([]);
    expect(emu().userState(ANN)).toEqual({ started: false, blocked: false });
    expect(
      emu()
        .commandsFor(ANN)
        .map((c) => c.command),
    ).toEqual(['catalog']);
    const member = (user: number) =>
      ok<{ status: string }>(root(), 'getChatMember', { chat_id: CHANNEL, user_id: user });
    expect((await member(ANN)).status).toBe('left');
    expect((await member(BOB)).status).toBe('creator');
    const after = await ok<{ chat_member?: { from: { id: number }; new_chat_member: { status: string } } }[]>(
      root(),
      'getUpdates',
      { offset, timeout: 0 },
    );
    expect(after.map((u) => [u.chat_member?.from.id, u.chat_member?.new_chat_member.status])).toEqual([
      [ANN, 'left'],
    ]);

    const next = emu().sendText(ANN, '/start');
    expect(next.message_id).toBeGreaterThan(sent.message_id);
  });
});
