import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders } from '../../src/db/schema/index.js';
import { buttonsOf, type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';
import { userRow } from './support-flow.js';

let h: Harness;
/** Turns the order and rating alerts off in the settings; keeps the others. */
let quiet: TestUser;
/** Keeps every alert on (the default). */
let loud: TestUser;
let admin: TestUser;

beforeAll(async () => {
  h = await startHarness({ owners: 2 });
  [quiet, loud] = h.owners as [TestUser, TestUser];
  for (const owner of h.owners) {
    owner.send('/start');
    await owner.reply();
  }
  admin = await h.startedUser({ firstName: 'Adele' });
  await h.makeStaff(admin, 'admin');
});
afterAll(async () => h?.close());

const alertsOf = (who: TestUser, text: string) => who.botMessages().filter((m) => textOf(m).includes(text));

/** Waits until `who` has an alert containing `text`. */
async function reaches(who: TestUser, text: string) {
  return who.waitFor(text, 15_000);
}

describe('owner alerts', () => {
  it('each owner switches alerts in /admin → Settings; admins cannot', async () => {
    quiet.send('/admin');
    const menu = await quiet.reply('Панель администратора');
    await quiet.press(menu, '⚙️ Настройки');
    const screen = await quiet.waitFor(
      (m) => m.message_id === menu.message_id && textOf(m).includes('уведомления'),
    );
    expect(buttonsOf(screen).filter((b) => b.text.startsWith('✅'))).toHaveLength(4);
    await quiet.press(screen, '✅ Клиент отменил заказ');
    await quiet.waitFor(
      (m) =>
        m.message_id === menu.message_id && buttonsOf(m).some((b) => b.text === '🚫 Клиент отменил заказ'),
    );
    await quiet.press(h.emu.message(quiet.id, menu.message_id)!, '✅ Обращение оценили на 1–2 звезды');
    await quiet.waitFor(
      (m) =>
        m.message_id === menu.message_id &&
        buttonsOf(m).some((b) => b.text === '🚫 Обращение оценили на 1–2 звезды'),
    );
    expect(await h.deps.services.ownerAlerts.settings(quiet.id)).toEqual({
      invite_used: true,
      order_cancelled: false,
      low_rating: false,
      broadcast_finished: true,
    });
    expect(await h.deps.services.ownerAlerts.settings(loud.id)).toMatchObject({ order_cancelled: true });

    admin.send('/admin');
    const adminMenu = await admin.reply('Панель администратора');
    expect(buttonsOf(adminMenu).some((b) => b.data === 'adg:menu')).toBe(false);
    const refused = await admin.forge(adminMenu.message_id, 'adg:t:o:0');
    expect(refused?.show_alert).toBe(true);
    expect(await h.deps.services.ownerAlerts.settings(admin.id)).toMatchObject({ order_cancelled: true });
    const customer = await h.startedUser({ firstName: 'Kira' });
    const forged = await customer.forge(adminMenu.message_id, 'adg:menu');
    expect(forged?.show_alert).toBe(true);
  });

  it('a staff invite link used: both owners are told', async () => {
    const token = await h.deps.services.staff.createInvite('support', quiet.id);
    const newcomer = h.user({ firstName: 'Nina' });
    newcomer.send(`/start staff_${token}`);
    await newcomer.reply();
    const text = `Ссылкой-приглашением воспользовались: Nina (id ${newcomer.id}) теперь в команде — сотрудник поддержки`;
    await reaches(quiet, text);
    await reaches(loud, text);
  });

  it('an order cancelled, a 1-star rating and a finished broadcast reach only the owners who kept those alerts on', async () => {
    const customer = await h.startedUser({ firstName: 'Oleg' });
    const [order] = await h.db
      .insert(orders)
      .values({
        userId: (await userRow(h, customer)).id,
        productTitle: 'Лендинг',
        price: 30000,
        deadlineDays: 5,
        finalPrice: 30000,
        email: 'oleg@example.com',
        checkoutKey: 'alerts-oleg',
      })
      .returning();
    customer.send('/orders');
    const list = await customer.reply(/Мои заказы/);
    await customer.press(list, `✖️ Отменить №${order!.id}`);
    const confirm = await customer.waitFor((m) => buttonsOf(m).some((b) => b.text === 'Да, отменить'));
    await customer.press(confirm, 'Да, отменить');
    const text = `Заказ №${order!.id} (Лендинг) отменён клиентом: Oleg`;
    await reaches(loud, text);
    // The rating alert below goes out after this one: once it arrives, the quiet owner had every chance.
    const ticketCustomer = await h.startedUser({ firstName: 'Pavel' });
    const ticket = await h.deps.services.tickets.create((await userRow(h, ticketCustomer)).id, {
      text: 'Плохо',
    });
    if (!ticket.ok) throw new Error('no ticket');
    await h.deps.services.tickets.close(ticket.ticket.id, {
      userId: (await userRow(h, loud)).id,
      role: 'owner',
    });
    await ticketCustomer.forge(list.message_id, `sup:rt:${ticket.ticket.id}:1`);
    await reaches(loud, `Обращение #${ticket.ticket.id} оценили на 1 звезду, клиент: Pavel`);
    // A good rating is no alert.
    const happy = await h.startedUser({ firstName: 'Rita' });
    const good = await h.deps.services.tickets.create((await userRow(h, happy)).id, { text: 'Спасибо' });
    if (!good.ok) throw new Error('no ticket');
    await h.deps.services.tickets.close(good.ticket.id, {
      userId: (await userRow(h, loud)).id,
      role: 'owner',
    });
    await happy.forge(list.message_id, `sup:rt:${good.ticket.id}:5`);
    await happy.waitFor('⭐⭐⭐⭐⭐');

    // Broadcasts come last: when its alert reaches the quiet owner, the earlier ones would have too.
    const { broadcasts } = h.deps.services;
    const draft = await broadcasts.createDraft(quiet.id, { text: 'Новости' });
    expect((await broadcasts.confirm(draft.id, new Date(), null)).ok).toBe(true);
    const finished = `Рассылка #${draft.id} завершена`;
    await reaches(quiet, finished);
    await reaches(loud, finished);

    expect(alertsOf(quiet, 'отменён клиентом')).toHaveLength(0);
    expect(alertsOf(quiet, 'оценили на')).toHaveLength(0);
    expect(alertsOf(loud, 'отменён клиентом')).toHaveLength(1);
    expect(alertsOf(loud, 'оценили на')).toHaveLength(1);
    expect(alertsOf(loud, finished)).toHaveLength(1);
    expect(alertsOf(admin, 'отменён клиентом')).toHaveLength(0);
  });
});
