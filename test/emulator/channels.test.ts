import { describe, expect, it } from 'vitest';
import { ANN, BOB, fail, ok, useEmulator } from './helpers.js';

const CHANNEL = -1001234567890;

describe('getChatMember in a channel', () => {
  const { emu, root } = useEmulator();

  it('returns each status when the bot is an administrator (by id or @username)', async () => {
    emu().createChannel({ id: CHANNEL, username: 'phoenix_channel', title: 'PHOENIX' });
    emu().createUser({ id: ANN, first_name: 'Ann' });
    emu().createUser({ id: BOB, first_name: 'Bob' });
    const member = (user_id: number, chat_id: number | string = CHANNEL) =>
      ok<{ status: string; is_member?: boolean; user: { id: number } }>(root(), 'getChatMember', {
        chat_id,
        user_id,
      });

    expect(await member(ANN)).toEqual({ status: 'left', user: emu().user(ANN) });
    emu().joinChannel(ANN, CHANNEL);
    expect(await member(ANN, '@phoenix_channel')).toEqual({ status: 'member', user: emu().user(ANN) });
    emu().setMemberStatus(CHANNEL, ANN, 'restricted', { isMember: true });
    expect(await member(ANN)).toMatchObject({ status: 'restricted', is_member: true });
    emu().setMemberStatus(CHANNEL, ANN, 'restricted', { isMember: false });
    expect(await member(ANN)).toMatchObject({ status: 'restricted', is_member: false });
    emu().setMemberStatus(CHANNEL, ANN, 'kicked');
    expect(await member(ANN)).toEqual({ status: 'kicked', user: emu().user(ANN), until_date: 0 });
    emu().leaveChannel(ANN, CHANNEL);
    expect((await member(ANN)).status).toBe('left');
    emu().setMemberStatus(CHANNEL, BOB, 'creator');
    expect((await member(BOB)).status).toBe('creator');
    emu().setMemberStatus(CHANNEL, BOB, 'administrator');
    expect((await member(BOB)).status).toBe('administrator');
    expect((await member(emu().bot.id)).status).toBe('administrator');
  });

  it('fails when the bot is not an administrator or the channel is unknown', async () => {
    emu().createChannel({ id: CHANNEL, username: 'phoenix_channel', title: 'PHOENIX', botIsAdmin: false });
    emu().createUser({ id: ANN, first_name: 'Ann' });
    expect(await fail(root(), 'getChatMember', { chat_id: CHANNEL, user_id: ANN })).toEqual([
      400,
      'Bad Request: member list is inaccessible',
    ]);
    expect(await fail(root(), 'getChatMember', { chat_id: '@unknown_channel', user_id: ANN })).toEqual([
      400,
      'Bad Request: chat not found',
    ]);
    expect(await fail(root(), 'getChatMember', { chat_id: -1009999, user_id: ANN })).toEqual([
      400,
      'Bad Request: chat not found',
    ]);
    emu().setBotAdmin(CHANNEL, true);
    expect(
      (await ok<{ status: string }>(root(), 'getChatMember', { chat_id: CHANNEL, user_id: ANN })).status,
    ).toBe('left');
    expect(await fail(root(), 'getChatMember', { chat_id: CHANNEL, user_id: 5 })).toEqual([
      400,
      'Bad Request: user not found',
    ]);
  });

  it('emits chat_member updates only when asked for in allowed_updates', async () => {
    emu().createChannel({ id: CHANNEL, title: 'PHOENIX' });
    emu().createUser({ id: ANN, first_name: 'Ann' });
    emu().joinChannel(ANN, CHANNEL);
    expect(await ok(root(), 'getUpdates', {})).toEqual([]);
    await ok(root(), 'getUpdates', { allowed_updates: ['message', 'chat_member'] });
    emu().leaveChannel(ANN, CHANNEL);
    const updates = await ok<
      Array<{ chat_member: { old_chat_member: { status: string }; new_chat_member: { status: string } } }>
    >(root(), 'getUpdates', {});
    expect(
      updates.map((u) => [u.chat_member.old_chat_member.status, u.chat_member.new_chat_member.status]),
    ).toEqual([['member', 'left']]);
  });

  it('emits no chat_member update of a channel where the bot is not an administrator', async () => {
    emu().createChannel({ id: CHANNEL, title: 'PHOENIX', botIsAdmin: false });
    emu().createUser({ id: ANN, first_name: 'Ann' });
    await ok(root(), 'getUpdates', { allowed_updates: ['message', 'chat_member'] });
    emu().joinChannel(ANN, CHANNEL);
    emu().leaveChannel(ANN, CHANNEL);
    expect(await ok(root(), 'getUpdates', { timeout: 0 })).toEqual([]);
  });

  it('lets an administrator bot post to the channel and refuses otherwise', async () => {
    emu().createChannel({ id: CHANNEL, username: 'phoenix_channel', title: 'PHOENIX', botIsAdmin: false });
    expect(await fail(root(), 'sendMessage', { chat_id: '@phoenix_channel', text: 'news' })).toEqual([
      403,
      'Forbidden: bot is not a member of the channel chat',
    ]);
    emu().setBotAdmin(CHANNEL, true);
    const post = await ok<{
      chat: { id: number; type: string };
      sender_chat: { id: number };
      from?: unknown;
    }>(root(), 'sendMessage', { chat_id: '@phoenix_channel', text: 'news' });
    expect(post.chat).toEqual({
      id: CHANNEL,
      type: 'channel',
      title: 'PHOENIX',
      username: 'phoenix_channel',
    });
    expect(post.sender_chat.id).toBe(CHANNEL);
    expect(post.from).toBeUndefined();
    expect(emu().lastBotMessage(CHANNEL)?.text).toBe('news');
  });
});
