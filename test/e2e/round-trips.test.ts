import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../src/db/schema/index.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';

// The background jobs poll the database on their own; without them every statement counted is an update's.
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ jobs: false });
  await h.db.insert(products).values([
    { title: 'Логотип', description: 'Фирменный знак', price: 15000, deadlineDays: 3 },
    { title: 'Лендинг', description: 'Одностраничный сайт', price: 45000, deadlineDays: 5 },
    { title: 'Баннер', description: 'Для соцсетей', price: 5000, deadlineDays: 1 },
    // Two pages of the list (eight a page), so there is a page button to press.
    ...Array.from({ length: 7 }, (_, i) => ({
      title: `Аудит ${i + 1}`,
      description: 'Проверка сайта',
      price: 7000,
      deadlineDays: 2,
    })),
  ]);
});
afterAll(async () => h?.close());

const handled = () => h.deps.metrics.value('phoenix_updates_total');

/** Statements the database ran for one update, counted from before it is sent until it is handled. */
async function statementsOf(act: () => unknown, answered: () => Promise<unknown>): Promise<number> {
  const before = h.database.statements();
  const count = handled();
  await act();
  await answered();
  await expect.poll(handled).toBeGreaterThan(count);
  return h.database.statements() - before;
}

describe('database round trips per update of a returning user (issue I: at most 2)', () => {
  let user: TestUser;
  let card: StoredMessage;

  beforeAll(async () => {
    user = await h.startedUser();
    user.send('/catalog');
    card = await user.reply(/Логотип/);
  });

  it('/start, /help and plain text: one statement (who is this, with the session)', async () => {
    expect(
      await statementsOf(
        () => user.send('/start'),
        () => user.reply(),
      ),
    ).toBe(1);
    expect(
      await statementsOf(
        () => user.send('/help'),
        () => user.reply(),
      ),
    ).toBe(1);
    expect(
      await statementsOf(
        () => user.send('hello there'),
        () => user.reply(),
      ),
    ).toBe(1);
  });

  it('/catalog and a page button: one statement once the screen is in memory at the catalog revision, two when it is read', async () => {
    // The screen of beforeAll's /catalog is in memory: who is this (with the revision) is all it costs.
    expect(
      await statementsOf(
        () => user.send('/catalog'),
        () => user.reply(/Логотип/),
      ),
    ).toBe(1);
    const latest = () =>
      user
        .botMessages()
        .filter((m) => textOf(m).includes('Логотип') || textOf(m).includes('Аудит 7'))
        .at(-1) ?? card;
    // The second page was never read: who is this, then the screen in one statement.
    const list = latest();
    expect(
      await statementsOf(
        () => user.press(list, '▶'),
        () => user.waitFor((m) => m.message_id === list.message_id && textOf(m).includes('Аудит 7')),
      ),
    ).toBe(2);
    // Back and forth: both pages come from memory now.
    expect(
      await statementsOf(
        () => user.press(list, '◀'),
        () => user.waitFor((m) => m.message_id === list.message_id && textOf(m).includes('Логотип')),
      ),
    ).toBe(1);
    // A change to the catalog (here straight in the database, as another instance would) is seen at once.
    await h.db
      .insert(products)
      .values({ title: 'Аудит 8', description: 'Проверка сайта', price: 7000, deadlineDays: 2 });
    expect(
      await statementsOf(
        () => user.press(list, '▶'),
        () => user.waitFor((m) => m.message_id === list.message_id && textOf(m).includes('Аудит 8')),
      ),
    ).toBe(2);
  });

  it('a service button: two statements on a read (who is this, then the card), one once the card is in memory', async () => {
    user.send('/catalog');
    const list = await user.reply(/Логотип/);
    const opened = await statementsOf(
      () => user.press(list, '1. Логотип'),
      () => user.waitFor((m) => m.message_id === list.message_id && textOf(m).includes('Фирменный знак')),
    );
    expect(opened).toBe(2);
    user.send('/catalog');
    const again = await user.reply(/Логотип/);
    expect(
      await statementsOf(
        () => user.press(again, '1. Логотип'),
        () => user.waitFor((m) => m.message_id === again.message_id && textOf(m).includes('Фирменный знак')),
      ),
    ).toBe(1);
  });
});

describe('a banned user (issue 17): the ban is read in the same statement', () => {
  it('the restriction notice costs one write when it is due, nothing when it is not', async () => {
    const user = await h.startedUser();
    const row = await h.deps.services.users.byTelegramId(user.id);
    const banned = await h.deps.services.bans.ban({
      userId: row!.id,
      reason: 'test',
      bannedBy: h.config.ownerIds[0]!,
      days: 0,
    });
    expect(banned.ok).toBe(true);
    // The first update after the ban: who is this (with the ban), then the notice's time.
    expect(
      await statementsOf(
        () => user.send('/catalog'),
        () => user.reply('ограничен'),
      ),
    ).toBe(2);
    // Within the hour: who is this, and nothing else.
    expect(
      await statementsOf(
        () => user.send('/catalog'),
        () => Promise.resolve(),
      ),
    ).toBe(1);
  });
});
