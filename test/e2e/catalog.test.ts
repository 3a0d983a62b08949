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

/** The live catalog screens in the chat (bot messages with a catalog or Order button). */
function liveScreens(user: TestUser): StoredMessage[] {
  return user
    .botMessages()
    .filter(
      (m) =>
        !m.deleted && buttonsOf(m).some((b) => b.data?.startsWith('cat:') || b.data?.startsWith('ord:new:')),
    );
}

/** Resolves once the bot has handled everything sent so far (one chat's updates run in order). */
async function settled(user: TestUser): Promise<void> {
  user.send('/help');
  await user.reply('/catalog');
}

const listShown = (m: StoredMessage) => !m.deleted && textOf(m).includes('1. Логотип');

describe('/catalog', () => {
  it('says the catalog is empty when there is nothing on sale', async () => {
    const user = await h.startedUser();
    user.send('/catalog');
    expect(textOf(await user.reply())).toContain('Каталог пока пуст');
  });

  it('with one category lists its active services at once (title · price · deadline), hiding disabled ones; a photo card replaces the list and Back brings it back', async () => {
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
    const list = await user.reply();
    expect(textOf(list)).toMatch(/1\. Логотип · 15\s000\s₽ · 3 дня/);
    expect(textOf(list)).toMatch(/2\. Лендинг · 45\s000\s₽ · 5 дней/);
    expect(textOf(list)).toMatch(/3\. Баннер · 0\s₽ · 1 день/);
    expect(textOf(list)).toMatch(/4\. Аудит · 7\s000\s₽ · 21 день/);
    expect(textOf(list)).not.toContain('Скрытая услуга');
    // One category: no "All categories" button, no paging for four services.
    expect(buttonsOf(list).map((b) => b.text)).toEqual([
      '1. Логотип',
      '2. Лендинг',
      '3. Баннер',
      '4. Аудит',
      '🔍 Поиск',
    ]);

    // Text list → photo card: the list is replaced (a photo cannot be edited into a text message).
    await user.press(list, '2. Лендинг');
    const card = await user.waitFor((m) => !m.deleted && textOf(m).includes('Одностраничный сайт'));
    expect(card.photo_file_id).toBe(image);
    expect(textOf(card)).toMatch(/Цена: 45\s000\s₽/);
    expect(textOf(card)).toContain('Срок: 5 дней');
    expect(buttonsOf(card).map((b) => b.text)).toEqual(['🛒 Заказать', '◀ К списку услуг']);
    expect(liveScreens(user)).toHaveLength(1);

    await user.press(card, '◀ К списку услуг');
    const back = await user.waitFor(listShown);
    expect(back.photo_file_id).toBeUndefined();
    expect(liveScreens(user)).toHaveLength(1);

    // Text list → text card: edited in place.
    await user.press(back, '4. Аудит');
    const audit = await user.waitFor(
      (m) => m.message_id === back.message_id && textOf(m).includes('Проверка сайта'),
    );
    expect(audit.photo_file_id).toBeUndefined();
  });

  it('a double tap on a photo service and on Back of a photo card each leave one live screen', async () => {
    const user = await h.startedUser();
    user.send('/catalog');
    const list = await user.reply(listShown);
    const open = buttonsOf(list).find((b) => b.text === '3. Баннер')!.data!;
    await Promise.all([user.forge(list.message_id, open), user.forge(list.message_id, open)]);
    const card = await user.waitFor((m) => !m.deleted && textOf(m).includes('Для соцсетей'));
    await settled(user);
    expect(liveScreens(user).map(textOf)).toEqual([expect.stringContaining('Для соцсетей')]);

    const back = buttonsOf(card).find((b) => b.text === '◀ К списку услуг')!.data!;
    await Promise.all([user.forge(card.message_id, back), user.forge(card.message_id, back)]);
    await user.waitFor(listShown);
    await settled(user);
    expect(liveScreens(user).map(textOf)).toEqual([expect.stringContaining('1. Логотип')]);
  });

  it('shows English texts with English plurals', async () => {
    const eve = await h.startedUser({ languageCode: 'en' });
    eve.send('/catalog');
    const list = await eve.reply();
    expect(textOf(list)).toContain('Логотип · ₽15,000 · 3 days');
    await eve.press(list, '1. Логотип');
    const card = await eve.waitFor(
      (m) => m.message_id === list.message_id && textOf(m).includes('Lead time'),
    );
    expect(textOf(card)).toContain('Lead time: 3 days');
    expect(buttonsOf(card)[0]?.text).toBe('🛒 Order');
  });

  it('a stale page button past the end shows the last page, and a card button of the old one-card catalog opens the list', async () => {
    const user = await h.startedUser();
    user.send('/catalog');
    const list = await user.reply(listShown);
    const open = buttonsOf(list).find((b) => b.text === '4. Аудит')!.data!;
    const category = open.split(':')[3];
    await user.press(list, '4. Аудит');
    await user.waitFor((m) => m.message_id === list.message_id && textOf(m).includes('Проверка сайта'));
    expect(await user.forge(list.message_id, `cat:l:${category}:99`)).not.toBeNull();
    await user.waitFor((m) => m.message_id === list.message_id && listShown(m));

    await user.press(list, '4. Аудит');
    await user.waitFor((m) => m.message_id === list.message_id && textOf(m).includes('Проверка сайта'));
    expect(await user.forge(list.message_id, 'cat:p:3')).not.toBeNull();
    await user.waitFor((m) => m.message_id === list.message_id && listShown(m));
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
    expect(buttonsOf(card).map((b) => b.data)).toEqual([`ord:new:${active.id}`, 'cat:h']);

    user.send(`/start p_${hidden.id}`);
    expect(textOf(await user.reply())).toContain('Эта услуга сейчас недоступна');
    user.send('/start p_999999');
    expect(textOf(await user.reply())).toContain('Такой услуги нет в каталоге');
  });

  it('"All services" on a lone card turns it into the catalog', async () => {
    const all = await h.db.select().from(products);
    const audit = all.find((p) => p.title === 'Аудит')!;
    const user = await h.startedUser();
    user.send(`/start p_${audit.id}`);
    const card = await user.reply('Проверка сайта');
    await user.press(card, '📋 Весь каталог');
    await user.waitFor((m) => m.message_id === card.message_id && listShown(m));
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
