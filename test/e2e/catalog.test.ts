import { Api, InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../src/db/schema/index.js';
import { makePng, type StoredMessage } from '../../src/sandbox/emulator/index.js';
import {
  buttonsOf,
  CHANNEL,
  type Harness,
  startHarness,
  TEST_TOKEN,
  type TestUser,
  textOf,
} from '../helpers/harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** A Telegram file_id of a photo the bot "sent once" (as the admin panel would store it). */
async function photoFileId(): Promise<string> {
  const keeper = await h.startedUser({ firstName: 'Keeper' });
  const api = new Api(TEST_TOKEN, { apiRoot: h.emu.apiRoot });
  const sent = await api.sendPhoto(keeper.id, new InputFile(makePng(64, 48), 'p.png'));
  const id = sent.photo.at(-1)?.file_id;
  if (!id) throw new Error('no file_id');
  return id;
}

/** The one live catalog card in the chat (bot messages with a catalog page row or an Order button). */
function liveCards(user: TestUser): StoredMessage[] {
  return user
    .botMessages()
    .filter((m) => !m.deleted && buttonsOf(m).some((b) => b.data?.startsWith('ord:new:')));
}

/** Resolves once the bot has handled everything sent so far (one chat's updates run in order). */
async function settled(user: TestUser): Promise<void> {
  user.send('/help');
  await user.reply('/catalog');
}

async function nextCard(user: TestUser, before: StoredMessage): Promise<StoredMessage> {
  const beforeText = textOf(before);
  return user.waitFor(
    (m) =>
      !m.deleted &&
      liveCards(user).includes(m) &&
      (textOf(m) !== beforeText || m.message_id !== before.message_id),
  );
}

describe('/catalog', () => {
  it('says the catalog is empty when there is nothing on sale', async () => {
    const user = await h.startedUser();
    user.send('/catalog');
    expect(textOf(await user.reply())).toContain('Каталог пока пуст');
  });

  it('pages through active products in place, with photos, prices and plural deadlines; hides disabled ones', async () => {
    const image = await photoFileId();
    const rows = await h.db
      .insert(products)
      .values([
        { title: 'Логотип', description: 'Фирменный знак', price: 15000, deadlineDays: 3 },
        { title: 'Скрытая услуга', description: 'Не продаётся', price: 1, deadlineDays: 1, isActive: false },
        { title: 'Лендинг', description: 'Одностраничный сайт', price: 45000, deadlineDays: 5, image },
        { title: 'Баннер', description: 'Для соцсетей', price: 0, deadlineDays: 1, image },
        { title: 'Аудит', description: 'Проверка сайта', price: 7000, deadlineDays: 21 },
      ])
      .returning();
    expect(rows).toHaveLength(5);

    const user = await h.startedUser();
    user.send('/catalog');
    const first = await user.reply();
    expect(textOf(first)).toContain('Логотип');
    expect(textOf(first)).toMatch(/Цена: 15\s000\s₽/);
    expect(textOf(first)).toContain('Срок: 3 дня');
    expect(buttonsOf(first).map((b) => b.text)).toEqual(['🛒 Заказать', '◀', '1/4', '▶']);

    const seen: string[] = [textOf(first)];
    const photos: (string | undefined)[] = [first.photo_file_id];
    let card = first;
    for (let i = 0; i < 4; i++) {
      await user.press(card, '▶');
      card = await nextCard(user, card);
      expect(liveCards(user)).toHaveLength(1);
      seen.push(textOf(card));
      photos.push(card.photo_file_id);
    }
    // text, photo, photo, text, text: both transitions and a photo → photo edit.
    expect(photos).toEqual([undefined, image, image, undefined, undefined]);
    const [logo, landing, banner, audit, wrapped] = seen;
    expect(landing).toContain('Лендинг');
    expect(landing).toContain('Срок: 5 дней');
    expect(banner).toContain('Баннер');
    expect(banner).toContain('Срок: 1 день');
    expect(banner).toMatch(/Цена: 0\s₽/);
    expect(audit).toContain('Срок: 21 день');
    expect(wrapped).toBe(logo);
    expect(seen.join('\n')).not.toContain('Скрытая услуга');

    // Photo cards are photos; the photo → photo step was an edit of the same message.
    const edits = h.emu.callsTo('editMessageMedia');
    expect(edits.length).toBeGreaterThanOrEqual(1);
    // ◀ from the first page wraps to the last.
    await user.press(card, '◀');
    card = await nextCard(user, card);
    expect(textOf(card)).toContain('Аудит');
    expect(liveCards(user)).toHaveLength(1);
  });

  it('▶ and ◀ pressed at the same moment on a text card leave one live card', async () => {
    const user = await h.startedUser();
    user.send('/catalog');
    const first = await user.reply((m) => textOf(m).includes('Логотип'));
    // ▶ leads to a photo card (a replacement), ◀ to a text card (an edit of a message now gone).
    await Promise.all([user.press(first, '▶'), user.press(first, '◀')]);
    await user.waitFor((m) => !m.deleted && textOf(m).includes('Лендинг'));
    await settled(user);
    expect(liveCards(user)).toHaveLength(1);
  });

  it('a double tap on ▶ of a photo card whose next page is a text card leaves one card', async () => {
    const user = await h.startedUser();
    user.send('/catalog');
    let card = await user.reply((m) => textOf(m).includes('Логотип'));
    await user.press(card, '▶');
    card = await nextCard(user, card);
    await user.press(card, '▶');
    card = await user.waitFor((m) => !m.deleted && textOf(m).includes('Баннер'));
    expect(card.photo_file_id).toBeDefined();
    const next = buttonsOf(card).find((b) => b.text === '▶')!.data!;
    await Promise.all([user.forge(card.message_id, next), user.forge(card.message_id, next)]);
    await user.waitFor((m) => !m.deleted && textOf(m).includes('Аудит'));
    await settled(user);
    expect(liveCards(user).map(textOf)).toEqual([expect.stringContaining('Аудит')]);
  });

  it('shows English texts with English plurals', async () => {
    const eve = await h.startedUser({ languageCode: 'en' });
    eve.send('/catalog');
    const card = await eve.reply();
    expect(textOf(card)).toContain('Lead time: 3 days');
    expect(buttonsOf(card)[0]?.text).toBe('🛒 Order');
  });

  it('a stale page button past the end shows the last page instead of failing', async () => {
    const user = await h.startedUser();
    user.send('/catalog');
    const card = await user.reply();
    const answer = await user.forge(card.message_id, 'cat:p:99');
    expect(answer).not.toBeNull();
    const last = await user.waitFor((m) => m.message_id === card.message_id && textOf(m).includes('Аудит'));
    expect(buttonsOf(last).map((b) => b.text)).toContain('4/4');
  });
});

describe('deep link p_<id>', () => {
  it('opens the card of an active product, and says so for a disabled or unknown one', async () => {
    const all = await h.db.select().from(products);
    const active = all.find((p) => p.title === 'Логотип')!;
    const hidden = all.find((p) => p.title === 'Скрытая услуга')!;
    const user = await h.startedUser();

    h.emu.openDeepLink(user.id, `https://t.me/${h.emu.bot.username}?start=p_${active.id}`);
    const card = await user.waitFor((m) => textOf(m).includes('Фирменный знак'));
    expect(buttonsOf(card).map((b) => b.data)).toEqual([`ord:new:${active.id}`, 'cat:p:0']);

    user.send(`/start p_${hidden.id}`);
    expect(textOf(await user.reply())).toContain('Эта услуга сейчас недоступна');
    user.send('/start p_999999');
    expect(textOf(await user.reply())).toContain('Такой услуги нет в каталоге');
  });

  it('"All services" on a lone card turns it into the catalog page', async () => {
    const all = await h.db.select().from(products);
    const audit = all.find((p) => p.title === 'Аудит')!;
    const user = await h.startedUser();
    user.send(`/start p_${audit.id}`);
    const card = await user.reply('Проверка сайта');
    await user.press(card, '📋 Весь каталог');
    const page = await user.waitFor((m) => m.message_id === card.message_id && textOf(m).includes('Логотип'));
    expect(buttonsOf(page).map((b) => b.text)).toContain('1/4');
  });
});

describe('behind the channel gate', () => {
  let gated: Harness;
  beforeAll(async () => {
    gated = await startHarness({ channel: true });
  });
  afterAll(async () => gated?.close());

  it('a product deep link and the Order button ask a non-subscriber to subscribe first', async () => {
    const [row] = await gated.db
      .insert(products)
      .values({ title: 'Gated', description: 'Behind the gate', price: 10, deadlineDays: 2 })
      .returning();
    const user = await gated.startedUser();
    user.send(`/start p_${row!.id}`);
    expect(textOf(await user.reply())).toContain('подпишитесь на наш канал');
    const gate = user.botMessages().at(-1)!;
    const answer = await user.forge(gate.message_id, `ord:new:${row!.id}`);
    expect(answer).not.toBeNull();
    expect(textOf(await user.reply())).toContain('подпишитесь на наш канал');

    gated.emu.joinChannel(user.id, CHANNEL.id);
    user.send(`/start p_${row!.id}`);
    const card = await user.reply('Behind the gate');
    await user.press(card, '🛒 Заказать');
    expect(textOf(await user.reply())).toContain('Укажите email');
  });
});
