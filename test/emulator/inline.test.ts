import { Bot, GrammyError, InlineKeyboard, InputFile } from 'grammy';
import type { InlineQueryResult } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { makePng, type TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { ANN, BOB, fail, startedUser, TOKEN, useEmulator } from './helpers.js';

const TOO_OLD = 'Bad Request: query is too old and response timeout expired or query ID is invalid';

function article(id: string, extra: Record<string, unknown> = {}): InlineQueryResult {
  return {
    type: 'article',
    id,
    title: `Service ${id}`,
    input_message_content: { message_text: `Service ${id}` },
    ...extra,
  } as InlineQueryResult;
}

/** The id of the newest inline query waiting in the update queue. */
function pendingInlineId(emu: TelegramEmulator): string {
  const update = [...emu.pendingUpdates].reverse().find((u) => u.inline_query);
  if (!update?.inline_query) throw new Error('no inline query queued');
  return update.inline_query.id;
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GrammyError) return error.description;
    throw error;
  }
  throw new Error('the call unexpectedly succeeded');
}

describe('inline mode with a real grammY bot', () => {
  const { emu, root } = useEmulator();

  it('delivers inline_query, returns the answer, and sends the chosen article via the bot', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    const seen: { query?: string; offset?: string; chatType?: string; viaBot?: string; text?: string } = {};
    bot.on('inline_query', async (ctx) => {
      seen.query = ctx.inlineQuery.query;
      seen.offset = ctx.inlineQuery.offset;
      seen.chatType = ctx.inlineQuery.chat_type;
      await ctx.answerInlineQuery(
        [
          article('landing-1', {
            description: 'From 15 000 ₽ · 7 days',
            url: 'https://example.com/landing',
            thumbnail_url: 'https://example.com/landing.png',
            thumbnail_width: 100,
            thumbnail_height: 100,
            input_message_content: {
              message_text: '<b>Landing page</b> — from 15 000 ₽',
              parse_mode: 'HTML',
            },
            reply_markup: new InlineKeyboard().url(
              'Open in the bot',
              'https://t.me/phoenix_test_bot?start=p_1',
            ),
          }),
          article('logo-2'),
        ],
        {
          cache_time: 5,
          is_personal: true,
          next_offset: '2',
          button: { text: 'Open the catalog', start_parameter: 'catalog' },
        },
      );
    });
    bot.on('message', (ctx) => {
      seen.viaBot = ctx.message.via_bot?.username;
      seen.text = ctx.message.text;
    });
    await bot.init();
    expect(bot.botInfo.supports_inline_queries).toBe(true);
    startedUser(emu(), ANN);
    const polling = bot.start({ drop_pending_updates: false });
    try {
      const answer = await emu().sendInlineQuery(ANN, 'landing', { offset: '', chatType: 'private' });
      expect(seen).toMatchObject({ query: 'landing', offset: '', chatType: 'private' });
      expect(answer.results.map((r) => r.id)).toEqual(['landing-1', 'logo-2']);
      expect(answer.results[0]).toMatchObject({ type: 'article', title: 'Service landing-1' });
      expect(answer).toMatchObject({
        cacheTime: 5,
        isPersonal: true,
        nextOffset: '2',
        button: { text: 'Open the catalog', start_parameter: 'catalog' },
      });

      const sent = emu().chooseInlineResult(ANN, answer, 'landing-1');
      expect(sent.sender).toBe('user');
      expect(sent.from?.id).toBe(ANN);
      expect(sent.via_bot?.id).toBe(emu().bot.id);
      expect(sent.text).toBe('Landing page — from 15 000 ₽');
      expect(sent.entities).toEqual([{ type: 'bold', offset: 0, length: 12 }]);
      expect(sent.reply_markup).toEqual({
        inline_keyboard: [[{ text: 'Open in the bot', url: 'https://t.me/phoenix_test_bot?start=p_1' }]],
      });
      await expect.poll(() => seen.text).toBe('Landing page — from 15 000 ₽');
      expect(seen.viaBot).toBe('phoenix_test_bot');
      expect(() => emu().chooseInlineResult(ANN, answer, 'nope')).toThrow(/no result "nope"/);
      emu().createUser({ id: BOB, first_name: 'Bob' });
      expect(() => emu().chooseInlineResult(BOB, answer, 'logo-2')).toThrow(/no answered inline query/);
    } finally {
      await bot.stop();
      await polling;
    }
  });

  it('checks answerInlineQuery like Telegram and leaves the query answerable after a refused answer', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    startedUser(emu(), ANN);
    const pending = emu().sendInlineQuery(ANN, 'logo');
    const id = pendingInlineId(emu());
    const refuse = (results: unknown[], other: Record<string, unknown> = {}) =>
      rejection(bot.api.answerInlineQuery(id, results as InlineQueryResult[], other));

    const many = Array.from({ length: 51 }, (_, i) => article(`r${i}`));
    expect(await refuse(many)).toBe('Bad Request: RESULTS_TOO_MUCH');
    expect(await refuse([article('x'.repeat(65))])).toBe('Bad Request: RESULT_ID_INVALID');
    expect(await refuse([article('')])).toBe('Bad Request: RESULT_ID_INVALID');
    expect(await refuse([article('a'), article('a')])).toBe('Bad Request: RESULT_ID_DUPLICATE');
    expect(await refuse([article('a', { title: '' })])).toBe('Bad Request: ARTICLE_TITLE_EMPTY');
    expect(await refuse([article('a', { input_message_content: undefined })])).toBe(
      'Bad Request: MESSAGE_EMPTY',
    );
    expect(await refuse([article('a', { input_message_content: { message_text: 'x'.repeat(4097) } })])).toBe(
      'Bad Request: message is too long',
    );
    expect(
      await refuse([
        article('a', { input_message_content: { message_text: '<b>open', parse_mode: 'HTML' } }),
      ]),
    ).toMatch(/^Bad Request: can't parse entities: /);
    expect(
      await refuse([
        article('a', { input_message_content: { message_text: '<b> </b>', parse_mode: 'HTML' } }),
      ]),
    ).toBe('Bad Request: message text is empty');
    expect(await refuse([article('a', { thumbnail_url: 'not a url' })])).toBe(
      'Bad Request: WEBDOCUMENT_URL_INVALID',
    );
    expect(
      await refuse([
        article('a', { reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'y'.repeat(65) }]] } }),
      ]),
    ).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect(await refuse([{ type: 'venue', id: 'v' }])).toBe('Bad Request: RESULT_TYPE_INVALID');
    expect(await refuse([article('a')], { next_offset: 'o'.repeat(65) })).toBe(
      'Bad Request: NEXT_OFFSET_INVALID',
    );
    expect(await refuse([article('a')], { button: { text: 'Go', start_parameter: 'bad param!' } })).toBe(
      'Bad Request: START_PARAM_INVALID',
    );
    expect(await refuse([article('a')], { button: { text: 'Go', start_parameter: 'x'.repeat(65) } })).toBe(
      'Bad Request: START_PARAM_INVALID',
    );
    expect(
      await refuse([article('a')], { button: { text: 'Go', web_app: { url: 'http://insecure.example' } } }),
    ).toBe('Bad Request: BUTTON_URL_INVALID');

    // exactly 50 results with 64-byte ids are fine; the query is answered once
    const fifty = Array.from({ length: 50 }, (_, i) =>
      article(`${String(i).padStart(2, '0')}${'я'.repeat(31)}`),
    );
    expect(new TextEncoder().encode(fifty[0]?.id ?? '').length).toBe(64);
    await bot.api.answerInlineQuery(id, fifty, {
      button: { text: 'App', web_app: { url: 'https://example.com/app' } },
    });
    const answer = await pending;
    expect(answer.results).toHaveLength(50);
    expect(answer.cacheTime).toBe(300);
    expect(answer.button).toEqual({ text: 'App', web_app: { url: 'https://example.com/app' } });
    expect(await rejection(bot.api.answerInlineQuery(id, [article('a')]))).toBe(TOO_OLD);
    expect(await rejection(bot.api.answerInlineQuery('123', [article('a')]))).toBe(TOO_OLD);
  });

  it('answers cached photos and photos by URL; choosing one sends a photo with its caption via the bot', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    startedUser(emu(), ANN);
    const uploaded = await bot.api.sendPhoto(ANN, new InputFile(makePng(640, 480), 'logo.png'));
    const photoId = uploaded.photo.at(-1)?.file_id ?? '';
    const doc = await bot.api.sendDocument(ANN, new InputFile(Buffer.from('hello'), 'a.txt'));

    const pending = emu().sendInlineQuery(ANN, 'logo');
    const id = pendingInlineId(emu());
    const cached = (extra: Record<string, unknown>) =>
      ({
        type: 'photo',
        id: 'cached',
        title: 'Logo',
        description: 'From 5 000 ₽',
        ...extra,
      }) as InlineQueryResult;
    expect(await rejection(bot.api.answerInlineQuery(id, [cached({ photo_file_id: 'AgACAgUnknown' })]))).toBe(
      'Bad Request: wrong file identifier/HTTP URL specified',
    );
    expect(
      await rejection(bot.api.answerInlineQuery(id, [cached({ photo_file_id: doc.document.file_id })])),
    ).toBe('Bad Request: type of file mismatch');
    expect(
      await rejection(
        bot.api.answerInlineQuery(id, [cached({ photo_file_id: photoId, caption: 'x'.repeat(1025) })]),
      ),
    ).toBe('Bad Request: message caption is too long');
    expect(
      await rejection(
        bot.api.answerInlineQuery(id, [
          { type: 'photo', id: 'u', photo_url: 'https://example.com/p.jpg' } as InlineQueryResult,
        ]),
      ),
    ).toBe('Bad Request: PHOTO_THUMB_URL_EMPTY');

    await bot.api.answerInlineQuery(id, [
      cached({
        photo_file_id: photoId,
        caption: '<b>Logo</b> from 5 000 ₽',
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().url('Open in the bot', 'https://t.me/phoenix_test_bot?start=p_2'),
      }),
      {
        type: 'photo',
        id: 'by-url',
        photo_url: 'https://example.com/p.jpg',
        thumbnail_url: 'https://example.com/t.jpg',
      },
    ]);
    const answer = await pending;
    expect(answer.results[0]).toMatchObject({ type: 'photo', photo_file_id: photoId, title: 'Logo' });

    const photo = emu().chooseInlineResult(ANN, answer, 'cached');
    expect(photo.photo_file_id).toBe(photoId);
    expect(photo.caption).toBe('Logo from 5 000 ₽');
    expect(photo.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 4 }]);
    expect(photo.via_bot?.username).toBe('phoenix_test_bot');
    const fromUrl = emu().chooseInlineResult(ANN, answer, 'by-url');
    expect(emu().fileInfo(fromUrl.photo_file_id ?? '')?.url).toBe('https://example.com/p.jpg');

    const updates = await bot.api.getUpdates({ offset: 0 });
    const viaBot = updates.filter((u) => u.message?.via_bot).map((u) => u.message);
    expect(viaBot.map((m) => m?.caption)).toEqual(['Logo from 5 000 ₽', undefined]);
    expect(viaBot[0]?.photo?.at(-1)?.file_id).toBe(photoId);
  });

  it('sends chosen_inline_result only with inline feedback on', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    startedUser(emu(), ANN);
    const first = emu().sendInlineQuery(ANN, 'a');
    await bot.api.answerInlineQuery(pendingInlineId(emu()), [article('one')]);
    emu().chooseInlineResult(ANN, await first, 'one');
    expect(emu().pendingUpdates.some((u) => 'chosen_inline_result' in u)).toBe(false);
  });
});

describe('inline mode options', () => {
  const { emu, root } = useEmulator({ inlineFeedback: true, inlineQueryTimeoutMs: 50 });

  it('with inline feedback, choosing a result also sends chosen_inline_result', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    startedUser(emu(), ANN);
    const pending = emu().sendInlineQuery(ANN, 'lan');
    await bot.api.answerInlineQuery(pendingInlineId(emu()), [article('one')]);
    emu().chooseInlineResult(ANN, await pending, 'one');
    const updates = await bot.api.getUpdates({ offset: 0 });
    expect(updates.map((u) => u.chosen_inline_result).filter(Boolean)).toEqual([
      { result_id: 'one', from: emu().user(ANN), query: 'lan' },
    ]);
  });

  it('expires an unanswered query: the driver gets an error, a late answer is refused', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    startedUser(emu(), ANN);
    const pending = emu().sendInlineQuery(ANN, 'late');
    const id = pendingInlineId(emu());
    await expect(pending).rejects.toThrow(/did not answer inline query/);
    expect(await rejection(bot.api.answerInlineQuery(id, [article('a')]))).toBe(TOO_OLD);
    expect(() => emu().sendInlineQuery(ANN, 'q'.repeat(257))).toThrow(/256 characters/);
  });
});

describe('inline mode switched off', () => {
  const { emu, root } = useEmulator({ inlineMode: false });

  it('reports it in getMe, sends no inline queries and refuses switch_inline_query buttons', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    await bot.init();
    expect(bot.botInfo.supports_inline_queries).toBe(false);
    startedUser(emu(), ANN);
    expect(() => emu().sendInlineQuery(ANN, 'x')).toThrow(/inline mode is off/);
    const [status, description] = await fail(root(), 'sendMessage', {
      chat_id: ANN,
      text: 'Share',
      reply_markup: { inline_keyboard: [[{ text: 'Share', switch_inline_query: 'logo' }]] },
    });
    expect([status, description]).toEqual([400, 'Bad Request: BUTTON_TYPE_INVALID']);
  });
});

describe('switch_inline_query buttons', () => {
  const { emu, root } = useEmulator();

  it('are validated', async () => {
    startedUser(emu(), ANN);
    const bot = new Bot(TOKEN, { client: { apiRoot: root() } });
    const ok = await bot.api.sendMessage(ANN, 'Share', {
      reply_markup: new InlineKeyboard()
        .switchInline('Share', 'logo')
        .switchInlineCurrent('Search here', '')
        .switchInlineChosen('Send to a friend', { query: 'logo', allow_user_chats: true }),
    });
    expect(ok.reply_markup?.inline_keyboard[0]?.map((b) => b.text)).toEqual([
      'Share',
      'Search here',
      'Send to a friend',
    ]);
    const send = (button: Record<string, unknown>) =>
      fail(root(), 'sendMessage', {
        chat_id: ANN,
        text: 'x',
        reply_markup: { inline_keyboard: [[{ text: 'b', ...button }]] },
      });
    expect(await send({ switch_inline_query: 'q'.repeat(257) })).toEqual([
      400,
      'Bad Request: BUTTON_TYPE_INVALID',
    ]);
    expect(await send({ switch_inline_query_chosen_chat: { query: 'x' } })).toEqual([
      400,
      'Bad Request: BUTTON_TYPE_INVALID',
    ]);
    expect(await send({ switch_inline_query_chosen_chat: { allow_user_chats: 'yes' } })).toEqual([
      400,
      'Bad Request: BUTTON_TYPE_INVALID',
    ]);
    // pay buttons belong to invoices only
    expect(await send({ pay: true })).toEqual([400, 'Bad Request: BUTTON_TYPE_INVALID']);
  });
});
