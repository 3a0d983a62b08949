/**
 * The sandbox page's payment sheet and inline mode in Chromium, with the page's real routes and emulator and a
 * tiny grammY bot (invoices, pre-checkout, inline answers) polling it over HTTP: the person pays an invoice
 * through the test card form, is refused by the bot for a Stars invoice, and picks an inline result.
 */
import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { Bot, InlineKeyboard, InputFile } from 'grammy';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng, TelegramEmulator } from '../../src/sandbox/emulator/index.js';
import { PERSONAS, SANDBOX_BOT, SANDBOX_CHANNEL, SANDBOX_TOKEN } from '../../src/sandbox/personas.js';
import { checkTestCard, createSandboxRoutes } from '../../src/sandbox/web/routes.js';
import { closeServer, listen } from '../../src/server/http.js';
import { launchBrowser, personaNamed, SandboxPage, screenshot } from './sandbox.js';

const mike = personaNamed('mike_customer');

/** Text content with the no-break spaces of formatted amounts as plain spaces. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0|\u202f/g, ' ');
}
const PROVIDER = '381764678:TEST:100500';

let emu: TelegramEmulator;
let server: ServerType;
let url = '';
let bot: Bot;
let polling: Promise<void> | undefined;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let closeStreams: () => void = () => undefined;
let logoFileId = '';

beforeAll(async () => {
  emu = new TelegramEmulator({
    token: SANDBOX_TOKEN,
    botUsername: SANDBOX_BOT.username,
    botFirstName: SANDBOX_BOT.firstName,
  });
  emu.createChannel({
    id: SANDBOX_CHANNEL.id,
    title: SANDBOX_CHANNEL.title,
    username: SANDBOX_CHANNEL.username,
  });
  for (const p of PERSONAS) {
    emu.createUser({
      id: p.id,
      first_name: p.firstName,
      username: p.username,
      language_code: p.languageCode,
    });
  }
  const routes = createSandboxRoutes({
    emu,
    botHttp: () => undefined,
    roleOf: async () => 'customer',
    reset: async () => undefined,
    timezone: 'Europe/Moscow',
  });
  closeStreams = routes.closeStreams;
  routes.app.all('/bot*', (c) => emu.fetch(c.req.raw));
  server = await listen(routes.app, '127.0.0.1', 0);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  bot = new Bot(SANDBOX_TOKEN, { client: { apiRoot: url } });
  bot.command('start', (ctx) =>
    ctx.reply('Welcome to the studio', {
      reply_markup: new InlineKeyboard().switchInlineCurrent('🔎 Find a service', 'logo'),
    }),
  );
  bot.command('buy', (ctx) =>
    ctx.replyWithInvoice(
      'Landing page',
      'A one-page site in 7 days',
      'order:1',
      'RUB',
      [
        { label: 'Landing page', amount: 1_500_000 },
        { label: 'Promo code', amount: -150_000 },
      ],
      {
        provider_token: PROVIDER,
        need_email: true,
        max_tip_amount: 100_000,
        suggested_tip_amounts: [50_000],
        photo_url: 'https://example.com/landing.png',
      },
    ),
  );
  bot.command('stars', (ctx) =>
    ctx.replyWithInvoice(
      'Logo',
      'Three logo drafts',
      'order:sold-out',
      'XTR',
      [{ label: 'Logo', amount: 50 }],
      {
        // a photo the page can show: its own file route
        photo_url: `${url}/api/files/${encodeURIComponent(logoFileId)}`,
        photo_width: 320,
        photo_height: 240,
      },
    ),
  );
  bot.command('boost', (ctx) =>
    ctx.replyWithInvoice('Priority', 'Your order goes first', 'order:boost', 'XTR', [
      { label: 'Priority', amount: 25 },
    ]),
  );
  bot.on('pre_checkout_query', (ctx) =>
    ctx.preCheckoutQuery.invoice_payload === 'order:sold-out'
      ? ctx.answerPreCheckoutQuery(false, 'Sorry, this service is sold out')
      : ctx.answerPreCheckoutQuery(true),
  );
  bot.on('message:successful_payment', (ctx) =>
    ctx.reply(`Thank you! Order paid: ${ctx.message.successful_payment.total_amount / 100} RUB`),
  );
  bot.on('inline_query', (ctx) => {
    const all = [
      {
        type: 'article' as const,
        id: 'landing',
        title: 'Landing page',
        description: 'from 15 000 ₽ · 7 days',
        input_message_content: {
          message_text: '<b>Landing page</b> — from 15 000 ₽',
          parse_mode: 'HTML' as const,
        },
        reply_markup: new InlineKeyboard().url(
          'Open in the bot',
          `https://t.me/${SANDBOX_BOT.username}?start=p_1`,
        ),
      },
      {
        type: 'photo' as const,
        id: 'logo',
        photo_file_id: logoFileId,
        title: 'Logo design',
        description: 'from 5 000 ₽ · 3 days',
        caption: '<b>Logo design</b> — from 5 000 ₽',
        parse_mode: 'HTML' as const,
      },
    ];
    const q = ctx.inlineQuery.query.toLowerCase();
    if (q === 'all') {
      // one result a page: the page asks for the next one with the offset
      const page = Number(ctx.inlineQuery.offset || '0');
      return ctx.answerInlineQuery(all.slice(page, page + 1), {
        cache_time: 1,
        next_offset: page + 1 < all.length ? String(page + 1) : '',
      });
    }
    return ctx.answerInlineQuery(
      all.filter((r) => r.title.toLowerCase().includes(q)),
      { cache_time: 1, button: { text: 'Open the catalog', start_parameter: 'catalog' } },
    );
  });
  bot.catch(() => undefined);
  await bot.init();
  polling = bot.start();
  emu.sendText(mike.id, '/start');
  await emu.waitFor(mike.id, (m) => m.text === 'Welcome to the studio');
  // the studio's photo of the logo service, uploaded once (cached inline results reuse its file_id)
  const photo = await bot.api.sendPhoto(mike.id, new InputFile(makePng(320, 240), 'logo.png'));
  logoFileId = photo.photo.at(-1)?.file_id ?? '';
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
  await polling;
  closeStreams();
  if (server) await closeServer(server);
  await emu?.stop();
});

describe('payments and inline mode on the sandbox page', () => {
  it('shows the invoice like Telegram and pays it with the test card; the Pay button becomes a receipt', async () => {
    const ui = await SandboxPage.open(browser.context, url);
    await ui.openPersona(mike.id);
    await ui.type('/buy');
    const invoice = ui.page
      .locator('[data-testid="message"]')
      .filter({ has: ui.page.getByTestId('invoice') })
      .last();
    await invoice.waitFor();
    expect(await invoice.getByTestId('invoice-title').textContent()).toBe('Landing page');
    // the page loads nothing from the internet: a photo elsewhere becomes a placeholder
    await invoice.getByTestId('photo-placeholder').waitFor();
    expect(await invoice.textContent()).toContain('A one-page site in 7 days');
    // Mike's app is in English: RUB 13,500.00
    expect(await textOf(invoice.getByTestId('invoice-total'))).toContain('RUB 13,500.00');
    const pay = invoice.getByTestId('pay-button');
    expect(await textOf(pay)).toBe('Pay RUB 13,500.00');

    await pay.click();
    const sheet = ui.page.locator('[data-testid="pay-sheet"][open]');
    await sheet.waitFor();
    expect(await sheet.getByTestId('pay-note').textContent()).toContain('nothing is charged');
    await sheet.getByTestId('pay-tips').locator('button[data-amount="50000"]').click();
    expect(await textOf(sheet.getByTestId('pay-total'))).toBe('TotalRUB 14,000.00');
    // a real card number is refused by the test sheet, before the bot is asked
    await sheet.getByTestId('card-number').fill('4000 0000 0000 0002');
    await sheet.getByTestId('card-expiry').fill('12/39');
    await sheet.getByTestId('card-cvc').fill('123');
    await sheet.getByTestId('pay-email').fill('mike@example.com');
    await sheet.getByTestId('pay-submit').click();
    await sheet.locator('[data-testid="pay-error"]:not([hidden])').waitFor();
    expect(await sheet.getByTestId('pay-error').textContent()).toBe('Use the test card 4242 4242 4242 4242');
    expect(emu.callsTo('answerPreCheckoutQuery')).toHaveLength(0);

    await sheet.getByTestId('card-number').fill('4242 4242 4242 4242');
    await screenshot(ui.page, 'sandbox-pay-sheet');
    await sheet.getByTestId('pay-submit').click();
    const result = sheet.locator('[data-testid="pay-result"][data-outcome="ok"]');
    await result.waitFor();
    expect(await result.textContent()).toContain('Payment successful');
    await sheet.getByTestId('pay-done').click();

    const line = ui.page.locator('[data-testid="message"][data-service="payment"]');
    await line.waitFor();
    expect(await textOf(line)).toBe('You successfully transferred RUB 14,000.00 to PHOENIX');
    await ui.botMessage('Thank you! Order paid: 14000 RUB').waitFor();
    await invoice.locator('[data-testid="pay-button"]:disabled').waitFor();
    expect(await invoice.getByTestId('pay-button').textContent()).toBe('✓ Paid');
    await screenshot(ui.page, 'sandbox-paid-invoice');
    expect(emu.payments()).toMatchObject([{ userId: mike.id, currency: 'RUB', totalAmount: 1_400_000 }]);
    const paid = emu.chat(mike.id).messages.find((m) => m.successful_payment);
    expect(paid?.successful_payment?.order_info).toEqual({ email: 'mike@example.com' });
    expect(ui.errors).toEqual([]);
    await ui.page.close();
  });

  it('a Stars invoice opens a confirm sheet; the bot refuses it and the sheet shows its error_message', async () => {
    const ui = await SandboxPage.open(browser.context, url);
    await ui.openPersona(mike.id);
    await ui.type('/stars');
    const invoice = ui.page
      .locator('[data-testid="message"]')
      .filter({ has: ui.page.getByTestId('invoice') })
      .filter({ hasText: 'Three logo drafts' })
      .last();
    await invoice.waitFor();
    expect(await invoice.getByTestId('pay-button').textContent()).toBe('Pay ⭐ 50');
    const photo = invoice.getByTestId('invoice-photo');
    await photo.waitFor();
    await expect
      .poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(320);
    await invoice.getByTestId('pay-button').click();
    const sheet = ui.page.locator('[data-testid="pay-sheet"][open]');
    await sheet.waitFor();
    expect(await sheet.getByTestId('card-number').count()).toBe(0);
    expect(await sheet.getByTestId('pay-submit').textContent()).toBe('Pay ⭐ 50');
    await sheet.getByTestId('pay-submit').click();
    const result = sheet.locator('[data-testid="pay-result"][data-outcome="declined"]');
    await result.waitFor();
    expect(await result.getByTestId('pay-result-text').textContent()).toBe('Sorry, this service is sold out');
    await sheet.getByTestId('pay-done').click();
    expect(await invoice.getByTestId('pay-button').isEnabled()).toBe(true);
    expect(emu.payments().filter((p) => p.currency === 'XTR')).toEqual([]);

    // a Stars invoice the bot accepts; the bot refunds it: both show as service lines
    await ui.type('/boost');
    const boost = ui.page
      .locator('[data-testid="message"]')
      .filter({ has: ui.page.getByTestId('invoice') })
      .filter({ hasText: 'Your order goes first' })
      .last();
    await boost.getByTestId('pay-button').click();
    await sheet.getByTestId('pay-submit').click();
    await sheet.locator('[data-testid="pay-result"][data-outcome="ok"]').waitFor();
    await sheet.getByTestId('pay-done').click();
    const charge = emu.payments().find((p) => p.payload === 'order:boost')?.telegramChargeId ?? '';
    expect(await bot.api.refundStarPayment(mike.id, charge)).toBe(true);
    const refund = ui.page.locator('[data-testid="message"][data-service="refund"]');
    await refund.waitFor();
    expect(await refund.textContent()).toBe('PHOENIX refunded ⭐ 25 to you');
    expect(
      await ui.page.locator('[data-testid="message"][data-service="payment"]').last().textContent(),
    ).toBe('You successfully transferred ⭐ 25 to PHOENIX');
    expect(ui.errors).toEqual([]);
    await ui.page.close();
  });

  it('"@bot query" in the composer lists the inline results; choosing one sends it via the bot', async () => {
    const ui = await SandboxPage.open(browser.context, url);
    await ui.openPersona(mike.id);
    const input = ui.page.getByTestId('composer-input');
    await input.fill(`@${SANDBOX_BOT.username} land`);
    const panel = ui.page.locator('[data-testid="inline-results"]:not([hidden]):not([data-loading])');
    await panel.getByTestId('inline-result').first().waitFor();
    expect(await panel.locator('.inline-title').allTextContents()).toEqual(['Landing page']);
    expect(await panel.locator('.inline-description').allTextContents()).toEqual(['from 15 000 ₽ · 7 days']);
    expect(emu.callsTo('answerInlineQuery').at(-1)?.params.inline_query_id).toBeDefined();
    expect(await panel.getByTestId('inline-switch-pm').textContent()).toBe('Open the catalog');

    // the start message's switch button puts "@bot logo" into the composer and asks again
    await ui.pressButton('🔎 Find a service');
    expect(await input.inputValue()).toBe(`@${SANDBOX_BOT.username} logo`);
    const logo = panel.locator('[data-testid="inline-result"][data-id="logo"]');
    await logo.waitFor();
    // a cached photo shows its own picture as the thumbnail
    expect(await logo.getByTestId('inline-thumb').getAttribute('src')).toBe(
      `/api/files/${encodeURIComponent(logoFileId)}`,
    );
    await screenshot(ui.page, 'sandbox-inline-results');
    await logo.click();
    await ui.page.locator('[data-testid="inline-results"][hidden]').waitFor({ state: 'attached' });
    expect(await input.inputValue()).toBe('');
    const sent = ui.page
      .locator('[data-testid="message"][data-sender="user"]')
      .filter({ hasText: 'Logo design' })
      .last();
    await sent.waitFor();
    expect(await sent.getByTestId('via-bot').textContent()).toBe(`via @${SANDBOX_BOT.username}`);
    await sent.getByTestId('message-photo').waitFor();
    expect(await sent.locator('[data-testid="message-text"] b').textContent()).toBe('Logo design');
    const stored = emu.chat(mike.id).messages.at(-1);
    expect(stored?.via_bot?.username).toBe(SANDBOX_BOT.username);
    expect(stored?.photo_file_id).toBe(logoFileId);

    // results a page at a time: "More results" asks with the bot's next_offset
    await input.fill(`@${SANDBOX_BOT.username} all`);
    await panel.locator('[data-testid="inline-result"][data-id="landing"]').waitFor();
    expect(await panel.getByTestId('inline-result').count()).toBe(1);
    await panel.getByTestId('inline-more').click();
    await panel.locator('[data-testid="inline-result"][data-id="logo"]').waitFor();
    expect(
      await panel
        .getByTestId('inline-result')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))),
    ).toEqual(['landing', 'logo']);
    expect(await panel.getByTestId('inline-more').count()).toBe(0);

    // an article result is sent as text with its keyboard
    await input.fill(`@${SANDBOX_BOT.username} landing`);
    await panel.locator('[data-testid="inline-result"][data-id="landing"]').click();
    const article = ui.page
      .locator('[data-testid="message"][data-sender="user"]')
      .filter({ hasText: 'Landing page — from 15 000 ₽' })
      .last();
    await article.waitFor();
    expect(await article.getByTestId('inline-button').textContent()).toBe('Open in the bot');
    expect(ui.errors).toEqual([]);
    await ui.page.close();
  });
});

describe('the test card check', () => {
  it('takes only 4242 4242 4242 4242 with a future date and a CVC', () => {
    const now = new Date(Date.UTC(2026, 11, 1));
    const card = (number: string, expiry: string, cvc: string) => checkTestCard({ number, expiry, cvc }, now);
    expect(card('4242 4242 4242 4242', '12/26', '123')).toBeUndefined();
    expect(card('4242-4242-4242-4242', '01/30', '1234')).toBeUndefined();
    expect(card('4000 0000 0000 0002', '12/30', '123')).toBe('Use the test card 4242 4242 4242 4242');
    expect(card('4242 4242 4242 4242', '11/26', '123')).toBe('The card has expired');
    expect(card('4242 4242 4242 4242', '13/30', '123')).toBe('Enter the expiry date as MM/YY');
    expect(card('4242 4242 4242 4242', '12/30', '12')).toBe('Enter the 3-digit CVC');
    expect(checkTestCard(undefined, now)).toBe('Enter the test card');
  });
});
