import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, type TestUser } from '../helpers/harness.js';
import { openAdminSection, startWithOwner } from './admin-flow.js';

let h: Harness;
let owner: TestUser;

beforeAll(async () => {
  ({ h, owner } = await startWithOwner());
  const created = await h.deps.services.catalog.create({
    title: 'Лендинг',
    description: 'Одна страница',
    price: 10000,
    deadlineDays: 5,
  });
  if (!created.ok) throw new Error('product not created');
});
afterAll(async () => h?.close());

/** The wizard's messages from its first question on that still have buttons. */
const liveSince = (first: StoredMessage): number[] =>
  owner
    .botMessages()
    .filter((m) => m.message_id >= first.message_id && buttonsOf(m).length > 0)
    .map((m) => m.message_id);

describe('dialog prompts (the toolkit, in an admin wizard)', () => {
  it('a question answered by its own button loses its buttons once the next question is sent', async () => {
    const list = await openAdminSection(owner, '🏷 Промокоды', 'Промокоды');
    await owner.press(list, '➕ Новый промокод');
    const first = await owner.reply('Введите код');
    owner.send('Prompt-10');
    await owner.reply('Введите скидку');
    owner.send('10%');
    const askProduct = await owner.reply('На какую услугу');
    expect(liveSince(first)).toEqual([askProduct.message_id]);

    await owner.press(askProduct, 'Все услуги');
    const askExpiry = await owner.reply('До какой даты');
    expect(liveSince(first)).toEqual([askExpiry.message_id]);

    owner.send('31.12.2099');
    const askMax = await owner.reply('Сколько раз всего');
    await owner.press(askMax, 'Без лимита');
    const askPerUser = await owner.reply('один клиент');
    expect(liveSince(first)).toEqual([askPerUser.message_id]);
  });
});
