import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, textOf } from '../helpers/harness.js';

describe('the error boundary and unusual buttons', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    for (const title of ['Landing', 'Shop']) {
      await h.deps.services.catalog.create({
        title,
        description: 'A service',
        price: 10_000,
        deadlineDays: 3,
      });
    }
  });
  afterAll(() => h.close());

  it('a handler that fails after answering the button tells the user in the chat, once', async () => {
    const user = await h.startedUser({ languageCode: 'en' });
    user.send('/catalog');
    const card = await user.reply('Landing');
    // Opening a card answers the query first, then the edit fails with an error the bot does not expect.
    h.emu.injectFault({
      method: 'editMessageText',
      times: 1,
      error: { code: 400, description: 'Bad Request: injected' },
    });
    const answer = await user.press(card, /Landing/);
    expect(answer?.text ?? '').toBe('');
    const error = await user.reply('Something went wrong');
    expect(textOf(error)).toContain('Something went wrong');
    expect(h.emu.callsTo('answerCallbackQuery').filter((c) => c.ok)).not.toHaveLength(0);
  });

  it('a button of an inline-mode message gets a short answer and changes nothing', async () => {
    const user = await h.startedUser({ languageCode: 'en' });
    const before = h.emu.botMessages(user.id).length;
    const errorsBefore = h.deps.metrics.value('phoenix_update_errors_total');
    const answer = await h.emu.sendInlineCallback(user.id, 'AAAAAQAAAAIAAAAD', 'cat:p:1');
    expect(answer?.text).toBe('This button is out of date.');
    expect(answer?.show_alert).toBe(true);
    expect(h.emu.botMessages(user.id)).toHaveLength(before);
    expect(h.deps.metrics.value('phoenix_update_errors_total')).toBe(errorsBefore);
  });
});
