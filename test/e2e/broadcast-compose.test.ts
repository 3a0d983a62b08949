import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema/index.js';
import type { MessageEntity, StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';
import { startAdsHarness } from './ads-flow.js';

/**
 * Composing an ad the way an owner does in Telegram: formatting applied by the client (entities, no HTML),
 * a forwarded post, raw HTML, buttons added by a guided step, schedules typed in words; and what the
 * customer then sees and can do under the ad.
 */
let h: Harness;
let owner: TestUser;
let productId: number;

beforeAll(async () => {
  ({ h, owner, productId } = await startAdsHarness(100));
}, 120_000);
afterAll(async () => h?.close());

const isAd = (m: StoredMessage) => buttonsOf(m).some((b) => b.data === 'nws:off' || b.data === 'nws:on');
const adsIn = (who: TestUser) => who.botMessages().filter(isAd);

/** The formatting of a message without what Telegram detects by itself. */
const formatting = (m: StoredMessage) =>
  (m.entities ?? m.caption_entities ?? []).filter((e) => !['url', 'mention', 'bot_command'].includes(e.type));

/** /broadcast → New broadcast → the text prompt. */
async function newDraftPrompt(): Promise<void> {
  owner.send('/broadcast');
  const menu = await owner.reply(/Реклама/);
  await owner.press(menu, /Новая рассылка/);
  await owner.reply(/Пришлите текст рассылки/);
}

describe('an ad typed with Telegram formatting', () => {
  it('reaches customers with the same bold, italic, link and spoiler, and guided buttons', async () => {
    const customer = await h.startedUser({ firstName: 'Анна' });
    await newDraftPrompt();
    // 🔥 takes two UTF-16 code units: every offset after it is shifted by one against the characters
    const text = '🔥 Скидка 20% для {name}! Подробности на сайте, а промокод — под спойлером: BLACK <20>';
    const at = (part: string) => text.indexOf(part);
    const entities: MessageEntity[] = [
      { type: 'bold', offset: at('Скидка'), length: 'Скидка 20%'.length },
      { type: 'italic', offset: at('Скидка 20%') + 7, length: '20% для'.length },
      {
        type: 'text_link',
        offset: at('на сайте'),
        length: 'на сайте'.length,
        url: 'https://example.com/sale',
      },
      { type: 'spoiler', offset: at('BLACK'), length: 'BLACK'.length },
    ];
    owner.send(text, { entities });
    const draft = await owner.reply(/Черновик/);
    // the draft shows the ad's text as the admin's preview reads it
    expect(textOf(draft)).toContain(`🔥 Скидка 20% для ${owner.firstName}! Подробности на сайте`);

    // a button: label, then a link
    await owner.press(draft, /Добавить кнопку/);
    await owner.reply(/надпись на кнопке/);
    owner.send('Записаться');
    const target = await owner.reply(/Куда ведёт кнопка «Записаться»/);
    owner.send('javascript:alert(1)');
    expect(textOf(await owner.reply(/не ссылка/))).toContain('https://example.com');
    owner.send('https://example.com/book');
    const withLink = await owner.reply(/Черновик/);
    expect(textOf(withLink)).toContain('• Записаться');
    expect(buttonsOf(h.emu.message(owner.id, target.message_id)!)).toEqual([]);

    // a button: label, then a service picked from the catalog
    await owner.press(withLink, /Добавить кнопку/);
    await owner.reply(/надпись на кнопке/);
    owner.send('Смотреть лендинг');
    const target2 = await owner.reply(/Куда ведёт кнопка/);
    await owner.press(target2, /Услуга из каталога/);
    const picker = await owner.waitFor(
      (m) => m.message_id === target2.message_id && /Какую услугу/.test(textOf(m)),
    );
    await owner.press(picker, 'Лендинг');
    const withBoth = await owner.waitFor(
      (m) => m.message_id === target2.message_id && textOf(m).includes('• Смотреть лендинг'),
    );

    await owner.press(withBoth, /Подтвердить/);
    const confirm = await owner.waitFor(/Отправить/);
    await owner.press(confirm, /Да, отправить/);
    const [ad] = await waitForAds(customer, 1);

    expect(textOf(ad!)).toBe(text.replace('{name}', 'Анна'));
    const shift = 'Анна'.length - '{name}'.length;
    const moved = (e: MessageEntity) => (e.offset > at('{name}') ? { ...e, offset: e.offset + shift } : e);
    expect(formatting(ad!)).toEqual(entities.map(moved).sort((a, b) => a.offset - b.offset));
    expect(ad!.parse_mode).toBe('HTML');
    const buttons = buttonsOf(ad!);
    expect(buttons[0]).toEqual({ text: 'Записаться', url: 'https://example.com/book' });
    expect(buttons[1]?.text).toBe('Смотреть лендинг');
    expect(buttons[1]?.url).toMatch(new RegExp(`start=bc_\\d+_${productId}$`));

    // Unsubscribe turns into "Subscribe again", and back
    const off = await customer.press(ad!, /Отписаться/);
    expect(off?.text).toMatch(/отписались/);
    expect((await h.deps.services.users.byTelegramId(customer.id))?.adsOptOut).toBe(true);
    const swapped = await customer.waitFor(
      (m) => m.message_id === ad!.message_id && buttonsOf(m).some((b) => b.data === 'nws:on'),
    );
    expect(buttonsOf(swapped).map((b) => b.text)).toEqual([
      'Записаться',
      'Смотреть лендинг',
      '🔔 Снова подписаться',
    ]);
    const on = await customer.press(swapped, /Снова подписаться/);
    expect(on?.text).toMatch(/снова подписаны/);
    expect((await h.deps.services.users.byTelegramId(customer.id))?.adsOptOut).toBe(false);
    const back = await customer.waitFor(
      (m) => m.message_id === ad!.message_id && buttonsOf(m).some((b) => b.data === 'nws:off'),
    );
    expect(buttonsOf(back).at(-1)?.text).toBe('🔕 Отписаться от новостей');
  }, 60_000);

  it('keeps the formatting of a forwarded post, photo caption included', async () => {
    await newDraftPrompt();
    h.emu.createChannel({ id: -1009990001, title: 'Студия', username: 'studio_posts', botIsAdmin: false });
    const caption = 'Новый кейс: сайт за 5 дней';
    h.emu.sendPhoto(owner.id, {
      caption,
      entities: [
        { type: 'bold', offset: 0, length: 'Новый кейс'.length },
        { type: 'underline', offset: caption.indexOf('5 дней'), length: '5 дней'.length },
      ],
      forwardedFrom: { channelId: -1009990001, messageId: 12 },
    });
    const draft = await owner.reply(/Черновик/);
    expect(textOf(draft)).toContain('Фото: да');
    await owner.press(draft, /Предпросмотр/);
    const preview = await owner.reply((m) => m.photo !== undefined && isAd(m));
    expect(preview.caption).toBe(caption);
    expect(formatting(preview)).toEqual([
      { type: 'bold', offset: 0, length: 10 },
      { type: 'underline', offset: caption.indexOf('5 дней'), length: 6 },
    ]);
  });

  it('still takes raw HTML, and answers broken HTML and dropped links in Russian', async () => {
    await newDraftPrompt();
    owner.send('<blink>Скидка</blink>');
    const tag = textOf(await owner.reply(/не примет/));
    expect(tag).toContain('такого тега нет: <blink>');
    expect(tag).not.toMatch(/Unsupported|byte offset/);
    owner.send('<b>Скидка</i>');
    expect(textOf(await owner.reply(/не примет/))).toContain('ожидался </b>, а стоит </i>');
    owner.send('<a href="javascript:alert(1)">Скидка</a> для всех');
    const link = textOf(await owner.reply(/не откроется/));
    expect(link).toContain('javascript:alert(1)');
    owner.send('Tom & Jerry <3');
    const plain = await owner.reply(/Черновик/);
    expect(textOf(plain)).toContain('Tom & Jerry <3');
    await owner.press(plain, /Текст/);
    await owner.reply(/Пришлите текст рассылки/);
    owner.send('<b>Чёрная</b> <a href="https://example.com/">пятница</a>');
    const html = await owner.reply(/Черновик/);
    await owner.press(html, /Предпросмотр/);
    const preview = await owner.reply((m) => isAd(m) && textOf(m) === 'Чёрная пятница');
    expect(formatting(preview)).toEqual([
      { type: 'bold', offset: 0, length: 6 },
      { type: 'text_link', offset: 7, length: 7, url: 'https://example.com/' },
    ]);
  });
});

describe('a button step opened by an earlier version', () => {
  it('asks for the label first instead of losing the answer', async () => {
    await newDraftPrompt();
    owner.send('Акция');
    const draft = await owner.reply(/Черновик/);
    await owner.press(draft, /Добавить кнопку/);
    await owner.reply(/надпись на кнопке/);
    // the stored step of the one-answer form `Text | link`: no label in its data
    const key = String(owner.id);
    const stored = async () => {
      const [row] = await h.db.select().from(sessions).where(eq(sessions.key, key));
      return row?.value as { dialog?: { step: string; data: Record<string, unknown> } } | undefined;
    };
    await expect.poll(async () => (await stored())?.dialog?.step).toBe('label');
    const value = (await stored())!;
    if (!value.dialog) throw new Error('no dialog stored');
    value.dialog.step = 'url';
    delete value.dialog.data.label;
    await h.db.update(sessions).set({ value }).where(eq(sessions.key, key));
    owner.send('https://example.com');
    await owner.reply(/надпись на кнопке/);
    owner.send('Сайт');
    await owner.reply(/Куда ведёт кнопка «Сайт»/);
    owner.send('https://example.com');
    expect(textOf(await owner.reply(/Черновик/))).toContain('• Сайт');
  });
});

describe('the schedule in plain words', () => {
  it('understands "завтра 10:00", refuses an unreadable date as unreadable and a past one as past', async () => {
    await newDraftPrompt();
    owner.send('Распродажа');
    const draft = await owner.reply(/Черновик/);
    await owner.press(draft, /Расписание/);
    const picker = await owner.waitFor(
      (m) => m.message_id === draft.message_id && /Когда отправить/.test(textOf(m)),
    );
    expect(textOf(picker)).toContain('по московскому времени');
    expect(textOf(picker)).not.toContain('Europe/Moscow');
    expect(
      buttonsOf(picker)
        .map((b) => b.text)
        .join(' '),
    ).not.toMatch(/cron/i);
    await owner.press(picker, 'В дату и время');
    const ask = textOf(await owner.reply(/Пришлите дату и час/));
    expect(ask).toMatch(/например \d{2}\.\d{2}\.\d{4}, 18:00/);
    expect(ask).not.toContain('Europe/Moscow');

    owner.send('когда-нибудь');
    expect(textOf(await owner.reply(/⚠️/))).toContain('Не получилось прочитать дату');
    owner.send('01.01.2020 10:00');
    const past = textOf(await owner.reply(/⚠️/));
    expect(past).toContain('01.01.2020, 10:00 по московскому времени уже прошло');
    owner.send('завтра 10:00');
    const scheduled = await owner.reply(/Черновик/);
    const tomorrow = new Intl.DateTimeFormat('ru-RU', {
      dateStyle: 'short',
      timeZone: 'Europe/Moscow',
    }).format(new Date(Date.now() + 24 * 3600_000));
    expect(textOf(scheduled)).toContain(`один раз, ${tomorrow}, 10:00 по московскому времени`);

    await owner.press(scheduled, /Расписание/);
    const again = await owner.waitFor(
      (m) => m.message_id === scheduled.message_id && /Когда отправить/.test(textOf(m)),
    );
    await owner.press(again, 'Каждую неделю');
    await owner.reply(/день недели и час/);
    owner.send('пт 18:30');
    expect(textOf(await owner.reply(/Черновик/))).toContain('по пятницам в 18:30 по московскому времени');
  });
});

describe('the list of broadcasts', () => {
  it('labels a broadcast with its visible text, placeholder filled, cut at a word', async () => {
    await newDraftPrompt();
    owner.send('Дорогой {name}, только сегодня дарим бесплатную консультацию по продвижению');
    await owner.reply(/Черновик/);
    owner.send('/broadcast');
    const menu = await owner.reply(/Реклама/);
    await owner.press(menu, /Рассылки/);
    const list = await owner.waitFor(
      (m) => m.message_id === menu.message_id && /Последние рассылки/.test(textOf(m)),
    );
    const label = buttonsOf(list).find((b) => b.text.includes('Дорогой'))!.text;
    expect(label).not.toContain('{name}');
    expect(label).toMatch(new RegExp(`^📝 #\\d+ Дорогой ${owner.firstName}, .*[а-я]…$`));
    expect(label).not.toContain('продвижению');
  });
});

/** Waits until `who` has `count` ads. */
async function waitForAds(who: TestUser, count: number): Promise<StoredMessage[]> {
  await who.waitFor(() => adsIn(who).length >= count, 20_000);
  return adsIn(who);
}
