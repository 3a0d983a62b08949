import { describe, expect, it } from 'vitest';
import { ANN, BOB, call, ok, startedUser, useEmulator } from './helpers.js';

describe('flood control', () => {
  const { emu, root } = useEmulator({ globalRatePerSecond: 5, paidRatePerSecond: 10 });

  it('answers 429 with retry_after over the global rate; edits and answers do not count', async () => {
    startedUser(emu());
    const first = await ok<{ message_id: number }>(root(), 'sendMessage', { chat_id: ANN, text: 'm0' });
    for (let i = 1; i < 5; i++) {
      expect((await call(root(), 'sendMessage', { chat_id: ANN, text: `m${i}` })).status).toBe(200);
    }
    const limited = await call(root(), 'sendMessage', { chat_id: ANN, text: 'm5' });
    expect(limited).toEqual({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      },
    });
    // copyMessage and sendPhoto are sends too
    expect(
      (await call(root(), 'copyMessage', { chat_id: ANN, from_chat_id: ANN, message_id: 1 })).status,
    ).toBe(429);
    // edits are not sends
    expect(
      (await call(root(), 'editMessageText', { chat_id: ANN, message_id: first.message_id, text: 'edited' }))
        .status,
    ).toBe(200);
    expect(emu().stats().tooManyRequests).toBe(2);
    expect(emu().callsTo('sendMessage').at(-1)?.retryAfter).toBe(1);
    // rejected sends did not consume the window: after a second, sending works again
    await new Promise((r) => setTimeout(r, 1050));
    expect((await call(root(), 'sendMessage', { chat_id: ANN, text: 'later' })).status).toBe(200);
    expect(emu().botMessages(ANN)).toHaveLength(6);
  });

  it('counts allow_paid_broadcast sends against the higher paid limit', async () => {
    startedUser(emu());
    for (let i = 0; i < 5; i++) await ok(root(), 'sendMessage', { chat_id: ANN, text: `free${i}` });
    expect((await call(root(), 'sendMessage', { chat_id: ANN, text: 'free5' })).status).toBe(429);
    for (let i = 0; i < 10; i++) {
      const paid = await call(root(), 'sendMessage', {
        chat_id: ANN,
        text: `paid${i}`,
        allow_paid_broadcast: true,
      });
      expect(paid.status).toBe(200);
    }
    const over = await call(root(), 'sendMessage', {
      chat_id: ANN,
      text: 'paid10',
      allow_paid_broadcast: true,
    });
    expect(over.status).toBe(429);
    expect(over.body.parameters?.retry_after).toBe(1);
    expect(emu().stats().paidMessagesDelivered).toBe(10);
    expect(emu().stats().messagesDelivered).toBe(15);
    expect(emu().lastBotMessage(ANN)?.paid_broadcast).toBe(true);
  });
});

describe('per-chat flood control', () => {
  const { emu, root } = useEmulator({ perChatRatePerSecond: 1 });

  it('limits each chat separately', async () => {
    startedUser(emu(), ANN, 'Ann');
    startedUser(emu(), BOB, 'Bob');
    expect((await call(root(), 'sendMessage', { chat_id: ANN, text: 'a1' })).status).toBe(200);
    expect((await call(root(), 'sendMessage', { chat_id: ANN, text: 'a2' })).status).toBe(429);
    expect((await call(root(), 'sendMessage', { chat_id: BOB, text: 'b1' })).status).toBe(200);
    expect(emu().stats().messagesDeliveredByChat).toEqual(
      new Map([
        [ANN, 1],
        [BOB, 1],
      ]),
    );
  });

  it('can change limits at run time', async () => {
    startedUser(emu());
    emu().setRateLimits({ perChatRatePerSecond: null, globalRatePerSecond: 2 });
    expect((await call(root(), 'sendMessage', { chat_id: ANN, text: '1' })).status).toBe(200);
    expect((await call(root(), 'sendMessage', { chat_id: ANN, text: '2' })).status).toBe(200);
    expect((await call(root(), 'sendMessage', { chat_id: ANN, text: '3' })).status).toBe(429);
  });
});
