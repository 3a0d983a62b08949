import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL, type Harness, startHarness, textOf } from '../helpers/harness.js';

const GATE_TEXT = 'Чтобы пользоваться ботом, подпишитесь на наш канал';

/** How many chat_member updates the bot has handled (its /metrics counter). */
async function chatMemberUpdatesHandled(h: Harness): Promise<number> {
  const text = await h.deps.metrics.render();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('phoenix_updates_total{type="chat_member",outcome="ok"}'));
  return Number(line?.split(' ').at(-1) ?? 0);
}

describe('channel subscription gate', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ channel: true });
  });
  afterAll(async () => h?.close());

  it('stops a customer outside the channel with Subscribe + "I\'ve subscribed", then lets them in after joining', async () => {
    const customer = await h.startedUser();
    customer.send('/catalog');
    const gate = await customer.reply(GATE_TEXT);
    const buttons =
      gate.reply_markup && 'inline_keyboard' in gate.reply_markup
        ? gate.reply_markup.inline_keyboard.flat()
        : [];
    expect(buttons.map((b) => b.text)).toEqual(['Подписаться на канал', 'Проверить подписку']);
    expect(buttons[0]?.url).toBe(`https://t.me/${CHANNEL.username}`);

    const refused = await customer.press(gate, 'Проверить подписку');
    expect(refused?.show_alert).toBe(true);
    expect(refused?.text).toContain('Пока не видим вашей подписки');

    h.emu.joinChannel(customer.id, CHANNEL.id);
    const accepted = await customer.press(gate, 'Проверить подписку');
    expect(accepted?.text).toBe('Спасибо за подписку!');
    await customer.waitFor(
      (m) => m.message_id === gate.message_id && textOf(m).includes('Подписка подтверждена'),
    );
    // The command the user asked for continues: the catalog answers (not the gate again).
    const next = await customer.reply((m) => m.message_id > gate.message_id);
    expect(textOf(next)).not.toContain(GATE_TEXT);

    customer.send('/catalog');
    expect(textOf(await customer.reply())).not.toContain(GATE_TEXT);
  });

  it('does not cache a negative answer, and treats left, kicked and restricted non-members as not subscribed', async () => {
    const customer = await h.startedUser();
    h.emu.setMemberStatus(CHANNEL.id, customer.id, 'restricted', { isMember: false });
    customer.send('/catalog');
    await customer.reply(GATE_TEXT);
    h.emu.setMemberStatus(CHANNEL.id, customer.id, 'restricted', { isMember: true });
    customer.send('/catalog');
    expect(textOf(await customer.reply())).not.toContain(GATE_TEXT);

    const kicked = await h.startedUser();
    h.emu.setMemberStatus(CHANNEL.id, kicked.id, 'kicked');
    kicked.send('/catalog');
    await kicked.reply(GATE_TEXT);
  });

  it('asks Telegram for chat_member updates, and a customer who leaves the channel is gated at once (not after the cache expires)', async () => {
    expect(h.emu.callsTo('getUpdates').at(-1)?.params.allowed_updates).toContain('chat_member');
    const customer = await h.startedUser();
    h.emu.joinChannel(customer.id, CHANNEL.id);
    customer.send('/catalog');
    expect(textOf(await customer.reply())).not.toContain(GATE_TEXT);

    const handled = await chatMemberUpdatesHandled(h);
    h.emu.leaveChannel(customer.id, CHANNEL.id);
    await vi.waitFor(async () => expect(await chatMemberUpdatesHandled(h)).toBe(handled + 1));
    customer.send('/catalog');
    await customer.reply(GATE_TEXT);

    // Joining again lets them in at once as well.
    h.emu.joinChannel(customer.id, CHANNEL.id);
    customer.send('/catalog');
    expect(textOf(await customer.reply())).not.toContain(GATE_TEXT);
  });

  it('never gates an owner or staff', async () => {
    const owner = h.owners[0]!;
    owner.send('/catalog');
    expect(textOf(await owner.reply())).not.toContain(GATE_TEXT);
    const agent = await h.startedUser();
    await h.makeStaff(agent, 'admin');
    agent.send('/catalog');
    expect(textOf(await agent.reply())).not.toContain(GATE_TEXT);
  });

  it('/start, /help and /cancel are never gated', async () => {
    const customer = await h.startedUser();
    customer.send('/help');
    expect(textOf(await customer.reply())).toContain('/catalog');
    customer.send('/cancel');
    expect(textOf(await customer.reply())).toBe('Сейчас вы ничего не заполняете, так что прерывать нечего.');
  });
});

describe('gate when the bot cannot check membership', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ channel: { botIsAdmin: false } });
  });
  afterAll(async () => h?.close());

  it('lets users through and tells the owners once', async () => {
    const owner = h.owners[0]!;
    owner.send('/start');
    await owner.reply();
    const first = await h.startedUser();
    first.send('/catalog');
    expect(textOf(await first.reply())).not.toContain(GATE_TEXT);
    const warning = await owner.waitFor('не может проверить подписку');
    expect(textOf(warning)).toContain('member list is inaccessible');

    const second = await h.startedUser();
    second.send('/catalog');
    expect(textOf(await second.reply())).not.toContain(GATE_TEXT);
    expect(
      h.emu.botMessages(owner.id).filter((m) => textOf(m).includes('не может проверить подписку')),
    ).toHaveLength(1);
  });
});
