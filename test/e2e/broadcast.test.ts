import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, type Harness, startHarness, textOf } from '../helpers/harness.js';

let h: Harness;

/** Fluent groups digits (`1 961`): compare without spaces. */
const digits = (text: string) => text.replace(/[\s\u00a0\u202f]/g, '');

beforeAll(async () => {
  h = await startHarness({ env: { BROADCAST_RATE: '200' } });
}, 120_000);
afterAll(async () => h?.close());

/** Bot messages in a chat that are ads (they carry the unsubscribe button). */
const adsIn = (chatId: number) =>
  h.emu.botMessages(chatId).filter((m) => buttonsOf(m).some((b) => b.data === 'nws:off'));

describe('broadcast through the admin panel', () => {
  it('reaches every started user exactly once under a 429-enforcing server; opted-out and blocked get none', async () => {
    const owner = h.owners[0]!;
    owner.send('/start');
    await owner.reply();
    const users = [];
    for (let i = 0; i < 2000; i++) {
      const u = h.user();
      h.emu.sendText(u.id, '/start');
      users.push(u);
    }
    await h.emu.waitFor(users.at(-1)!.id, () => true, { timeoutMs: 60_000 });
    for (const u of users) await u.waitFor(() => true, 30_000);
    const optedOut = users.slice(0, 20);
    for (const u of optedOut)
      await h.deps.services.users.setAdsOptOut((await h.deps.services.users.byTelegramId(u.id))!.id, true);
    const blocked = users.slice(20, 40);
    for (const u of blocked) await h.deps.services.users.markBlocked(u.id);
    // The server now enforces 150 messages/s: the sender (200/s configured) meets 429s and must lose nothing.
    h.emu.setRateLimits({ globalRatePerSecond: 150 });

    owner.send('/broadcast');
    const menu = await owner.reply(/Реклама/);
    await owner.press(menu, /Новая рассылка/);
    await owner.reply(/Пришлите текст/);
    owner.send('<b>Big sale</b> for {name} & co');
    const bad = await owner.reply(/не примет/);
    expect(textOf(bad)).toContain('&');
    owner.send('<b>Big sale</b> for {name}');
    const draft = await owner.reply(/Черновик/);
    await owner.press(draft, /Подтвердить/);
    const confirm = await owner.waitFor(/Отправить <?b?>?\d+|Отправить \d+/);
    // The owner is not an ad recipient: customers only.
    expect(digits(textOf(confirm))).toContain(String(2000 - 40));
    await owner.press(confirm, /Да, отправить/);
    const progress = await owner.waitFor(
      (m) => textOf(m).includes('Рассылка #') && textOf(m).includes('⚡'),
      15_000,
    );
    // Some users block the bot while it is sending.
    const blockMidway = users.slice(1900, 1910);
    for (const u of blockMidway) h.emu.blockBot(u.id);
    await owner.waitFor(
      (m) => m.message_id === progress.message_id && textOf(m).includes('завершена'),
      60_000,
    );

    expect(h.emu.stats().tooManyRequests).toBeGreaterThan(0);
    for (const u of [...optedOut, ...blocked]) expect(adsIn(u.id)).toHaveLength(0);
    for (const u of users.slice(40)) {
      const count = adsIn(u.id).length;
      if (blockMidway.includes(u)) expect(count).toBeLessThanOrEqual(1);
      else expect(count, `user ${u.id}`).toBe(1);
    }
    expect(adsIn(owner.id)).toHaveLength(0);
    const ad = adsIn(users[100]!.id)[0]!;
    expect(textOf(ad)).toBe(`Big sale for ${users[100]!.firstName}`);
    for (const u of blockMidway) {
      const row = await h.deps.services.users.byTelegramId(u.id);
      if (adsIn(u.id).length === 0) expect(row?.blockedAt).toBeInstanceOf(Date);
    }

    const final = h.emu.message(owner.id, progress.message_id)!;
    expect(final.edit_count).toBeGreaterThan(0);
    const delivered = users.slice(40).filter((u) => adsIn(u.id).length === 1).length;
    expect(digits(textOf(final))).toContain(`Доставлено:${delivered}`);
  }, 180_000);
});
