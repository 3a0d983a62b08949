import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index.js';
import { type Harness, startHarness, textOf } from '../helpers/harness.js';

/** Characters PostgreSQL refuses never make a user's updates fail. */
describe('update intake', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('a U+0000 in a name and in a message is stored as U+FFFD, and the user gets normal answers', async () => {
    const user = h.user({ firstName: 'Ан\u0000на', languageCode: 'ru' });
    user.send('/start');
    expect(textOf(await user.reply())).toContain('Здравствуйте');
    const [row] = await h.db.select().from(users).where(eq(users.telegramId, user.id));
    expect(row?.firstName).toBe('Ан\uFFFDна');

    user.send('/support');
    await user.reply();
    user.send('Не работает\u0000 оплата');
    const answer = await user.reply();
    expect(textOf(answer)).not.toMatch(/Что-то пошло не так/);
    expect(h.deps.metrics.value('phoenix_update_errors_total')).toBe(0);
  });
});
