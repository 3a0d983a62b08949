import { describe, expect, it } from 'vitest';
import { ANN, BOB, fail, ok, useEmulator } from './helpers.js';

describe('bot commands', () => {
  const { emu, root } = useEmulator();

  it('validates commands and descriptions', async () => {
    const set = (commands: unknown) => fail(root(), 'setMyCommands', { commands });
    expect(await set([{ command: 'Start', description: 'x' }])).toEqual([
      400,
      'Bad Request: BOT_COMMAND_INVALID',
    ]);
    expect(await set([{ command: '/start', description: 'x' }])).toEqual([
      400,
      'Bad Request: BOT_COMMAND_INVALID',
    ]);
    expect(await set([{ command: 'a'.repeat(33), description: 'x' }])).toEqual([
      400,
      'Bad Request: BOT_COMMAND_INVALID',
    ]);
    expect(await set([{ command: '', description: 'x' }])).toEqual([400, 'Bad Request: BOT_COMMAND_INVALID']);
    expect(await set([{ command: 'start', description: '' }])).toEqual([
      400,
      'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID',
    ]);
    expect(await set([{ command: 'start', description: 'd'.repeat(257) }])).toEqual([
      400,
      'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID',
    ]);
    const many = Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: 'd' }));
    expect(await set(many)).toEqual([400, 'Bad Request: BOT_COMMANDS_TOO_MUCH']);
    expect(
      await fail(root(), 'setMyCommands', {
        commands: [{ command: 'a', description: 'b' }],
        scope: { type: 'chat' },
      }),
    ).toEqual([400, 'Bad Request: chat_id is empty']);
    expect(
      await fail(root(), 'setMyCommands', {
        commands: [{ command: 'a', description: 'b' }],
        scope: { type: 'chat', chat_id: 12345 },
      }),
    ).toEqual([400, 'Bad Request: chat not found']);
    const ok32 = [{ command: 'a_1'.padEnd(32, 'z'), description: 'd'.repeat(256) }];
    expect(await ok(root(), 'setMyCommands', { commands: ok32 })).toBe(true);
    expect(await ok(root(), 'getMyCommands', {})).toEqual(ok32);
  });

  it('resolves the menu per chat, private chats and default, language-specific first', async () => {
    emu().createUser({ id: ANN, first_name: 'Ann', language_code: 'ru' });
    emu().createUser({ id: BOB, first_name: 'Bob', language_code: 'en-US' });
    const cmd = (command: string) => [{ command, description: command }];
    await ok(root(), 'setMyCommands', { commands: cmd('default') });
    await ok(root(), 'setMyCommands', { commands: cmd('default_ru'), language_code: 'ru' });
    expect(emu().commandsFor(ANN)).toEqual(cmd('default_ru'));
    expect(emu().commandsFor(BOB)).toEqual(cmd('default'));
    await ok(root(), 'setMyCommands', { commands: cmd('private'), scope: { type: 'all_private_chats' } });
    expect(emu().commandsFor(ANN)).toEqual(cmd('private'));
    await ok(root(), 'setMyCommands', {
      commands: cmd('private_en'),
      scope: { type: 'all_private_chats' },
      language_code: 'en',
    });
    expect(emu().commandsFor(BOB)).toEqual(cmd('private_en'));
    expect(emu().commandsFor(ANN)).toEqual(cmd('private'));
    expect(emu().commandsFor(ANN, 'en')).toEqual(cmd('private_en'));
    await ok(root(), 'setMyCommands', { commands: cmd('admin'), scope: { type: 'chat', chat_id: ANN } });
    expect(emu().commandsFor(ANN)).toEqual(cmd('admin'));
    expect(emu().commandsFor(BOB)).toEqual(cmd('private_en'));
    expect(await ok(root(), 'getMyCommands', { scope: { type: 'chat', chat_id: ANN } })).toEqual(
      cmd('admin'),
    );
    expect(await ok(root(), 'getMyCommands', { scope: { type: 'chat', chat_id: BOB } })).toEqual([]);
    await ok(root(), 'deleteMyCommands', { scope: { type: 'chat', chat_id: ANN } });
    expect(emu().commandsFor(ANN)).toEqual(cmd('private'));
    expect(emu().callsTo('setMyCommands')).toHaveLength(5);
  });

  it('emits a commands event', async () => {
    const seen: string[] = [];
    emu().events.on('commands', (e) => seen.push(`${e.scope.type}|${e.language_code}|${e.commands.length}`));
    await ok(root(), 'setMyCommands', {
      commands: [{ command: 'start', description: 'Start' }],
      scope: { type: 'all_private_chats' },
      language_code: 'uk',
    });
    expect(seen).toEqual(['all_private_chats|uk|1']);
  });

  it('stores the menu button per chat', async () => {
    emu().createUser({ id: ANN, first_name: 'Ann' });
    expect(await ok(root(), 'getChatMenuButton', { chat_id: ANN })).toEqual({ type: 'default' });
    await ok(root(), 'setChatMenuButton', { chat_id: ANN, menu_button: { type: 'commands' } });
    expect(await ok(root(), 'getChatMenuButton', { chat_id: ANN })).toEqual({ type: 'commands' });
    expect(emu().chat(ANN).menuButton).toEqual({ type: 'commands' });
    expect(await ok(root(), 'getChatMenuButton', {})).toEqual({ type: 'default' });
  });
});

describe('bot profile texts', () => {
  const { emu, root } = useEmulator();

  it('stores the description and short description per language, within 512 and 120 characters', async () => {
    expect(await fail(root(), 'setMyDescription', { description: 'd'.repeat(513) })).toEqual([
      400,
      'Bad Request: description is too long',
    ]);
    expect(await fail(root(), 'setMyShortDescription', { short_description: 's'.repeat(121) })).toEqual([
      400,
      'Bad Request: short_description is too long',
    ]);
    expect(await fail(root(), 'setMyDescription', { description: 'x', language_code: 'rus' })).toEqual([
      400,
      'Bad Request: invalid language code specified',
    ]);
    expect(await ok(root(), 'setMyDescription', { description: 'd'.repeat(512) })).toBe(true);
    expect(await ok(root(), 'setMyShortDescription', { short_description: 's'.repeat(120) })).toBe(true);
    expect(await ok(root(), 'setMyDescription', { description: 'Бот', language_code: 'ru' })).toBe(true);

    expect(await ok(root(), 'getMyDescription', {})).toEqual({ description: 'd'.repeat(512) });
    expect(await ok(root(), 'getMyDescription', { language_code: 'ru' })).toEqual({ description: 'Бот' });
    // A language with nothing of its own reads empty, like getMyCommands; its users see the default.
    expect(await ok(root(), 'getMyDescription', { language_code: 'en' })).toEqual({ description: '' });
    expect(await ok(root(), 'getMyShortDescription', { language_code: 'ru' })).toEqual({
      short_description: '',
    });
    expect(emu().profileFor('en-US')).toEqual({
      description: 'd'.repeat(512),
      shortDescription: 's'.repeat(120),
    });
    expect(emu().profileFor('ru').description).toBe('Бот');

    // An empty text removes the language's own one.
    expect(await ok(root(), 'setMyDescription', { description: '', language_code: 'ru' })).toBe(true);
    expect(await ok(root(), 'getMyDescription', { language_code: 'ru' })).toEqual({ description: '' });
    expect(emu().profileFor('ru').description).toBe('d'.repeat(512));
  });
});
