import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders, products } from '../../src/db/schema/index.js';
import { OWNER_PERSONA } from '../../src/sandbox/personas.js';
import { DEMO_PRODUCTS, DEMO_PROMO } from '../../src/sandbox/seed.js';
import { ARTIFACTS, personaNamed, SandboxPage, screenshot, useSandboxInBrowser } from './sandbox.js';

const mike = personaNamed('mike_customer');

const env = useSandboxInBrowser({ width: 1280, height: 860 });

describe('ordering in the sandbox page', () => {
  it('a customer joins the channel, orders from the catalog with the promo code; the owner is notified and takes the order', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    await ui.openPersona(mike.id);
    await ui.startBot();
    await ui.joinChannel();

    // The catalog: the overview list of the demo services, then a card with its picture.
    await ui.command('catalog');
    const list = ui.botMessage('1. ');
    await list.waitFor();
    expect(await list.textContent()).toContain(`4. ${DEMO_PRODUCTS[3]!.title}`);
    await ui.pressButton(`2. ${DEMO_PRODUCTS[1]!.title}`, list);
    const first = ui
      .botMessages()
      .filter({ has: ui.page.getByTestId('message-photo') })
      .last();
    await first.waitFor();
    const cardId = await first.getAttribute('data-id');
    const card = ui.page.locator(`[data-testid="message"][data-id="${cardId}"]`);
    await ui.page.waitForFunction(
      `(() => { const img = document.querySelector('[data-id="${cardId}"] [data-testid="message-photo"]');
        return img !== null && img.complete && img.naturalWidth === 800; })()`,
      undefined,
      { timeout: 10_000 },
    );
    const text = (await card.getByTestId('message-text').textContent()) ?? '';
    const product = DEMO_PRODUCTS.find((p) => text.startsWith(p.title))!;
    expect(product.title).toBe(DEMO_PRODUCTS[1]!.title);
    expect(
      await ui.page
        .locator('[data-testid="message"][data-sender="bot"] [data-testid="message-photo"]')
        .count(),
    ).toBe(1);

    // Checkout by clicks and typing alone.
    await ui.pressButton('Order', card);
    await ui.botMessage('Please send your email address').waitFor();
    await ui.type('not-an-email');
    await ui.botMessage('seems to have a typo').waitFor();
    await ui.type('mike@example.com');
    await ui.botMessage('Do you have a promo code?').waitFor();
    await ui.type(DEMO_PROMO.code.toLowerCase());
    const summary = ui.botMessage('Please check your order');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(DEMO_PROMO.code);
    await ui.pressButton('Confirm', summary);
    const placed = ui.botMessage(/Order #\d+ has been placed/);
    await placed.waitFor();
    const orderId = Number(/#(\d+)/.exec((await placed.textContent()) ?? '')?.[1]);
    await screenshot(ui.page, 'sandbox-order-placed');

    const [order] = await env.sandbox.database.db.select().from(orders).where(eq(orders.id, orderId));
    const [row] = await env.sandbox.database.db
      .select()
      .from(products)
      .where(eq(products.title, product.title));
    expect(order).toMatchObject({
      state: 'created',
      productId: row?.id,
      price: product.price,
      promoCode: DEMO_PROMO.code,
      finalPrice: product.price - (product.price * DEMO_PROMO.percent) / 100,
      email: 'mike@example.com',
    });

    // The owner's chat: an unread badge, then the new-order notification; the owner takes the order.
    await ui.persona(OWNER_PERSONA.id).getByTestId('unread-badge').waitFor();
    await ui.openPersona(OWNER_PERSONA.id);
    await ui.botMessage(`№${orderId}`).filter({ hasText: 'Новый заказ' }).waitFor();
    const noteId = await ui
      .botMessage(`№${orderId}`)
      .filter({ hasText: 'Новый заказ' })
      .getAttribute('data-id');
    const note = ui.page.locator(`[data-testid="message"][data-id="${noteId}"]`);
    expect(await note.textContent()).toContain('mike@example.com');
    await screenshot(ui.page, 'sandbox-owner-notification');
    await ui.pressButton('Взять в работу', note);
    await ui.page
      .locator('[data-testid="toast"]')
      .filter({ hasText: `Вы взяли заказ №${orderId}` })
      .waitFor();
    await expect
      .poll(async () => {
        const [taken] = await env.sandbox.database.db.select().from(orders).where(eq(orders.id, orderId));
        return taken?.state;
      })
      .toBe('in_work');

    // The customer hears about it.
    await ui.openPersona(mike.id);
    await ui.botMessage(`Your order #${orderId}`).filter({ hasText: 'is now in progress' }).waitFor();
    // For the README: the catalog card with its picture at the top, the checkout below it.
    await ui.page.locator('[data-testid="toast"][hidden]').waitFor({ state: 'attached' });
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(ui.page, 'sandbox-customer');
    if (process.env.UPDATE_DOCS_SCREENSHOT) {
      mkdirSync('docs', { recursive: true });
      copyFileSync(join(ARTIFACTS, 'sandbox-customer.png'), join('docs', 'sandbox.png'));
    }
    expect(ui.errors).toEqual([]);
  }, 120_000);
});
