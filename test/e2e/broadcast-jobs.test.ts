import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastRuns, broadcasts, sessions } from '../../src/db/schema/index.js';
import { CampaignJob } from '../../src/jobs/campaigns.js';
import { dailyCron } from '../../src/jobs/schedule.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';
import { startAdsHarness } from './ads-flow.js';

/**
 * The background jobs of a running bot (startApp against the emulator): the campaign sweep queues an
 * abandoned-order reminder that the sender delivers once; a click on a broadcast's product button and an
 * order within 7 days show in its stats; the scheduler fires a due one-off broadcast once and a recurring
 * one on each occurrence.
 */
let h: Harness;
let owner: TestUser;
let productId: number;

beforeAll(async () => {
  ({ h, owner, productId } = await startAdsHarness(50));
  people.push(owner);
}, 120_000);
afterAll(async () => h?.close());

const isAd = (m: StoredMessage) => buttonsOf(m).some((b) => b.data === 'nws:off');
const adsIn = (who: TestUser) => who.botMessages().filter(isAd);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Everyone who talks to the bot in this file (with the owner). */
const people: TestUser[] = [];
async function person(firstName?: string): Promise<TestUser> {
  const who = await h.startedUser(firstName ? { firstName } : {});
  people.push(who);
  return who;
}

/** Catalog card → Order → the email prompt (the real checkout dialog), and no further. */
async function stopAtEmail(who: TestUser): Promise<void> {
  who.send(`/start p_${productId}`);
  const card = await who.reply((m) => buttonsOf(m).some((b) => b.data === `ord:new:${productId}`));
  await who.press(card, '🛒 Заказать');
  await who.reply(/email/i);
}

describe('abandoned-order reminder', () => {
  it('reaches a user who stopped at the email step, once, even after further sweeps', async () => {
    const { campaigns } = h.deps.services;
    await campaigns.setDelay('abandoned', 2);
    await campaigns.setEnabled('abandoned', true);
    const anna = await person('Анна');
    await stopAtEmail(anna);
    // The session is saved once the update is handled (just after the prompt went out).
    await expect
      .poll(async () => {
        const [session] = await h.db
          .select()
          .from(sessions)
          .where(eq(sessions.key, String(anna.id)));
        return session?.value;
      })
      .toMatchObject({ dialog: { name: 'order', step: 'email' } });
    // Someone who finished their order is not reminded.
    const boris = await person();
    await stopAtEmail(boris);
    boris.send('boris@example.com');
    const promo = await boris.reply(/промокод/i);
    await boris.press(promo, /Без промокода/);
    await boris.press(await boris.reply('Проверьте заказ'), '✅ Подтвердить');
    await boris.reply('оформлен');

    // The campaign job with a clock: one hour later nothing is due, two hours later the reminder is.
    const at = (ms: number) => new CampaignJob(campaigns, h.deps.logger, () => new Date(Date.now() + ms));
    expect((await at(3_600_000).tick()).abandoned).toBe(0);
    expect((await at(2 * 3_600_000 + 60_000).tick()).abandoned).toBe(1);
    const reminder = await anna.waitFor(isAd, 15_000);
    expect(textOf(reminder)).toContain('Лендинг');
    // Further sweeps, now and later, queue nothing more.
    expect((await at(2 * 3_600_000 + 120_000).tick()).abandoned).toBe(0);
    expect((await at(5 * 3_600_000).tick()).abandoned).toBe(0);
    await sleep(1500);
    expect(adsIn(anna)).toHaveLength(1);
    expect(adsIn(boris)).toHaveLength(0);

    // Its "open" button is a deep link to the product that counts as a click of the campaign.
    const open = buttonsOf(reminder).find((b) => b.url?.includes('?start=bc_'));
    expect(open?.url).toBeDefined();
    h.emu.openDeepLink(anna.id, open!.url!);
    await anna.reply((m) => buttonsOf(m).some((b) => b.data === `ord:new:${productId}`));
    const carrier = await campaigns.carrier('abandoned');
    await expect.poll(async () => (await h.deps.services.broadcasts.stats(carrier)).clicks).toBe(1);
    await campaigns.setEnabled('abandoned', false);
  }, 60_000);
});

describe('attribution', () => {
  it('a click on the "open product" button and an order within 7 days show in the broadcast stats', async () => {
    const { broadcasts: service } = h.deps.services;
    const vera = await person('Вера');
    const draft = await service.createDraft(owner.id, { text: '<b>Новинка</b> для {name}' });
    await service.updateDraft(draft.id, {
      buttons: [{ kind: 'product', text: 'Смотреть', productId }],
      audience: { kind: 'no_orders' },
    });
    const confirmed = await service.confirm(draft.id, new Date(), null);
    expect(confirmed.ok).toBe(true);
    const ad = await vera.waitFor((m) => isAd(m) && textOf(m).includes('Новинка'), 20_000);
    expect(textOf(ad)).toBe('Новинка для Вера');
    const link = buttonsOf(ad).find((b) => b.text === 'Смотреть')?.url;
    expect(link).toBe(`https://t.me/${h.emu.bot.username}?start=bc_${draft.id}_${productId}`);

    expect((await service.stats(draft.id)).clicks).toBe(0);
    h.emu.openDeepLink(vera.id, link!);
    const card = await vera.waitFor((m) => buttonsOf(m).some((b) => b.data === `ord:new:${productId}`));
    await vera.press(card, '🛒 Заказать');
    await vera.reply(/email/i);
    vera.send('vera@example.com');
    await vera.press(await vera.reply(/промокод/i), /Без промокода/);
    await vera.press(await vera.reply('Проверьте заказ'), '✅ Подтвердить');
    await vera.reply('оформлен');

    await expect
      .poll(async () => (await service.run(confirmed.ok ? (confirmed.run?.id ?? 0) : 0))?.state)
      .toBe('done');
    const stats = await service.stats(draft.id);
    expect(stats).toMatchObject({ clicks: 1, clickers: 1, orders: 1, failed: 0, blocked: 0 });
    // The stats match what the server received: one ad per recipient without orders (Boris has one);
    // the owner is not an ad recipient.
    const received = people.map((p) => adsIn(p).filter((m) => textOf(m).startsWith('Новинка')).length);
    expect(received.every((n) => n <= 1)).toBe(true);
    expect(received.reduce((a, b) => a + b, 0)).toBe(stats.delivered);
    expect(adsIn(owner).filter((m) => textOf(m).startsWith('Новинка'))).toHaveLength(0);
    expect(stats.delivered).toBe(people.length - 2);
  }, 60_000);
});

describe('the scheduler of a running bot', () => {
  async function scheduled(
    text: string,
    patch: Parameters<typeof h.deps.services.broadcasts.updateDraft>[1],
  ) {
    const { broadcasts: service } = h.deps.services;
    const draft = await service.createDraft(owner.id, { text });
    await service.updateDraft(draft.id, patch);
    const confirmed = await service.confirm(draft.id, new Date(), owner.id);
    expect(confirmed).toMatchObject({ ok: true, broadcast: { state: 'scheduled' } });
    return draft.id;
  }
  const runsOf = (id: number) => h.db.select().from(broadcastRuns).where(eq(broadcastRuns.broadcastId, id));
  const adsWith = (who: TestUser, text: string) => adsIn(who).filter((m) => textOf(m).startsWith(text));

  it('fires a broadcast scheduled a minute ahead once, when due', async () => {
    const gleb = await person();
    const id = await scheduled('Через минуту', {
      scheduleKind: 'once',
      nextRunAt: new Date(Date.now() + 60_000),
    });
    // The scheduler ticks every 5 s: not due yet, nothing fires.
    await sleep(6000);
    expect(await runsOf(id)).toHaveLength(0);
    expect(adsWith(gleb, 'Через минуту')).toHaveLength(0);
    // The minute passes (the due time moved to now instead of waiting for it).
    await h.db.update(broadcasts).set({ nextRunAt: sql`now()` }).where(eq(broadcasts.id, id));
    await gleb.waitFor((m) => isAd(m) && textOf(m).startsWith('Через минуту'), 15_000);
    // The admin who scheduled it gets the progress message.
    await owner.waitFor((m) => textOf(m).includes(`Рассылка #${id}`), 10_000);
    await sleep(6000);
    expect(adsWith(gleb, 'Через минуту')).toHaveLength(1);
    expect(await runsOf(id)).toHaveLength(1);
    expect((await h.deps.services.broadcasts.get(id))?.state).toBe('sent');
  }, 60_000);

  it('fires a recurring broadcast on each occurrence and moves on to the next one', async () => {
    const dina = await person();
    const timeZone = h.config.timezone;
    const clock = (d: Date) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(d);
    // Daily at a time twelve hours away in the studio's zone (it cannot come round during the test).
    // Computed once: a minute that ticks over during the test must not change what is expected.
    const target = clock(new Date(Date.now() + 12 * 3_600_000));
    const [hour, minute] = target.split(':').map(Number);
    const id = await scheduled('Каждый день', {
      scheduleKind: 'daily',
      cron: dailyCron(hour!, minute!),
      nextRunAt: new Date(Date.now() - 1000),
    });
    await dina.waitFor((m) => isAd(m) && textOf(m).startsWith('Каждый день'), 15_000);
    const first = await h.deps.services.broadcasts.get(id);
    expect(first?.state).toBe('scheduled');
    const next = first?.nextRunAt ?? new Date(0);
    expect(clock(next)).toBe(target);
    expect(next.getTime() - Date.now()).toBeGreaterThan(11 * 3_600_000);
    expect(next.getTime() - Date.now()).toBeLessThan(13 * 3_600_000);
    expect(await runsOf(id)).toHaveLength(1);
    // The next day comes: the occurrence is due.
    await h.db.update(broadcasts).set({ nextRunAt: sql`now()` }).where(eq(broadcasts.id, id));
    await expect.poll(() => adsWith(dina, 'Каждый день').length, { timeout: 15_000 }).toBe(2);
    expect(await runsOf(id)).toHaveLength(2);
    const second = await h.deps.services.broadcasts.get(id);
    expect(second?.state).toBe('scheduled');
    expect(clock(second?.nextRunAt ?? new Date(0))).toBe(clock(next));
    // Nothing more fires until then.
    await sleep(6000);
    expect(adsWith(dina, 'Каждый день')).toHaveLength(2);
    expect(await h.deps.services.broadcasts.cancelSchedule(id)).toBe(true);
  }, 60_000);
});
