/**
 * The whole payment journey in Chromium through the sandbox (payments are on there by default, with a
 * test provider token and Stars): a customer orders, chooses to pay by card, pays the invoice with the
 * page's test card form, and the bot records the payment; the owner is told and the order card says so.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders, payments } from '../../src/db/schema/index.js';
import { OWNER_PERSONA } from '../../src/sandbox/personas.js';
import { DEMO_PRODUCTS } from '../../src/sandbox/seed.js';
import { personaNamed, SandboxPage, screenshot, useSandboxInBrowser } from './sandbox.js';

const mike = personaNamed('mike_customer');

const env = useSandboxInBrowser({ width: 1280, height: 860 });

describe('paying for an order in the sandbox page', () => {
  it('a customer orders, pays by card through the test form; the order is paid and the owner told', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    await ui.openPersona(mike.id);
    await ui.startBot();
    await ui.joinChannel();

    // The catalog opens on the overview list; the first service's card has its picture.
    await ui.command('catalog');
    const list = ui.botMessage('1. ');
    await list.waitFor();
    await ui.pressButton(`1. ${DEMO_PRODUCTS[0]!.title}`, list);
    const card = ui
      .botMessages()
      .filter({ has: ui.page.getByTestId('message-photo') })
      .last();
    await card.waitFor();
    await ui.pressButton('Order', card);
    await ui.botMessage('Please send your email address').waitFor();
    await ui.type('mike@example.com');
    await ui.botMessage('Do you have a promo code?').waitFor();
    await ui.pressButton('No promo code');
    const summary = ui.botMessage('Please check your order');
    await summary.waitFor();
    await ui.pressButton('Confirm', summary);
    const placed = ui.botMessage(/Order #\d+ has been placed/);
    await placed.waitFor();
    const orderId = Number(/#(\d+)/.exec((await placed.textContent()) ?? '')?.[1]);

    const choice = ui.botMessage(`How would you like to pay for order #${orderId}?`);
    await choice.waitFor();
    await ui.pressButton(/By card/, choice);
    const invoice = ui.page
      .locator('[data-testid="message"]')
      .filter({ has: ui.page.getByTestId('invoice') })
      .last();
    await invoice.waitFor();
    await invoice.getByTestId('pay-button').click();
    const sheet = ui.page.locator('[data-testid="pay-sheet"][open]');
    await sheet.waitFor();
    await sheet.getByTestId('card-number').fill('4242 4242 4242 4242');
    await sheet.getByTestId('card-expiry').fill('12/39');
    await sheet.getByTestId('card-cvc').fill('123');
    await sheet.getByTestId('pay-submit').click();
    await sheet.locator('[data-testid="pay-result"][data-outcome="ok"]').waitFor();
    await screenshot(ui.page, 'sandbox-order-paid');
    await sheet.getByTestId('pay-done').click();
    await ui.botMessage('Payment received').waitFor();
    await invoice.locator('[data-testid="pay-button"]:disabled').waitFor();

    const db = env.sandbox.database.db;
    await expect
      .poll(async () => (await db.select().from(orders).where(eq(orders.id, orderId)))[0]?.paymentState)
      .toBe('paid');
    const rows = await db.select().from(payments).where(eq(payments.orderId, orderId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.currency).toBe('RUB');

    await ui.openPersona(OWNER_PERSONA.id);
    await ui.botMessage(`💳 Заказ №${orderId} оплачен`).waitFor();
    // The order card sent when the order came in, redrawn with its payment.
    await ui.page
      .locator('[data-testid="message"][data-sender="bot"]')
      .filter({ hasText: `Заказ №${orderId}` })
      .filter({ hasText: 'Оплата: 💳 оплачен' })
      .waitFor();
    expect(ui.errors).toEqual([]);
  }, 120_000);
});
