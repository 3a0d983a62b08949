import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, products, promoCodes, staff, staffInvites } from '../../src/db/schema/index.js';
import { type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';
import { openAdminSection } from './admin-flow.js';

let h: Harness;
let customer: TestUser;
let agent: TestUser;
let admin: TestUser;
let productId: number;
let promoId: number;

const count = async (table: typeof staffInvites | typeof staff) =>
  (await h.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

beforeAll(async () => {
  // A person forging 30-odd callbacks in a row trips the flood limit (test/e2e/flood.test.ts); here
  // every one of them must reach the role guard.
  h = await startHarness({ env: { FLOOD_LIMIT: '1000' } });
  customer = await h.startedUser({ firstName: 'Customer' });
  agent = await h.startedUser({ firstName: 'Agent' });
  admin = await h.startedUser({ firstName: 'Admin' });
  await h.makeStaff(agent, 'support');
  await h.makeStaff(admin, 'admin');
  const product = await h.deps.services.catalog.create({
    title: 'Guarded',
    description: 'Must survive forged callbacks',
    price: 100,
    deadlineDays: 1,
  });
  const promo = await h.deps.services.promo.create({ code: 'GUARD', kind: 'percent', value: 10 });
  if (!product.ok || !promo.ok) throw new Error('fixtures not created');
  productId = product.product.id;
  promoId = promo.promo.id;
});
afterAll(async () => h?.close());

describe('/admin is for owners and admins only', () => {
  it('refuses a customer and a support agent', async () => {
    for (const person of [customer, agent]) {
      person.send('/admin');
      const answer = await person.reply();
      expect(textOf(answer)).toBe('Панель администратора доступна только владельцам и администраторам.');
      expect(answer.reply_markup).toBeUndefined();
    }
  });

  it('opens the menu for an admin and an owner, with the advertising and export buttons (settings: owners only)', async () => {
    for (const person of [admin, h.owners[0]!]) {
      person.send('/admin');
      const menu = await person.reply('Панель администратора');
      const data =
        menu.reply_markup && 'inline_keyboard' in menu.reply_markup
          ? menu.reply_markup.inline_keyboard.flat().map((b) => b.callback_data)
          : [];
      const owner = person === h.owners[0];
      expect(data).toEqual([
        'adp:list:0',
        'adk:list',
        'adc:list:0',
        'ado:menu',
        'ads:list',
        'adt:show',
        'bc:menu',
        'adb:l:0',
        'adx:menu',
        ...(owner ? ['adg:menu'] : []),
      ]);
    }
  });
});

describe('forged admin callbacks', () => {
  const forgedData = (targetId: number) => [
    'adm:menu',
    'adp:list:0',
    'adp:new',
    'adp:save',
    `adp:v:${productId}`,
    `adp:e:${productId}:p`,
    `adp:on:${productId}:0`,
    `adp:nophoto:${productId}`,
    `adp:del:${productId}`,
    `adp:dely:${productId}`,
    'adp:cat:1',
    'adk:list',
    'adk:new',
    'adk:v:1',
    'adk:e:1:t',
    'adk:mv:1:d',
    'adk:on:1:0',
    'adk:del:1',
    'adk:dely:1:0',
    'adc:list:0',
    'adc:new',
    `adc:v:${promoId}`,
    `adc:e:${promoId}:v`,
    `adc:on:${promoId}:0`,
    `adc:dely:${promoId}`,
    'ado:menu',
    'ado:l:c:0',
    'adt:show',
    'adt:chart:30',
    'adt:cp:7',
    'ads:list',
    'ads:inv:s',
    'ads:inv:a',
    `ads:v:${targetId}`,
    `ads:role:${targetId}:a`,
    `ads:roley:${targetId}:a`,
    `ads:rm:${targetId}`,
    `ads:rmy:${targetId}`,
    'adb:l:0',
    'adb:n',
    'adb:b:1',
    'adb:d:7',
    'adb:y',
    'adb:x',
    'adb:u:1:0',
    'adx:menu',
    'adx:k:o',
    'adx:r:c:all',
    'adx:r:t:cu',
    'adg:menu',
    'adg:t:o:0',
  ];

  it('change nothing and get a refusal when sent by a customer or a support agent', async () => {
    const staffBefore = await h.db.select().from(staff).orderBy(staff.id);
    const productsBefore = await h.db.select().from(products);
    const categoriesBefore = await h.db.select().from(categories);
    const promosBefore = await h.db.select().from(promoCodes);
    for (const person of [customer, agent]) {
      const anyMessage = person.botMessages().at(-1)!;
      const sentBefore = person.botMessages().length;
      for (const data of forgedData(agent.id)) {
        const answer = await person.forge(anyMessage.message_id, data);
        expect(answer?.text, data).toBe('Это действие вам недоступно.');
        expect(answer?.show_alert, data).toBe(true);
      }
      expect(person.botMessages()).toHaveLength(sentBefore);
      expect(h.emu.message(person.id, anyMessage.message_id)?.edit_count).toBe(anyMessage.edit_count);
    }
    expect(await count(staffInvites)).toBe(0);
    expect(await h.db.select().from(staff).orderBy(staff.id)).toEqual(staffBefore);
    expect(await h.db.select().from(products)).toEqual(productsBefore);
    expect(await h.db.select().from(categories)).toEqual(categoriesBefore);
    expect(await h.db.select().from(promoCodes)).toEqual(promosBefore);
    for (const person of [customer, agent])
      expect(person.botMessages().some((m) => textOf(m).includes('Guarded'))).toBe(false);
    expect(h.emu.callsTo('sendPhoto')).toHaveLength(0);
  });

  it('an admin cannot grant, revoke or invite the admin role, nor remove an admin (owners only)', async () => {
    const otherAdmin = await h.startedUser({ firstName: 'Other admin' });
    await h.makeStaff(otherAdmin, 'admin');
    admin.send('/admin');
    const menu = await admin.reply('Панель администратора');
    for (const data of [
      `ads:role:${agent.id}:a`,
      `ads:role:${otherAdmin.id}:s`,
      `ads:roley:${agent.id}:a`,
      `ads:roley:${otherAdmin.id}:s`,
      `ads:rm:${otherAdmin.id}`,
      `ads:rmy:${otherAdmin.id}`,
      'ads:inv:a',
    ]) {
      const answer = await admin.forge(menu.message_id, data);
      expect(answer?.text, data).toBe('Назначать и снимать администраторов может только владелец.');
    }
    expect((await h.deps.services.staff.member(agent.id))?.role).toBe('support');
    expect((await h.deps.services.staff.member(otherAdmin.id))?.role).toBe('admin');
    expect(await count(staffInvites)).toBe(0);
  });

  it('a demoted admin loses access at once, even to the menu message they still have', async () => {
    const former = await h.startedUser({ firstName: 'Former admin' });
    await h.makeStaff(former, 'admin');
    former.send('/admin');
    const menu = await former.reply('Панель администратора');
    await h.deps.services.staff.remove(former.id);
    const answer = await former.press(menu, '👥 Сотрудники');
    expect(answer?.text).toBe('Это действие вам недоступно.');
    expect(textOf(h.emu.message(former.id, menu.message_id)!)).toContain('Панель администратора');
  });

  it('an admin removed in the middle of the product wizard cannot finish it', async () => {
    const former = await h.startedUser({ firstName: 'Wizard admin' });
    await h.makeStaff(former, 'admin');
    const list = await openAdminSection(former, '🛍 Услуги', 'Услуги');
    await former.press(list, '➕ Новая услуга');
    await former.reply('Введите название');
    await h.deps.services.staff.remove(former.id);
    former.send('Sneaky product');
    expect(textOf(await former.reply())).toBe(
      'Панель администратора доступна только владельцам и администраторам.',
    );
    former.send('A description');
    expect(textOf(await former.reply())).not.toContain('фото');
    expect((await h.db.select().from(products)).map((p) => p.title)).toEqual(['Guarded']);
  });
});
