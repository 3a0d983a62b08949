import { describe, expect, it } from 'vitest';
import { ANN, fail, ok, startedUser, useEmulator } from './helpers.js';

interface CallbackUpdate {
  update_id: number;
  callback_query: {
    id: string;
    data: string;
    from: { id: number };
    message: { message_id: number; date: number };
  };
}

const TOO_OLD = 'Bad Request: query is too old and response timeout expired or query ID is invalid';

async function nextCallback(root: string): Promise<CallbackUpdate['callback_query']> {
  const updates = await ok<CallbackUpdate[]>(root, 'getUpdates', { allowed_updates: [] });
  const last = updates.at(-1);
  if (!last?.callback_query) throw new Error('no callback_query update');
  await ok(root, 'getUpdates', { offset: last.update_id + 1 });
  return last.callback_query;
}

describe('callback queries', () => {
  const { emu, root } = useEmulator({ callbackAnswerTimeoutMs: 300 });

  async function menu(): Promise<number> {
    startedUser(emu());
    const m = await ok<{ message_id: number }>(root(), 'sendMessage', {
      chat_id: ANN,
      text: 'Menu',
      reply_markup: { inline_keyboard: [[{ text: 'Buy', callback_data: 'buy:1' }]] },
    });
    return m.message_id;
  }

  it('delivers a pressed button and resolves with the answer; a second answer fails', async () => {
    const messageId = await menu();
    const pressed = emu().pressButton(ANN, messageId, 'buy:1');
    const query = await nextCallback(root());
    expect(query.data).toBe('buy:1');
    expect(query.from.id).toBe(ANN);
    expect(query.message.message_id).toBe(messageId);
    expect(
      await ok(root(), 'answerCallbackQuery', {
        callback_query_id: query.id,
        text: 'Added',
        show_alert: true,
      }),
    ).toBe(true);
    expect(await pressed).toEqual({ text: 'Added', show_alert: true });
    expect(await fail(root(), 'answerCallbackQuery', { callback_query_id: query.id })).toEqual([
      400,
      TOO_OLD,
    ]);
    expect(await fail(root(), 'answerCallbackQuery', { callback_query_id: 'bogus' })).toEqual([400, TOO_OLD]);
  });

  it('expires unanswered queries', async () => {
    const messageId = await menu();
    const pressed = emu().pressButton(ANN, messageId, 'buy:1');
    const query = await nextCallback(root());
    expect(await pressed).toBeNull();
    expect(await fail(root(), 'answerCallbackQuery', { callback_query_id: query.id })).toEqual([
      400,
      TOO_OLD,
    ]);
  });

  it('refuses to press a button that does not exist, but forges data with sendCallback', async () => {
    const messageId = await menu();
    expect(() => emu().pressButton(ANN, messageId, 'buy:2')).toThrow(
      'pressButton: message 2 has no inline button with callback_data "buy:2"; available: Buy→buy:1',
    );
    expect(() => emu().pressButton(ANN, 99, 'buy:1')).toThrow(
      'pressButton: no bot message 99 in the chat of user',
    );
    const forged = emu().sendCallback(ANN, messageId, 'admin:delete_all');
    const query = await nextCallback(root());
    expect(query.data).toBe('admin:delete_all');
    await ok(root(), 'answerCallbackQuery', { callback_query_id: query.id, text: 'Nope' });
    expect(await forged).toEqual({ text: 'Nope' });
  });

  it('limits the answer text to 200 characters', async () => {
    const messageId = await menu();
    void emu().pressButton(ANN, messageId, 'buy:1');
    const query = await nextCallback(root());
    expect(
      await fail(root(), 'answerCallbackQuery', { callback_query_id: query.id, text: 'x'.repeat(201) }),
    ).toEqual([400, 'Bad Request: MESSAGE_TOO_LONG']);
    expect(
      await ok(root(), 'answerCallbackQuery', { callback_query_id: query.id, text: 'x'.repeat(200) }),
    ).toBe(true);
  });

  it('presses a button by its text and streams the answer as an event', async () => {
    const messageId = await menu();
    const answers: string[] = [];
    emu().events.on('callbackAnswer', (e) => answers.push(`${e.userId}:${e.data}:${e.answer.text ?? ''}`));
    const pressed = emu().pressButtonByText(ANN, messageId, 'Buy');
    const query = await nextCallback(root());
    await ok(root(), 'answerCallbackQuery', { callback_query_id: query.id });
    expect(await pressed).toEqual({});
    expect(answers).toEqual([`${ANN}:buy:1:`]);
    expect(() => emu().pressButtonByText(ANN, messageId, 'Sell')).toThrow('has no callback button "Sell"');
  });
});
