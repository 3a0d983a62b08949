import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tickets } from '../../src/db/schema/index.js';
import { personaNamed, SandboxPage, screenshot, useSandboxInBrowser } from './sandbox.js';

const mike = personaNamed('mike_customer');
const dan = personaNamed('dan_support');
const sveta = personaNamed('sveta_support');

const env = useSandboxInBrowser();

describe('support desk in the sandbox page', () => {
  it('a customer opens a ticket with /support; an agent takes it, replies and closes it; the customer rates', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);

    // Mike starts the bot and joins the channel with the header toggle.
    await ui.openPersona(mike.id);
    await ui.startBot();
    await ui.joinChannel();

    await ui.command('support');
    await ui.botMessage('describe your question').waitFor();
    await ui.type('The contact form on my landing page sends nothing');
    const created = ui.botMessage(/Request #\d+ received/);
    await created.waitFor();
    const ticketId = Number(/#(\d+)/.exec((await created.textContent()) ?? '')?.[1]);
    const [row] = await env.sandbox.database.db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(row?.state).toBe('created');

    // Both agents were notified; Dan takes the ticket from his notification.
    await ui.openPersona(dan.id);
    await ui.botMessage(`New ticket #${ticketId}`).waitFor();
    const cardId = await ui.botMessage(`New ticket #${ticketId}`).getAttribute('data-id');
    const notification = ui.page.locator(`[data-testid="message"][data-id="${cardId}"]`);
    expect(await notification.textContent()).toContain('The contact form on my landing page sends nothing');
    await ui.pressButton('Take', notification);
    await ui.page
      .locator('[data-testid="toast"]')
      .filter({ hasText: `Ticket #${ticketId} is yours now` })
      .waitFor();
    // The notification became the ticket card, edited in place, with the agent's actions.
    const card = notification;
    await card.getByTestId('inline-button').filter({ hasText: 'Close' }).waitFor();

    // Dan replies through the Reply button.
    await ui.pressButton('Reply', card);
    await ui
      .botMessages()
      .filter({ hasText: `#${ticketId}` })
      .last()
      .waitFor();
    await ui.type('Fixed: the form now posts to your e-mail. Please check!');
    await ui.botMessage(`Sent to ticket #${ticketId}`).waitFor();

    // Sveta's copy lost its button: "taken by Dan".
    await ui.openPersona(sveta.id);
    const svetaCopy = ui
      .botMessages()
      .filter({ hasText: `#${ticketId}` })
      .last();
    await svetaCopy.filter({ hasText: 'Dan' }).waitFor();
    expect(await svetaCopy.getByTestId('inline-button').count()).toBe(0);

    // Mike sees who handles the ticket and the agent's reply.
    await ui.openPersona(mike.id);
    await ui.botMessage(`Dan from support is handling your request #${ticketId}`).waitFor();
    await ui.botMessage('Fixed: the form now posts').waitFor();

    // Dan closes it.
    await ui.openPersona(dan.id);
    await ui.pressButton('Close', card);
    // Closing asks first: the card keeps its text, its buttons become Yes / No.
    await card.getByTestId('inline-button').filter({ hasText: 'Yes, close it' }).waitFor();
    await ui.pressButton('Yes, close it', card);
    await ui.page
      .locator('[data-testid="toast"]')
      .filter({ hasText: `Ticket #${ticketId} is closed` })
      .waitFor();
    await expect
      .poll(async () => {
        const [closed] = await env.sandbox.database.db.select().from(tickets).where(eq(tickets.id, ticketId));
        return closed?.state;
      })
      .toBe('closed');

    // Mike is told and rates the help.
    await ui.openPersona(mike.id);
    await ui.botMessage(`Request #${ticketId} is closed`).waitFor();
    const closedId = await ui.botMessage(`Request #${ticketId} is closed`).getAttribute('data-id');
    const closedNote = ui.page.locator(`[data-testid="message"][data-id="${closedId}"]`);
    await screenshot(ui.page, 'sandbox-ticket-closed');
    await ui.pressButton('⭐⭐⭐⭐⭐', closedNote);
    await expect
      .poll(async () => {
        const [rated] = await env.sandbox.database.db.select().from(tickets).where(eq(tickets.id, ticketId));
        return rated?.rating;
      })
      .toBe(5);
    expect(ui.errors).toEqual([]);
  }, 90_000);
});
