import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';
import { openAdminSection, startWithOwner } from './admin-flow.js';
import {
  agent as makeAgent,
  customer as makeCustomer,
  notificationOf,
  openTicket,
  userRow,
} from './support-flow.js';

let h: Harness;
let owner: TestUser;

beforeAll(async () => {
  ({ h, owner } = await startWithOwner());
});
afterAll(async () => h?.close());

function openStaff(): Promise<StoredMessage> {
  return openAdminSection(owner, '👥 Сотрудники', 'Сотрудники');
}

const onScreen = (screen: StoredMessage, text: string) =>
  owner.waitFor((m) => m.message_id === screen.message_id && textOf(m).includes(text));

describe('support agents', () => {
  let invited: TestUser;
  let colleague: TestUser;

  it('a one-time invite link makes a second account a support agent who then gets new-ticket notifications', async () => {
    colleague = await makeAgent(h, 'Colleague');
    const list = await openStaff();
    await owner.press(list, '➕ Пригласить агента');
    const invite = await onScreen(list, 'Приглашение');
    const link = /https:\/\/t\.me\/(\w+)\?start=(staff_[A-Za-z0-9_-]+)/.exec(textOf(invite));
    expect(link?.[1]).toBe(h.emu.bot.username);

    invited = h.user({ firstName: 'Invited', languageCode: 'en' });
    h.emu.openDeepLink(invited.id, link![0]);
    const welcome = await invited.waitFor('Welcome to the PHOENIX team');
    expect(textOf(welcome)).toContain('Your role: support agent');
    expect((await h.deps.services.staff.member(invited.id))?.role).toBe('support');
    await expect.poll(() => h.emu.commandsFor(invited.id).map((c) => c.command)).toContain('tickets');

    const latecomer = h.user({ languageCode: 'en' });
    h.emu.openDeepLink(latecomer.id, link![0]);
    expect(textOf(await latecomer.waitFor('invitation'))).toContain('already been used');
    expect(await h.deps.services.staff.member(latecomer.id)).toBeUndefined();

    const client = await makeCustomer(h, 'Client');
    const ticket = await openTicket(h, client, 'The site is down');
    const notification = await notificationOf(invited, ticket.id);
    expect(textOf(notification)).toContain('The site is down');
    await notificationOf(colleague, ticket.id);
  });

  it('removing an agent (after confirmation) returns their tickets to the pool and tells the others', async () => {
    const client = await makeCustomer(h, 'Second client');
    const ticket = await openTicket(h, client, 'Mail does not work');
    const notification = await notificationOf(invited, ticket.id);
    await invited.press(notification, '🛠 Take');
    await expect.poll(async () => (await h.deps.services.tickets.byId(ticket.id))?.state).toBe('in_work');
    expect((await h.deps.services.tickets.byId(ticket.id))?.supportUserId).toBe(
      (await userRow(h, invited)).id,
    );

    const list = await openStaff();
    await owner.press(list, /Invited/);
    const member = await onScreen(list, 'Роль: агент поддержки');
    await owner.press(member, '🗑 Удалить');
    const confirm = await onScreen(list, 'вернутся в общую очередь');
    const answer = await owner.press(confirm, '🗑 Да, удалить');
    expect(answer?.text).toBe('Сотрудник удалён. Возвращено тикетов в очередь: 1.');
    const after = await onScreen(list, 'Сотрудники');
    expect(buttonsOf(after).some((b) => b.text.includes('Invited'))).toBe(false);

    expect(await h.deps.services.staff.member(invited.id)).toBeUndefined();
    const back = await h.deps.services.tickets.byId(ticket.id);
    expect(back).toMatchObject({ state: 'created', supportUserId: null });
    await colleague.waitFor(
      (m) => textOf(m).includes(`Ticket #${ticket.id}`) && textOf(m).includes('back in the queue'),
    );
    await invited.waitFor('no longer on the PHOENIX staff');
    await expect.poll(() => h.emu.commandsFor(invited.id).map((c) => c.command)).not.toContain('tickets');
    invited.send('/tickets');
    expect(textOf(await invited.reply())).not.toContain('Mail does not work');
  });

  it('adds an agent by numeric Telegram id with a reason for a wrong id, and owners change roles', async () => {
    const newcomer = await h.startedUser({ firstName: 'Newcomer', languageCode: 'en' });
    const list = await openStaff();
    await owner.press(list, '🔢 Добавить по Telegram ID');
    await onScreen(list, 'числовой Telegram ID');
    owner.send('12abc');
    expect(textOf(await owner.reply())).toContain('Это не похоже на Telegram ID');
    owner.send(String(owner.id));
    expect(textOf(await owner.reply())).toContain('Это владелец бота');
    owner.send(String(newcomer.id));
    await owner.reply('Агент поддержки добавлен');
    const member = await owner.reply('Newcomer');
    expect((await h.deps.services.staff.member(newcomer.id))?.role).toBe('support');
    await newcomer.waitFor('You have joined the PHOENIX team. Your role: support agent.');

    await owner.press(member, '🛡 Сделать администратором');
    // Asked first: nothing changes until it is confirmed, and Cancel leaves the role as it was.
    const ask = await onScreen(member, 'Сменить роль сотрудника');
    expect(textOf(ask)).toContain('Сейчас: агент поддержки. Будет: администратор.');
    expect((await h.deps.services.staff.member(newcomer.id))?.role).toBe('support');
    await owner.press(ask, '✖ Отмена');
    await onScreen(member, 'Роль: агент поддержки');
    expect((await h.deps.services.staff.member(newcomer.id))?.role).toBe('support');
    await owner.press(member, '🛡 Сделать администратором');
    await onScreen(member, 'Сменить роль сотрудника');
    await owner.press(member, '✅ Да, сменить роль');
    await onScreen(member, 'Роль: администратор');
    expect((await h.deps.services.staff.member(newcomer.id))?.role).toBe('admin');
    await newcomer.waitFor('Your role on the PHOENIX team is now: administrator');
    await expect.poll(() => h.emu.commandsFor(newcomer.id).map((c) => c.command)).toContain('admin');
    newcomer.send('/admin');
    expect(textOf(await newcomer.reply())).toContain('Admin panel');

    await owner.press(member, '🎧 Сделать агентом');
    await onScreen(member, 'Сейчас: администратор. Будет: агент поддержки.');
    await owner.press(member, '✅ Да, сменить роль');
    await onScreen(member, 'Роль: агент поддержки');
    expect((await h.deps.services.staff.member(newcomer.id))?.role).toBe('support');
    await expect.poll(() => h.emu.commandsFor(newcomer.id).map((c) => c.command)).not.toContain('admin');
    newcomer.send('/admin');
    expect(textOf(await newcomer.reply())).toBe('The admin panel is for owners and administrators only.');
  });

  it('an admin sees no admin-role buttons but can invite and remove support agents', async () => {
    const admin = await makeAgent(h, 'Deputy', 'admin');
    const helper = await makeAgent(h, 'Helper');
    admin.send('/admin');
    const menu = await admin.reply('Admin panel');
    await admin.press(menu, '👥 Staff');
    const list = await admin.waitFor(
      (m) => m.message_id === menu.message_id && textOf(m).includes('👥 Staff'),
    );
    expect(buttonsOf(list).map((b) => b.text)).not.toContain('➕ Invite an admin');
    await admin.press(list, /Helper/);
    const view = await admin.waitFor((m) => m.message_id === menu.message_id && textOf(m).includes('Role:'));
    expect(buttonsOf(view).map((b) => b.text)).toEqual(['🗑 Remove', '◀ Back']);
    await admin.press(view, '🗑 Remove');
    await admin.waitFor(
      (m) => m.message_id === menu.message_id && textOf(m).includes('go back to the open queue'),
    );
    await admin.press(view, '🗑 Yes, delete');
    await admin.waitFor((m) => m.message_id === menu.message_id && textOf(m).includes('👥 Staff'));
    expect(await h.deps.services.staff.member(helper.id)).toBeUndefined();
  });
});
