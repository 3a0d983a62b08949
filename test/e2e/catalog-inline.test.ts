import { eq } from 'drizzle-orm';
import { Api, InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, products } from '../../src/db/schema/index.js';
import { makePng } from '../../src/sandbox/emulator/index.js';
import type { InlineQueryAnswer } from '../../src/sandbox/emulator/types.js';
import { type Harness, startHarness, TEST_TOKEN, textOf } from '../helpers/harness.js';

/** Inline mode (`@bot words` in any chat): results valid per the Bot API, the same search, texts per language. */

let h: Harness;
let landing: number;
let logo: number;
let design: number;

beforeAll(async () => {
  h = await startHarness();
  const keeper = await h.startedUser({ firstName: 'Keeper' });
  const api = new Api(TEST_TOKEN, { apiRoot: h.emu.apiRoot });
  const sent = await api.sendPhoto(keeper.id, new InputFile(makePng(64, 48), 'p.png'));
  const image = sent.photo.at(-1)!.file_id;
  const [web, art] = await h.db
    .insert(categories)
    .values([
      { title: 'Сайты', position: 1 },
      { title: 'Дизайн', position: 2 },
    ])
    .returning();
  design = art!.id;
  const rows = await h.db
    .insert(products)
    .values([
      {
        title: 'Лендинг',
        titleEn: 'Landing page',
        description: 'Одностраничный сайт <под ключ>',
        descriptionEn: 'A turnkey one-page website',
        price: 45000,
        deadlineDays: 5,
        categoryId: web!.id,
      },
      {
        title: 'Логотип',
        description: 'Фирменный знак',
        price: 15000,
        deadlineDays: 3,
        categoryId: art!.id,
        image,
      },
      // Sixty more, so an empty query has more than one answer's worth.
      ...Array.from({ length: 60 }, (_, i) => ({
        title: `Услуга ${i + 1}`,
        description: 'Ещё одна услуга',
        price: 1000 + i,
        deadlineDays: 1,
        categoryId: web!.id,
      })),
    ])
    .returning();
  landing = rows[0]!.id;
  logo = rows[1]!.id;
});
afterAll(async () => h?.close());

const ids = (answer: InlineQueryAnswer) => answer.results.map((r) => r.id);

/** The fields of a result these tests read (the emulator keeps the JSON the bot sent). */
interface SentResult {
  type: string;
  description?: string;
  caption?: string;
  input_message_content?: { message_text: string; parse_mode?: string };
  reply_markup?: { inline_keyboard: { text: string; url?: string }[][] };
}
const sent = (answer: InlineQueryAnswer, i = 0) => answer.results[i] as unknown as SentResult;

describe('inline mode', () => {
  it('"лендинг" answers with the service as an article: card text, deep-link button, short personal cache', async () => {
    const user = h.user({ firstName: 'Nobody yet' });
    const answer = await h.emu.sendInlineQuery(user.id, 'лендинг');
    expect(ids(answer)).toEqual([`p_${landing}`]);
    expect(answer.cacheTime).toBeLessThanOrEqual(30);
    expect(answer.isPersonal).toBe(true);
    expect(answer.nextOffset).toBe('');
    expect(answer.results[0]).toMatchObject({ type: 'article', title: 'Лендинг' });
    const result = sent(answer);
    expect(result.description).toMatch(/45\s000\s₽ · 5 дней — Одностраничный сайт <под ключ>/);
    expect(result.input_message_content?.parse_mode).toBe('HTML');
    expect(result.input_message_content?.message_text).toContain('&lt;под ключ&gt;');
    expect(result.reply_markup?.inline_keyboard).toEqual([
      [{ text: 'Открыть в боте', url: `https://t.me/${h.emu.bot.username}?start=p_${landing}` }],
    ]);
  });

  it('a service with a photo is a cached photo with the card as its caption; English readers get English texts', async () => {
    const eve = h.user({ firstName: 'Eve', languageCode: 'en' });
    const photo = await h.emu.sendInlineQuery(eve.id, 'логотип');
    expect(photo.results).toEqual([
      expect.objectContaining({ type: 'photo', id: `p_${logo}`, title: 'Логотип', parse_mode: 'HTML' }),
    ]);
    expect(sent(photo).caption).toContain('Lead time: 3 days');
    const english = await h.emu.sendInlineQuery(eve.id, 'landing');
    expect(english.results).toEqual([expect.objectContaining({ title: 'Landing page' })]);
    expect(sent(english).reply_markup?.inline_keyboard[0]?.[0]?.text).toBe('Open in the bot');
  });

  it('an empty query lists the catalog 50 at a time with ids of at most 64 bytes, then the rest by offset', async () => {
    const user = h.user();
    const first = await h.emu.sendInlineQuery(user.id, '');
    expect(first.results).toHaveLength(50);
    expect(first.results.every((r) => Buffer.byteLength(r.id) <= 64)).toBe(true);
    expect(new Set(ids(first)).size).toBe(50);
    // In catalog order: the first category's services first.
    expect(ids(first)[0]).toBe(`p_${landing}`);
    expect(first.nextOffset).toBe('50');
    const rest = await h.emu.sendInlineQuery(user.id, '', { offset: first.nextOffset });
    expect(rest.results).toHaveLength(12);
    expect(rest.nextOffset).toBe('');
    expect(ids(rest)).toContain(`p_${logo}`);
  });

  it('a chosen result arrives in the chat as the card and is not answered; its button opens the card by deep link', async () => {
    const user = await h.startedUser();
    const answer = await h.emu.sendInlineQuery(user.id, 'лендинг');
    const shared = h.emu.chooseInlineResult(user.id, answer, `p_${landing}`);
    expect(textOf(shared)).toContain('Лендинг');
    user.send('/help');
    const help = await user.reply();
    // The next bot message is the answer to /help: nothing was said about the shared card.
    expect(textOf(help)).toContain('/catalog');
    expect(
      h.emu
        .botMessages(user.id)
        .filter((m) => m.message_id > shared.message_id && m.message_id < help.message_id),
    ).toEqual([]);

    h.emu.openDeepLink(user.id, `https://t.me/${h.emu.bot.username}?start=p_${landing}`);
    const card = await user.waitFor((m) => m.message_id > help.message_id && textOf(m).includes('Цена'));
    expect(textOf(card)).toContain('Одностраничный сайт');
  });

  it('a disabled category hides its services from inline results', async () => {
    const user = h.user();
    await h.db.update(categories).set({ isActive: false }).where(eq(categories.id, design));
    try {
      const none = await h.emu.sendInlineQuery(user.id, 'логотип');
      expect(ids(none)).toEqual([]);
      // Nothing found: a button opens the catalog in the bot.
      expect(none.button).toEqual({ text: 'Открыть каталог в боте', start_parameter: 'c_all' });
      const chat = await h.startedUser();
      chat.send('/start c_all');
      // With the other category disabled, the catalog is that one category's list.
      expect(textOf(await chat.reply('1. Лендинг'))).not.toContain('Логотип');
      expect(ids(await h.emu.sendInlineQuery(user.id, ''))).not.toContain(`p_${logo}`);
    } finally {
      await h.db.update(categories).set({ isActive: true }).where(eq(categories.id, design));
    }
  });

  it('a banned customer gets an empty answer, not a spinner', async () => {
    const banned = await h.startedUser({ firstName: 'Banned' });
    const { users: userService, bans } = h.deps.services;
    const row = (await userService.byTelegramId(banned.id))!;
    h.owners[0]!.send('/start');
    await h.owners[0]!.reply();
    const owner = (await userService.byTelegramId(h.owners[0]!.id))!;
    expect((await bans.ban({ userId: row.id, reason: 'spam', bannedBy: owner.id, days: 1 })).ok).toBe(true);
    const answer = await h.emu.sendInlineQuery(banned.id, 'лендинг');
    expect(answer.results).toEqual([]);
    expect(answer.cacheTime).toBe(0);
  });
});
