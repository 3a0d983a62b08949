import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../src/db/schema/index.js';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, CHANNEL, type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';

let h: Harness;
let owner: TestUser;
let productId: number;
const customers: TestUser[] = [];

beforeAll(async () => {
  h = await startHarness({ channel: true, env: { BROADCAST_RATE: '2' } });
  owner = h.owners[0]!;
  owner.send('/start');
  await owner.reply();
  const [row] = await h.db
    .insert(products)
    .values({ title: 'Лендинг', description: 'Одностраничный сайт', price: 30000, deadlineDays: 5 })
    .returning();
  productId = row!.id;
  for (let i = 0; i < 12; i++) {
    const who = h.user({ firstName: `Гость${i}` });
    h.emu.joinChannel(who.id, CHANNEL.id);
    who.send('/start');
    await who.reply();
    customers.push(who);
  }
}, 120_000);
afterAll(async () => h?.close());

const channelPosts = () => h.emu.botMessages(CHANNEL.id);
const isAd = (m: StoredMessage) => buttonsOf(m).some((b) => b.data === 'nws:off');

/** /broadcast → New → text → the draft; then its audience step. */
async function draftWithAudienceStep(text: string): Promise<{ draft: StoredMessage; id: number }> {
  owner.send('/broadcast');
  const menu = await owner.reply(/Реклама/);
  await owner.press(menu, /Новая рассылка/);
  await owner.reply(/Пришлите текст рассылки/);
  owner.send(text);
  const draft = await owner.reply(/Черновик/);
  const id = Number(/Черновик #(\d+)/.exec(textOf(draft))?.[1]);
  await owner.press(draft, '👥 Аудитория');
  await owner.waitFor((m) => m.message_id === draft.message_id && textOf(m).includes('Кому отправить'));
  return { draft, id };
}

describe('also post to the channel', () => {
  it('posts exactly once to the channel, with deep-link buttons, across a restart mid-run; the stats count it', async () => {
    const { draft, id } = await draftWithAudienceStep('Осенняя скидка для {name}');
    await owner.press(draft, '📣 Опубликовать и в канале: нет');
    await owner.waitFor(
      (m) => m.message_id === draft.message_id && buttonsOf(m).some((b) => b.text.includes('✅ да')),
    );
    await h.deps.services.broadcasts.updateDraft(id, {
      buttons: [{ kind: 'product', text: '🛍 Лендинг', productId }],
    });
    await owner.press(h.emu.message(owner.id, draft.message_id)!, /^Всем/);
    const shown = await owner.waitFor(
      (m) => m.message_id === draft.message_id && textOf(m).includes('Черновик'),
    );
    await owner.press(shown, /Подтвердить/);
    const confirm = await owner.waitFor(
      (m) => m.message_id === draft.message_id && textOf(m).includes('Отправить'),
    );
    expect(textOf(confirm)).toContain('опубликована и в канале @phoenix_test_channel');
    await owner.press(confirm, /Да, отправить/);

    const post = await h.emu.waitFor(CHANNEL.id, () => true, { timeoutMs: 15_000 });
    // A restart while the subscribers' deliveries are still going (2 a second).
    expect((await h.deps.services.broadcasts.stats(id)).pending).toBeGreaterThan(0);
    await h.restart();
    const username = h.emu.bot.username;
    expect(textOf(post)).toBe('Осенняя скидка для друзья');
    expect(buttonsOf(post)).toEqual([
      { text: '🛍 Лендинг', url: `https://t.me/${username}?start=bc_${id}_${productId}` },
    ]);
    for (const who of customers) await who.waitFor(isAd, 30_000);
    for (const who of customers) expect(who.botMessages().filter(isAd)).toHaveLength(1);
    expect(channelPosts()).toHaveLength(1);

    // The sender writes results back in batches: wait until the last ones are in.
    let stats = await h.deps.services.broadcasts.stats(id);
    for (let i = 0; i < 100 && stats.pending > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      stats = await h.deps.services.broadcasts.stats(id);
    }
    expect(stats).toMatchObject({ channelPosted: 1, channelPending: 0, channelFailed: 0, delivered: 12 });
    owner.send('/broadcast');
    const menu = await owner.reply(/Реклама/);
    await owner.press(menu, /Все рассылки|Рассылки/);
    const list = await owner.waitFor(
      (m) => m.message_id === menu.message_id && buttonsOf(m).some((b) => b.data === `bc:v:${id}`),
    );
    await owner.press(list, new RegExp(`#${id} `));
    const statsScreen = await owner.waitFor(
      (m) => m.message_id === menu.message_id && textOf(m).includes('📣 Канал'),
    );
    expect(textOf(statsScreen)).toContain('📣 Канал: опубликовано 1');

    // The channel reader's button opens the service in the bot and counts as a click.
    const reader = customers[0]!;
    h.emu.openDeepLink(reader.id, buttonsOf(post)[0]!.url!);
    await reader.waitFor('Лендинг');
    expect((await h.deps.services.broadcasts.stats(id)).clicks).toBe(1);
  });

  it('never posts again what a sender that died had already handed to the network', async () => {
    const { broadcasts } = h.deps.services;
    await h.stopBot();
    const draft = await broadcasts.createDraft(owner.id, { text: 'Второй пост' });
    await broadcasts.updateDraft(draft.id, { channelChat: `@${CHANNEL.username}` });
    const confirmed = await broadcasts.confirm(draft.id, new Date(), null);
    expect(confirmed.ok).toBe(true);
    // A sender claims the post (marked `sending`: its request may have left) and dies.
    const claimed = await broadcasts.channelPosts.claim('dead-sender');
    expect(claimed?.broadcastId).toBe(draft.id);
    await h.startBot();
    for (const who of customers) await who.waitFor((m) => isAd(m) && textOf(m) === 'Второй пост', 30_000);
    expect(channelPosts().filter((m) => textOf(m) === 'Второй пост')).toHaveLength(0);
    expect(await broadcasts.stats(draft.id)).toMatchObject({ channelPosted: 1, channelPending: 0 });
  });

  it('explains when the bot is not an administrator of the channel', async () => {
    h.emu.setBotAdmin(CHANNEL.id, false);
    try {
      const { draft, id } = await draftWithAudienceStep('Третий пост');
      const answer = await owner.press(draft, '📣 Опубликовать и в канале: нет');
      expect(answer?.show_alert).toBe(true);
      expect(answer?.text).toContain('сделайте его администратором канала');
      expect((await h.deps.services.broadcasts.get(id))?.channelChat).toBeNull();
    } finally {
      h.emu.setBotAdmin(CHANNEL.id, true);
    }
  });
});
