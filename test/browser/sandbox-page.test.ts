import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index.js';
import { makePng } from '../../src/sandbox/emulator/index.js';
import { PERSONAS, SANDBOX_CHANNEL } from '../../src/sandbox/personas.js';
import { personaNamed, SandboxPage, screenshot, useSandboxInBrowser } from './sandbox.js';

const mike = personaNamed('mike_customer');
const anna = personaNamed('anna_customer');

const env = useSandboxInBrowser();

describe('the sandbox page in Chromium', () => {
  it('lists every persona and the channel, and serves /healthz and /metrics from the same server', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    for (const persona of PERSONAS) {
      await ui.persona(persona.id).waitFor();
      expect(await ui.persona(persona.id).textContent()).toContain(persona.firstName);
    }
    await ui.page.getByTestId('chat-channel').waitFor();
    const health = await fetch(`${env.sandbox.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const metrics = await (await fetch(`${env.sandbox.url}/metrics`)).text();
    expect(metrics).toContain('phoenix_updates_total');
    expect(ui.errors).toEqual([]);
    await ui.page.close();
  });

  it('a customer presses START, sees the formatted greeting, and passes the channel gate by clicks', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    await ui.openPersona(mike.id);
    await ui.page.getByTestId('start-button').click();
    const greeting = ui.botMessage('PHOENIX');
    await greeting.waitFor();
    // <b> from the bot's HTML arrives as a bold entity and is rendered as an element, never as markup text.
    expect(await greeting.locator('[data-testid="message-text"] b').first().textContent()).toBe('Mike');
    expect(await greeting.textContent()).not.toContain('<b>');

    // The command menu is the one the bot set for English customers.
    await ui.page.getByTestId('menu-button').click();
    const items = ui.page.getByTestId('command-item');
    await items.first().waitFor();
    const commands = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-command')));
    expect(commands).toEqual(env.sandbox.sandbox.emulator.commandsFor(mike.id).map((c) => c.command));
    expect(commands).toContain('support');
    // /support is a gated customer feature: Mike is not in the channel yet.
    await ui.page.locator('[data-testid="command-item"][data-command="support"]').click();

    await ui.botMessage(/subscribe to our channel/i).waitFor();
    const gateId = await ui.botMessage(/subscribe to our channel/i).getAttribute('data-id');
    const gate = ui.page.locator(`[data-testid="message"][data-id="${gateId}"]`);
    // "I've subscribed" before subscribing: the bot answers with show_alert → a dialog.
    await ui.pressButton("I've subscribed", gate);
    await ui.page.locator('[data-testid="alert"][open]').waitFor();
    expect(await ui.page.getByTestId('alert-text').textContent()).toMatch(/can't see your subscription/);
    await ui.page.getByTestId('alert-ok').click();

    // The "Subscribe" URL button opens the sandbox channel: the persona joins it.
    await ui.pressButton('Subscribe to the channel', gate);
    await ui.page.locator('[data-testid="toast"]:not([hidden])').filter({ hasText: 'Joined' }).waitFor();
    await ui.page.locator('[data-testid="toggle-channel"]:checked').waitFor({ state: 'attached' });
    await ui.pressButton("I've subscribed", gate);
    // answerCallbackQuery text → a toast; the gate message is edited in place.
    await ui.page.locator('[data-testid="toast"]').filter({ hasText: 'Thank you' }).waitFor();
    await gate.filter({ hasText: 'Subscription confirmed' }).waitFor();
    await screenshot(ui.page, 'sandbox-gate');
    expect(ui.errors).toEqual([]);
    await ui.page.close();
  });

  it('renders what a user types as text, never as markup', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    await ui.openPersona(anna.id);
    await ui.page.getByTestId('start-button').click();
    await ui.botMessages().first().waitFor();
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold?</b>';
    await ui.type(hostile);
    const mine = ui.page.locator('[data-testid="message"][data-sender="user"]').filter({ hasText: 'bold?' });
    await mine.waitFor();
    expect(await mine.getByTestId('message-text').textContent()).toBe(hostile);
    expect(await mine.locator('img, b').count()).toBe(0);
    // The bot's reply (it does not understand) is escaped on its side too.
    await ui.botMessages().nth(1).waitFor();
    expect(await ui.page.evaluate('typeof window.__pwned')).toBe('undefined');
    await ui.page.close();
  });

  it('attaches a photo from the composer and shows it from the emulator files', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    await ui.openPersona(anna.id);
    await ui.page.getByTestId('photo-input').setInputFiles({
      name: 'sketch.png',
      mimeType: 'image/png',
      buffer: makePng(64, 48, [10, 120, 200]),
    });
    const photo = ui.page.locator(
      '[data-testid="message"][data-sender="user"] [data-testid="message-photo"]',
    );
    await photo.waitFor();
    // The image really loads from the sandbox server (the emulator's stored bytes).
    await ui.page.waitForFunction(
      `(() => { const img = document.querySelector('[data-sender="user"] [data-testid="message-photo"]');
        return img !== null && img.complete && img.naturalWidth === 64; })()`,
      undefined,
      { timeout: 5000 },
    );
    const last = env.sandbox.sandbox.emulator
      .chat(anna.id)
      .messages.filter((m) => m.sender === 'user')
      .at(-1);
    expect(last?.photo?.at(-1)?.width).toBe(64);
    await ui.page.close();
  });

  it('toggles block the bot and leave the channel through the emulator', async () => {
    const ui = await SandboxPage.open(env.browser.context, env.sandbox.url);
    await ui.openPersona(anna.id);
    await ui.page.getByTestId('toggle-block').check({ force: true });
    await ui.page.getByTestId('blocked-bar').waitFor();
    expect(env.sandbox.sandbox.emulator.userState(anna.id).blocked).toBe(true);
    // The bot hears my_chat_member "kicked" and marks the user.
    await expect
      .poll(async () => {
        const [row] = await env.sandbox.database.db.select().from(users).where(eq(users.telegramId, anna.id));
        return row?.blockedAt ?? null;
      })
      .not.toBeNull();
    await ui.page.getByTestId('unblock-button').click();
    await ui.page.getByTestId('composer-input').waitFor();
    expect(env.sandbox.sandbox.emulator.userState(anna.id).blocked).toBe(false);

    await ui.page.getByTestId('toggle-channel').check({ force: true });
    await expect.poll(() => isMember(anna.id)).toBe(true);
    await ui.page.getByTestId('toggle-channel').uncheck({ force: true });
    await expect.poll(() => isMember(anna.id)).toBe(false);
    await ui.page.close();
  });

  it('is usable at phone width: the list and the chat take turns', async () => {
    const phone = await env.browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 780 });
    await phone.goto(env.sandbox.url);
    await phone.locator('[data-testid="app"][data-ready="true"]').waitFor();
    const ui = new SandboxPage(phone, []);
    expect(await phone.getByTestId('persona-list').isVisible()).toBe(true);
    expect(await phone.getByTestId('chat').isVisible()).toBe(false);
    await ui.openPersona(mike.id);
    await phone.getByTestId('messages').waitFor();
    expect(await phone.getByTestId('persona-list').isVisible()).toBe(false);
    expect(await phone.getByTestId('composer-input').isVisible()).toBe(true);
    const overflow = await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'sandbox-phone');
    await phone.getByTestId('back-button').click();
    expect(await phone.getByTestId('persona-list').isVisible()).toBe(true);
    await phone.close();
  });
});

async function isMember(userId: number): Promise<boolean> {
  const member = await env.sandbox.sandbox.emulator.invoke<{ status: string }>('getChatMember', {
    chat_id: SANDBOX_CHANNEL.id,
    user_id: userId,
  });
  return member.status === 'member';
}
