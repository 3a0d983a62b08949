import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastRuns } from '../../src/db/schema/index.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';

/**
 * The progress message of a broadcast, seen by the owner: statistics open apart from it, its final figures
 * add up to the total (a cancel says how many were not sent), and its final rate is the run's own average.
 */
let h: Harness;
let owner: TestUser;
const RATE = 5;

beforeAll(async () => {
  h = await startHarness({ env: { BROADCAST_RATE: String(RATE) } });
  owner = h.owners[0]!;
  owner.send('/start');
  await owner.reply();
  for (let i = 0; i < 50; i++) await h.startedUser();
}, 120_000);
afterAll(async () => h?.close());

/** `✅ Доставлено: 12` → 12 (Fluent groups digits with a no-break space). */
function figure(text: string, label: string): number {
  const match = new RegExp(`${label}: ([\\d\\s\\u00a0]+)`).exec(text);
  return match ? Number(match[1]!.replace(/\D/g, '')) : 0;
}

/** Composes and confirms a broadcast to everyone; returns its progress message once it appears. */
async function startBroadcast(text: string): Promise<StoredMessage> {
  owner.send('/broadcast');
  const menu = await owner.reply(/Реклама/);
  await owner.press(menu, /Новая рассылка/);
  await owner.reply(/Пришлите текст/);
  owner.send(text);
  const draft = await owner.reply(/Черновик/);
  await owner.press(draft, /Подтвердить/);
  const confirm = await owner.waitFor(
    (m) => m.message_id === draft.message_id && /Отправить/.test(textOf(m)),
  );
  await owner.press(confirm, /Да, отправить/);
  return owner.reply((m) => textOf(m).startsWith('📣'), 10_000);
}

describe('the progress message', () => {
  it('opens statistics as a new message during a run; after a cancel the figures add up', async () => {
    const progress = await startBroadcast('Первая рассылка');
    expect(textOf(progress)).toContain('идёт отправка');
    expect(textOf(progress)).not.toMatch(/0,0 сообщ/);

    await owner.press(progress, /Статистика/);
    const stats = await owner.reply(/📊 Рассылка #/);
    expect(stats.message_id).not.toBe(progress.message_id);
    expect(textOf(stats)).toContain('— идёт отправка');
    expect(textOf(h.emu.message(owner.id, progress.message_id)!)).toMatch(/^📣/);

    await owner.press(progress, /Отменить/);
    const final = await owner.waitFor(
      (m) =>
        m.message_id === progress.message_id && textOf(m).includes('отменена') && !textOf(m).includes('⏳'),
      20_000,
    );
    const text = textOf(final);
    const total = figure(text, 'Всего');
    const cancelled = figure(text, 'Не отправлено из-за отмены');
    expect(cancelled).toBeGreaterThan(0);
    const parts = ['Доставлено', 'Ошибки', 'Заблокировали бота', 'Пропущено'].map((l) => figure(text, l));
    expect(parts.reduce((a, b) => a + b, 0) + cancelled).toBe(total);
    expect(total).toBeGreaterThanOrEqual(50);

    // the statistics account for the same recipients
    await owner.press(final, /Статистика/);
    const after = textOf(await owner.reply(/📊 Рассылка #/));
    expect(after).toContain(`не отправлено из-за отмены: ${cancelled}`);
  }, 60_000);

  it('ends with the run’s own average rate, and the final summary stays when statistics are opened', async () => {
    const progress = await startBroadcast('Вторая рассылка');
    const final = await owner.waitFor(
      (m) => m.message_id === progress.message_id && textOf(m).includes('завершена'),
      40_000,
    );
    const match = /Средняя скорость: (\d+),(\d) сообщ\.\/с/.exec(textOf(final));
    expect(match, textOf(final)).not.toBeNull();
    const shown = Number(`${match![1]}.${match![2]}`);
    const [run] = await h.db
      .select()
      .from(broadcastRuns)
      .where(eq(broadcastRuns.progressMessageId, progress.message_id));
    const attempted = ['Доставлено', 'Ошибки', 'Заблокировали бота'].reduce(
      (sum, label) => sum + figure(textOf(final), label),
      0,
    );
    const seconds = (run!.finishedAt!.getTime() - run!.createdAt.getTime()) / 1000;
    expect(Math.abs(shown - attempted / seconds)).toBeLessThanOrEqual(0.05);
    // the limiter never lets the sender go faster than configured (a smoothed "instant" rate did)
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(RATE * 1.5);

    const before = textOf(final);
    await owner.press(final, /Статистика/);
    await owner.reply(/📊 Рассылка #/);
    expect(textOf(h.emu.message(owner.id, progress.message_id)!)).toBe(before);
  }, 60_000);
});
