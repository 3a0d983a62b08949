import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';
import { startWithOwner } from './admin-flow.js';
import { relayRecorded } from './support-flow.js';

/** Staff-side QA regressions found by exploring the admin panel, tickets and advertising end to end. */

let h: Harness;
let owner: TestUser;

beforeAll(async () => {
  ({ h, owner } = await startWithOwner());
});
afterAll(async () => h?.close());

/** The message `m` as it is now (after edits). */
const now = (who: TestUser, m: StoredMessage): StoredMessage => h.emu.message(who.id, m.message_id) ?? m;

/** /broadcast → New broadcast → `send` the content; resolves with the draft screen. */
async function newDraft(send: () => void): Promise<StoredMessage> {
  owner.send('/broadcast');
  const menu = await owner.reply(/Реклама/);
  await owner.press(menu, /Новая рассылка/);
  await owner.reply(/Пришлите текст/);
  send();
  return owner.reply(/Черновик/);
}

describe('advertising', () => {
  it('counts recipients with the right plural form on the draft and the confirm screen', async () => {
    // The owner and one customer have started the bot: the owner is not an ad recipient.
    await h.startedUser({ firstName: 'Reader' });
    const draft = await newDraft(() => owner.send('<b>Скидка</b> для {name}'));
    expect(textOf(draft)).toMatch(/Всем — 1 получатель(\n|$)/);
    await owner.press(draft, '✅ Подтвердить');
    const confirm = await owner.waitFor(
      (m) => m.message_id === draft.message_id && textOf(m).startsWith('Отправить'),
    );
    expect(textOf(confirm)).toContain('Отправить 1 получателю (Всем)');
  });

  it('explains a photo without a caption and a too long text in the admin’s language', async () => {
    owner.send('/broadcast');
    const menu = await owner.reply(/Реклама/);
    await owner.press(menu, /Новая рассылка/);
    await owner.reply(/Пришлите текст/);
    owner.sendPhoto();
    const empty = await owner.reply();
    expect(textOf(empty)).toContain('В рассылке нет текста');
    expect(textOf(empty)).not.toContain('empty');

    owner.sendPhoto('Фото-реклама');
    const draft = await owner.reply(/Черновик/);
    await owner.press(draft, '✏️ Текст');
    await owner.reply(/Пришлите текст/);
    owner.send('я'.repeat(1100));
    const tooLong = await owner.reply();
    expect(textOf(tooLong)).toMatch(/Текст длиннее 1\D?024 символов/);
    expect(textOf(tooLong)).not.toContain('longer than');
  });

  it('refuses to confirm a one-off broadcast whose time passed while it was a draft', async () => {
    const draft = await newDraft(() => owner.send('Разовая рассылка'));
    const id = Number(/#(\d+)/.exec(textOf(draft))?.[1]);
    await owner.press(draft, '🕒 Расписание');
    const schedule = await owner.waitFor(
      (m) => m.message_id === draft.message_id && textOf(m).includes('Когда отправить'),
    );
    await owner.press(schedule, 'В дату и время');
    await owner.reply(/Пришлите дату и час/);
    owner.send('2099-12-31 18:00');
    const scheduled = await owner.reply(/Черновик/);
    // The admin was away: the chosen time is now an hour ago.
    await h.deps.services.broadcasts.updateDraft(id, { nextRunAt: new Date(Date.now() - 3_600_000) });

    const answer = await owner.press(scheduled, '✅ Подтвердить');
    expect(answer?.text).toContain('Время рассылки уже прошло');
    // A confirm button pressed on an older screen is refused too.
    expect((await owner.forge(scheduled.message_id, `bc:go:${id}`))?.text).toContain(
      'Время рассылки уже прошло',
    );
    expect((await h.deps.services.broadcasts.get(id))?.state).toBe('draft');
    expect(await h.deps.services.broadcasts.runsOf(id)).toHaveLength(0);
  });

  it('moves a recurring draft whose next occurrence passed to the next one from now before confirming', async () => {
    const draft = await newDraft(() => owner.send('Ежедневная рассылка'));
    const id = Number(/#(\d+)/.exec(textOf(draft))?.[1]);
    await owner.press(draft, '🕒 Расписание');
    const schedule = await owner.waitFor(
      (m) => m.message_id === draft.message_id && textOf(m).includes('Когда отправить'),
    );
    await owner.press(schedule, 'Каждый день');
    await owner.reply(/Во сколько отправлять каждый день/);
    owner.send('10:00');
    const scheduled = await owner.reply(/Черновик/);
    // Composed yesterday: the stored next occurrence is in the past.
    await h.deps.services.broadcasts.updateDraft(id, { nextRunAt: new Date(Date.now() - 86_400_000) });

    await owner.press(scheduled, '✅ Подтвердить');
    const confirm = await owner.waitFor(
      (m) => m.message_id === scheduled.message_id && textOf(m).startsWith('Отправить'),
    );
    // A scheduled broadcast is scheduled, not sent, by its confirm button.
    expect(buttonsOf(confirm).map((b) => b.text)).not.toContain('🚀 Да, отправить');
    await owner.press(confirm, '🕒 Да, запланировать');
    await owner.waitFor((m) => m.message_id === scheduled.message_id && textOf(m).includes('запланирована'));
    const row = await h.deps.services.broadcasts.get(id);
    expect(row?.state).toBe('scheduled');
    expect(row?.nextRunAt?.getTime()).toBeGreaterThan(Date.now());
    // Nothing fired for the missed occurrence.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await h.deps.services.broadcasts.runsOf(id)).toHaveLength(0);
    expect(buttonsOf(now(owner, confirm)).length).toBeGreaterThan(0);
  });
});

describe('products', () => {
  it('Cancel on a field edit ends it: the next message does not change the product', async () => {
    const created = await h.deps.services.catalog.create({
      title: 'Лендинг QA',
      description: 'Одна страница',
      price: 5000,
      deadlineDays: 3,
    });
    if (!created.ok) throw new Error('product not created');
    owner.send('/admin');
    const menu = await owner.reply('Панель администратора');
    await owner.press(menu, '🛍 Услуги');
    const list = await owner.waitFor(
      (m) => m.message_id === menu.message_id && buttonsOf(m).some((b) => b.text === 'Лендинг QA'),
    );
    await owner.press(list, 'Лендинг QA');
    const view = await owner.waitFor(
      (m) => m.message_id === menu.message_id && buttonsOf(m).some((b) => b.text === '✏️ Название'),
    );
    await owner.press(view, '✏️ Название');
    const prompt = await owner.reply('Введите название услуги');
    await owner.press(prompt, '✖ Отмена');
    await owner.waitFor((m) => m.message_id === prompt.message_id && textOf(m).includes('Лендинг QA'));

    owner.send('Совсем другой текст');
    const answer = await owner.reply();
    expect(textOf(answer)).not.toContain('Услуга обновлена');
    expect((await h.deps.services.catalog.byId(created.product.id))?.title).toBe('Лендинг QA');
  });
});

describe('advertising list', () => {
  it('labels a broadcast by its visible text: entities decoded, emoji never cut in half', async () => {
    const text = 'Скидки &amp; <b>подарки</b> 🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁';
    const draft = await newDraft(() => owner.send(text));
    const id = Number(/#(\d+)/.exec(textOf(draft))?.[1]);
    await owner.press(draft, '◀ Назад');
    const menu = await owner.waitFor(
      (m) => m.message_id === draft.message_id && buttonsOf(m).some((b) => b.text === '📋 Рассылки'),
    );
    await owner.press(menu, '📋 Рассылки');
    const list = await owner.waitFor(
      (m) => m.message_id === draft.message_id && buttonsOf(m).some((b) => b.data === `bc:v:${id}`),
    );
    const label = buttonsOf(list).find((b) => b.data === `bc:v:${id}`)?.text ?? '';
    // Cut at a word (the run of emoji is one long word), entities decoded.
    expect(label).toContain('Скидки & подарки');
    expect(label).not.toContain('&amp;');
    expect(label).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('staff list', () => {
  it('shortens a long emoji name at a whole character', async () => {
    const agent = await h.startedUser({ firstName: `AB${'🔥'.repeat(30)}` });
    await h.makeStaff(agent, 'support');
    owner.send('/admin');
    const menu = await owner.reply('Панель администратора');
    await owner.press(menu, '👥 Сотрудники');
    const list = await owner.waitFor(
      (m) => m.message_id === menu.message_id && buttonsOf(m).some((b) => b.data === `ads:v:${agent.id}`),
    );
    const label = buttonsOf(list).find((b) => b.data === `ads:v:${agent.id}`)?.text ?? '';
    expect(label).toMatch(/^🎧 AB🔥/);
    expect(label).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('a reply to a customer while an order cancellation waits for its reason', () => {
  it('goes to the ticket; the order is not cancelled with it', async () => {
    const { catalog, orders, users, tickets } = h.deps.services;
    const product = await catalog.create({
      title: 'Сайт-визитка',
      description: 'Три страницы',
      price: 9000,
      deadlineDays: 5,
    });
    if (!product.ok) throw new Error('product not created');
    const buyer = await h.startedUser({ firstName: 'Buyer', languageCode: 'en' });
    const placed = await orders.placeOrder({
      userId: (await users.byTelegramId(buyer.id))!.id,
      productId: product.product.id,
      email: 'buyer-qa@example.com',
      promoCode: null,
      checkoutKey: 'staff-qa-1',
    });
    if (!placed.ok) throw new Error('order not placed');
    const orderId = placed.order.id;

    const admin = await h.startedUser({ firstName: 'Ada', languageCode: 'en' });
    await h.makeStaff(admin, 'admin');
    await tickets.setNotifications(admin.id, 'admin', true);

    // A customer asks for help; the admin takes the ticket.
    const customer = await h.startedUser({ firstName: 'Cleo', languageCode: 'en' });
    customer.send('/support');
    await customer.reply('describe your question');
    customer.send('Where is my invoice?');
    await customer.reply(/Request #\d+ received/);
    const ticket = (await tickets.openTicketOf((await users.byTelegramId(customer.id))!.id))!;
    const notification = await admin.waitFor(`New ticket #${ticket.id}\n`);
    await admin.press(notification, '🛠 Take');
    await customer.reply(/is handling your request/);

    // The admin starts cancelling the order, then the customer writes and the admin answers them.
    await admin.forge(notification.message_id, `oa:cancel:${orderId}`);
    await admin.reply(`reason for cancelling order #${orderId}`);
    customer.send('Any news?');
    const relayed = await admin.waitFor('Any news?');
    await relayRecorded(h, admin, relayed);
    admin.send('It is in your mailbox', { replyTo: relayed.message_id });

    expect(textOf(await admin.reply())).toContain(`Sent to ticket #${ticket.id}`);
    expect(textOf(await customer.reply())).toContain('It is in your mailbox');
    expect((await orders.byId(orderId))?.state).toBe('created');
  });
});

describe('a reply to a ticket customer while an admin wizard is open', () => {
  it('goes to the ticket and the wizard keeps waiting at its step', async () => {
    const { users, tickets, catalog } = h.deps.services;
    const customer = await h.startedUser({ firstName: 'Wiz', languageCode: 'ru' });
    customer.send('/support');
    await customer.reply('Опишите');
    customer.send('Помогите с оплатой');
    await customer.reply(/Обращение №\d+/);
    const ticket = (await tickets.openTicketOf((await users.byTelegramId(customer.id))!.id))!;
    await tickets.take(ticket.id, { userId: (await users.byTelegramId(owner.id))!.id, role: 'owner' });

    // The owner opens the product wizard; it asks for the title.
    owner.send('/admin');
    const menu = await owner.reply('Панель администратора');
    await owner.press(menu, /Услуги/);
    const list = await owner.waitFor(
      (m) => m.message_id === menu.message_id && buttonsOf(m).some((b) => b.text === '➕ Новая услуга'),
    );
    await owner.press(now(owner, list), '➕ Новая услуга');
    await owner.waitFor('Введите название услуги');

    customer.send('Есть новости?');
    const relayed = await owner.waitFor('Есть новости?');
    await relayRecorded(h, owner, relayed);
    owner.send('Счёт уже у вас на почте', { replyTo: relayed.message_id });
    expect(textOf(await owner.reply())).toContain(`Отправлено в тикет #${ticket.id}`);
    expect(textOf(await customer.reply())).toContain('Счёт уже у вас на почте');

    // The wizard is still at the title step: the next plain text becomes the title.
    owner.send('Визитка после ответа');
    await owner.reply('Введите описание');
    expect((await catalog.listAll()).some((p) => p.title === 'Счёт уже у вас на почте')).toBe(false);
  });
});

describe('opening /admin while composing an ad', () => {
  it('ends the compose step: the next text is not taken as the ad', async () => {
    owner.send('/broadcast');
    const menu = await owner.reply(/Реклама/);
    await owner.press(menu, /Новая рассылка/);
    await owner.reply(/Пришлите текст/);
    owner.send('/admin');
    await owner.reply('Панель администратора');
    owner.send('Просто текст');
    expect(textOf(await owner.reply())).toBe('Не получилось понять это сообщение. Что умеет бот — в /help.');
  });
});
