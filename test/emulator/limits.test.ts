import { describe, expect, it } from 'vitest';
import { ANN, BOB, call, ok, startedUser, useEmulator } from './helpers.js';

/** Sends in parallel (so that the 1-second window cannot slide away on a slow machine); sorted statuses. */
async function burst(
  root: string,
  requests: Array<Record<string, unknown>>,
  method = 'sendMessage',
): Promise<number[]> {
  const answers = await Promise.all(requests.map((params) => call(root, method, params)));
  return answers.map((a) => a.status).sort();
}

const times = (n: number, status: number) => Array.from({ length: n }, () => status);

describe('flood control', () => {
  const { emu, root } = useEmulator({ globalRatePerSecond: 5, paidRatePerSecond: 10 });

  it('answers 429 with retry_after over the global rate; edits do not count', async () => {
    startedUser(emu());
    const texts = Array.from({ length: 6 }, (_, i) => ({ chat_id: ANN, text: `m${i}` }));
    expect(await burst(root(), texts)).toEqual([...times(5, 200), 429]);
    const limited = await call(root(), 'sendMessage', { chat_id: ANN, text: 'again' });
    expect(limited).toEqual({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      },
    });
    // copyMessage is a send too
    expect(
      (await call(root(), 'copyMessage', { chat_id: ANN, from_chat_id: ANN, message_id: 1 })).status,
    ).toBe(429);
    // edits are not sends
    const first = emu().botMessages(ANN)[0];
    expect(
      (await call(root(), 'editMessageText', { chat_id: ANN, message_id: first?.message_id, text: 'edited' }))
        .status,
    ).toBe(200);
    expect(emu().stats().tooManyRequests).toBe(3);
    expect(emu().callsTo('sendMessage').at(-1)?.retryAfter).toBe(1);
    // rejected sends did not consume the window: after a second, sending works again
    await new Promise((r) => setTimeout(r, 1050));
    expect((await call(root(), 'sendMessage', { chat_id: ANN, text: 'later' })).status).toBe(200);
    expect(emu().botMessages(ANN)).toHaveLength(6);
  });

  it('counts allow_paid_broadcast sends against the higher paid limit', async () => {
    startedUser(emu());
    const free = Array.from({ length: 6 }, (_, i) => ({ chat_id: ANN, text: `free${i}` }));
    expect(await burst(root(), free)).toEqual([...times(5, 200), 429]);
    const paid = Array.from({ length: 11 }, (_, i) => ({
      chat_id: ANN,
      text: `paid${i}`,
      allow_paid_broadcast: true,
    }));
    expect(await burst(root(), paid)).toEqual([...times(10, 200), 429]);
    const over = emu()
      .calls.filter((c) => c.status === 429)
      .at(-1);
    expect(over?.params.allow_paid_broadcast).toBe(true);
    expect(over?.retryAfter).toBe(1);
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
    expect(
      await burst(root(), [
        { chat_id: ANN, text: 'a1' },
        { chat_id: ANN, text: 'a2' },
      ]),
    ).toEqual([200, 429]);
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
    const three = Array.from({ length: 3 }, (_, i) => ({ chat_id: ANN, text: `${i}` }));
    expect(await burst(root(), three)).toEqual([200, 200, 429]);
    expect(await ok(root(), 'getMe')).toMatchObject({ username: 'phoenix_test_bot' });
  });
});
