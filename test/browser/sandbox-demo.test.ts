import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders, products, staff } from '../../src/db/schema/index.js';
import { SANDBOX_CHANNEL } from '../../src/sandbox/personas.js';
import { personaNamed, SandboxPage, screenshot, useSandboxInBrowser } from './sandbox.js';

const mike = personaNamed('mike_customer');
const anna = personaNamed('anna_customer');
const oleg = personaNamed('oleg_owner');
const dan = personaNamed('dan_support');

// The browser runs in another time zone than the studio's (TIMEZONE defaults to Europe/Moscow).
const env = useSandboxInBrowser({ width: 1200, height: 800 }, 'America/Los_Angeles');
const t = (locale: 'ru' | 'en', key: Parameters<typeof env.sandbox.app.deps.translator.t>[1]) =>
  env.sandbox.app.deps.translator.t(locale, key);

/** Whether the last element matching `selector` lies wholly inside the visible part of the chat. */
async function inView(ui: SandboxPage, selector: string): Promise<boolean> {
  return ui.page.evaluate(`(() => {
    const list = document.querySelector('[data-testid="messages"]');
    const target = [...document.querySelectorAll(${JSON.stringify(selector)})].at(-1);
    if (!list || !target) return false;
    const box = list.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    return rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
  })()`);
}

describe('the sandbox as a demo', () => {
  it('after /catalog the card is shown whole: its picture loaded and the Order button in view', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    await ui.openPersona(mike.id);
    await ui.startBot();
    await ui.joinChannel();
    await ui.command('catalog');
    const list = ui.botMessage('1. ');
    await list.waitFor();
    await ui.pressButton(/^1\. /, list);
    const card = ui.page
      .locator('[data-testid="message"]')
      .filter({ has: ui.page.getByTestId('message-photo') });
    await card
      .last()
      .getByTestId('inline-button')
      .filter({ hasText: t('en', 'catalog-btn-order') })
      .waitFor();
    await ui.page.waitForFunction(`[...document.querySelectorAll('[data-testid="message-photo"]')]
      .every((img) => img.complete && img.naturalWidth > 0)`);
    // The picture took its place before it loaded: the end of the chat, with Order, is what shows.
    await expect
      .poll(() => inView(ui, '[data-testid="message"]:last-child [data-testid="inline-keyboard"]'))
      .toBe(true);
    expect(await inView(ui, '[data-testid="message"]:last-child [data-testid="message-photo"]')).toBe(true);
    await screenshot(ui.page, 'sandbox-catalog-card');

    // The picture opens full size.
    await card.last().getByTestId('message-photo').click();
    await ui.page.locator('[data-testid="photo-viewer"][open]').waitFor();
    const sizes = (await ui.page.evaluate(`(() => {
      const image = document.querySelector('[data-testid="photo-viewer-image"]');
      return { natural: image.naturalWidth, shown: image.getBoundingClientRect().width };
    })()`)) as { natural: number; shown: number };
    const inBubble = await card
      .last()
      .getByTestId('message-photo')
      .evaluate((img) => img.clientWidth);
    expect(sizes.natural).toBeGreaterThan(0);
    expect(sizes.shown).toBe(Math.min(sizes.natural, 1200));
    expect(sizes.shown).toBeGreaterThan(inBubble);
    await ui.page.keyboard.press('Escape');
    await ui.page.locator('[data-testid="photo-viewer"]:not([open])').waitFor({ state: 'attached' });

    // Times are the studio's (Europe/Moscow), not the browser's (Los Angeles).
    const time = await ui.page.getByTestId('message-time').last().textContent();
    const date = env.sandbox.sandbox.emulator.chat(mike.id).messages.at(-1)?.date ?? 0;
    const at = (timeZone: string) =>
      new Date(date * 1000).toLocaleTimeString('en-US', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      });
    expect(time).toContain(at('Europe/Moscow'));
    expect(time).not.toContain(at('America/Los_Angeles'));
    expect(ui.errors).toEqual([]);
    await ui.page.close();
  }, 60_000);

  it('the invite link in the owner chat opens as the persona picked, who becomes an agent and replies to a customer', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    await ui.openPersona(oleg.id);
    await ui.command('admin');
    await ui.pressButton(t('ru', 'admin-btn-staff'));
    await ui.pressButton(t('ru', 'admin-staff-btn-invite-support'));
    const link = ui.page
      .locator('[data-testid="message"] a[data-entity="url"]')
      .filter({ hasText: 'start=staff_' });
    await link.waitFor();
    const pages = env.browser.context.pages().length;
    await link.click();
    await ui.page.locator('[data-testid="persona-picker"][open]').waitFor();
    await ui.page.getByTestId(`pick-persona-${mike.id}`).click();
    // Mike's chat opens with the bot's welcome; no real t.me tab was opened.
    await ui.page.locator(`[data-testid="app"][data-chat="${mike.id}"]`).waitFor();
    await ui.botMessage('PHOENIX team').waitFor();
    expect(env.browser.context.pages().length).toBe(pages);
    // His label follows the new role.
    await ui.persona(mike.id).locator('.role').filter({ hasText: 'agent' }).waitFor();
    expect(await ui.persona(oleg.id).locator('.role').textContent()).toBe('owner');

    // Anna opens a ticket; Mike takes it and answers her relayed message with Reply.
    await ui.openPersona(anna.id);
    await ui.startBot();
    await ui.joinChannel();
    const before = await ui.botMessages().count();
    await ui.command('support');
    // The bot asks for the problem (whatever its wording).
    await expect.poll(() => ui.botMessages().count()).toBeGreaterThan(before);
    await ui.type('Форма на сайте не отправляется');
    await ui.botMessage(/№\d+/).waitFor();
    await ui.openPersona(mike.id);
    const notice = ui.botMessage('Форма на сайте не отправляется');
    await notice.waitFor();
    await ui.pressButton(t('en', 'tickets-btn-take'), notice);
    await notice
      .getByTestId('inline-button')
      .filter({ hasText: t('en', 'tickets-btn-close') })
      .waitFor();
    await ui.openPersona(anna.id);
    await ui.type('И ещё: письма не приходят');
    await ui.openPersona(mike.id);
    const relayed = ui.botMessage('И ещё: письма не приходят');
    await relayed.waitFor();
    await relayed.hover();
    await relayed.getByTestId('reply-to').click();
    expect(await ui.page.getByTestId('reply-bar-text').textContent()).toContain('И ещё: письма не приходят');
    await ui.type('Проверим почту, спасибо!');
    const mine = ui.page
      .locator('[data-testid="message"][data-sender="user"]')
      .filter({ hasText: 'Проверим почту' });
    await mine.getByTestId('reply-quote').filter({ hasText: 'И ещё: письма не приходят' }).waitFor();
    expect(await ui.page.getByTestId('reply-bar').isHidden()).toBe(true);
    const sent = env.sandbox.sandbox.emulator
      .chat(mike.id)
      .messages.filter((m) => m.sender === 'user')
      .at(-1);
    expect(sent?.reply_to_message_id).toBe(Number(await relayed.getAttribute('data-id')));
    // The bot took the reply as an answer in the ticket: Anna gets it.
    await ui.openPersona(anna.id);
    await ui.botMessage('Проверим почту, спасибо!').waitFor();
    expect(ui.errors).toEqual([]);
    await ui.page.close();
  }, 90_000);

  it('a URL button and a text link to the bot open as deep links as the persona picked; other t.me links open no tab', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    const emu = env.sandbox.sandbox.emulator;
    const [product] = await env.sandbox.database.db
      .select()
      .from(products)
      .where(eq(products.title, 'Лендинг'));
    const link = `https://t.me/${emu.bot.username}?start=p_${product?.id}`;
    // A post in the channel, as an ad with an "open the service" button would look.
    const text = 'Новый лендинг за 5 дней. Подробнее. Наш чат.';
    const linked = (word: string, url: string) => ({
      type: 'text_link',
      offset: text.indexOf(word),
      length: word.length,
      url,
    });
    await emu.invoke('sendMessage', {
      chat_id: SANDBOX_CHANNEL.id,
      text,
      entities: [linked('Подробнее', link), linked('Наш чат', 'https://t.me/some_other_chat')],
      reply_markup: { inline_keyboard: [[{ text: 'Открыть услугу', url: link }]] },
    });
    await ui.page.getByTestId('chat-channel').click();
    const post = ui.page.locator('[data-testid="message"]').filter({ hasText: 'Новый лендинг' }).last();
    await post.waitFor();
    const pages = env.browser.context.pages().length;

    await post.locator('a[data-entity="text_link"]').filter({ hasText: 'Наш чат' }).click();
    await ui.page
      .locator('[data-testid="toast"]:not([hidden])')
      .filter({ hasText: 'outside the sandbox' })
      .waitFor();

    await post.getByTestId('inline-button').filter({ hasText: 'Открыть услугу' }).click();
    await ui.page.locator('[data-testid="persona-picker"][open]').waitFor();
    await ui.page.getByTestId('picker-cancel').click();
    await ui.page.locator('[data-testid="persona-picker"]:not([open])').waitFor({ state: 'attached' });

    await post.locator('a[data-entity="text_link"]').filter({ hasText: 'Подробнее' }).click();
    await ui.page.getByTestId(`pick-persona-${dan.id}`).click();
    await ui.page.locator(`[data-testid="app"][data-chat="${dan.id}"]`).waitFor();
    // Dan gets the service's card the link points to.
    await ui.page
      .locator('[data-testid="message"][data-sender="bot"]')
      .filter({ hasText: 'Лендинг' })
      .getByTestId('inline-button')
      .filter({ hasText: t('en', 'catalog-btn-order') })
      .last()
      .waitFor();
    expect(
      emu
        .chat(dan.id)
        .messages.filter((m) => m.sender === 'user')
        .at(-1)?.text,
    ).toBe(`/start p_${product?.id}`);
    expect(env.browser.context.pages().length).toBe(pages);
    expect(ui.errors).toEqual([]);
    await ui.page.close();
  });

  it('a persona switches the language of their app, and the bot answers in it', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    await ui.openPersona(mike.id);
    expect(await ui.page.getByTestId('persona-language').inputValue()).toBe('en');
    await ui.page.getByTestId('persona-language').selectOption('ru');
    await ui.persona(mike.id).filter({ hasText: 'Russian' }).waitFor();
    await ui.type('/start');
    const greeting = ui.botMessage('PHOENIX');
    await greeting.filter({ hasText: /[А-Яа-яЁё]{4}/ }).waitFor();
    expect(env.sandbox.sandbox.emulator.user(mike.id).language_code).toBe('ru');
    const unknown = await fetch(`${env.sandbox.url}/api/personas/${mike.id}/language`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ languageCode: 'xx' }),
    });
    expect(unknown.status).toBe(400);
    expect(env.sandbox.sandbox.emulator.user(mike.id).language_code).toBe('ru');
    await ui.page.getByTestId('persona-language').selectOption('en');
    await ui.persona(mike.id).filter({ hasText: 'English' }).waitFor();
    expect(ui.errors).toEqual([]);
    await ui.page.close();
  });

  it('Reset demo asks first, then brings back the seeded demo with the bot still answering', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    const { db } = env.sandbox.database;
    await db.update(products).set({ title: 'Изменённый лендинг' }).where(eq(products.title, 'Лендинг'));

    // Only a confirmed request resets.
    const unconfirmed = await fetch(`${env.sandbox.url}/api/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unconfirmed.status).toBe(400);
    // Cancel changes nothing.
    await ui.page.getByTestId('reset-demo').click();
    await ui.page.locator('[data-testid="reset-dialog"][open]').waitFor();
    await ui.page.getByTestId('reset-cancel').click();
    expect((await db.select({ n: count() }).from(staff))[0]?.n).toBe(3);

    await ui.page.getByTestId('reset-demo').click();
    await ui.page.getByTestId('reset-confirm').click();
    await ui.page.locator('[data-testid="toast"]').filter({ hasText: 'reset' }).waitFor();

    const all = await db.select().from(products);
    expect(all.map((p) => p.title).sort()).toEqual(
      ['Интернет-магазин', 'Корпоративный сайт', 'Лендинг', 'Telegram-бот'].sort(),
    );
    expect((await db.select({ n: count() }).from(staff))[0]?.n).toBe(2);
    expect((await db.select({ n: count() }).from(orders))[0]?.n).toBe(0);
    // Mike is a customer again, with an empty chat and START.
    await ui.persona(mike.id).locator('.role').filter({ hasText: 'customer' }).waitFor();
    await ui.openPersona(mike.id);
    await ui.page.getByTestId('start-button').waitFor();
    expect(await ui.page.locator('[data-testid="message"]').count()).toBe(0);

    // The bot keeps working: Anna left the channel with the reset, so the gate stops her at once.
    await ui.openPersona(anna.id);
    await ui.startBot();
    await ui.command('catalog');
    await ui.botMessage(t('ru', 'gate-btn-subscribe').slice(0, 6)).waitFor();
    await ui.joinChannel();
    await ui.command('catalog');
    const list = ui.botMessage('1. ');
    await list.waitFor();
    await ui.pressButton(/^1\. /, list);
    await ui.page
      .getByTestId('inline-button')
      .filter({ hasText: t('ru', 'catalog-btn-order') })
      .last()
      .waitFor();
    // The owner pressed Start again and has the owner's menu.
    await ui.openPersona(oleg.id);
    await ui.botMessage('PHOENIX').waitFor();
    await ui.page.getByTestId('menu-button').click();
    await ui.page.locator('[data-testid="command-item"][data-command="admin"]').waitFor();
    await screenshot(ui.page, 'sandbox-after-reset');
    expect(ui.errors).toEqual([]);
    await ui.page.close();
  }, 60_000);
});
