import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products, sessions } from '../../src/db/schema/index.js';
import { type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.db.insert(products).values([
    { title: 'Логотип', description: 'Фирменный знак', price: 15000, deadlineDays: 3 },
    { title: 'Лендинг', description: 'Одностраничный сайт', price: 45000, deadlineDays: 5 },
  ]);
});
afterAll(async () => h?.close());

/**
 * One chat's updates run one at a time and the session is written before the next one starts, so
 * the answer to a /help sent after an action means that action's session write is done.
 */
async function settled(user: TestUser): Promise<void> {
  user.send('/help');
  await user.reply(/\/catalog/);
}

async function sessionRow(user: TestUser) {
  const [row] = await h.db
    .select()
    .from(sessions)
    .where(eq(sessions.key, String(user.id)));
  return row;
}

describe('sessions are stored only when they hold something, and written only when they change', () => {
  it('browsing stores nothing; a dialog stores its step once; /cancel deletes the row', async () => {
    const user = await h.startedUser();
    user.send('/catalog');
    const card = await user.reply(/Логотип/);
    await user.press(card, /Логотип/);
    await user.waitFor((m) => m.message_id === card.message_id && textOf(m).includes('Цена'));
    await settled(user);
    expect(await sessionRow(user)).toBeUndefined();

    const current = user.botMessages().find((m) => m.message_id === card.message_id) ?? card;
    await user.press(current, /Заказать/);
    await user.reply(/почт|e-?mail/i);
    await settled(user);
    const stored = await sessionRow(user);
    expect(stored?.value).toMatchObject({ dialog: { name: 'order' } });

    // Commands that keep the dialog change nothing in it, so nothing is written.
    await settled(user);
    await settled(user);
    expect((await sessionRow(user))?.updatedAt.getTime()).toBe(stored?.updatedAt.getTime());

    user.send('/cancel');
    await user.reply();
    await settled(user);
    expect(await sessionRow(user)).toBeUndefined();
  });
});
