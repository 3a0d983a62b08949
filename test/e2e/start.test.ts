import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index.js';
import { type Harness, startHarness, textOf } from '../helpers/harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('/start registration', () => {
  it('greets a new user in Russian by name and stores exactly one row, even after a second /start', async () => {
    const ivan = h.user({ firstName: 'Иван', languageCode: 'ru' });
    expect(ivan.id).toBeGreaterThan(2 ** 32);
    ivan.send('/start');
    const greeting = await ivan.reply();
    expect(textOf(greeting)).toContain('Здравствуйте, Иван!');
    expect(textOf(greeting)).toContain('PHOENIX');

    ivan.send('/start');
    await ivan.reply('Здравствуйте');
    const rows = await h.db.select().from(users).where(eq(users.telegramId, ivan.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.firstName).toBe('Иван');
  });

  it('greets in English for language_code en and escapes the name in HTML', async () => {
    const eve = h.user({ firstName: '<Eve & Co>', languageCode: 'en' });
    eve.send('/start');
    const greeting = await eve.reply();
    expect(textOf(greeting)).toContain('Hello, <Eve & Co>!');
    expect(greeting.html).toContain('&lt;Eve &amp; Co&gt;');
  });

  it('falls back to the default language (ru) for other languages', async () => {
    const hans = h.user({ firstName: 'Hans', languageCode: 'de' });
    hans.send('/start');
    expect(textOf(await hans.reply())).toContain('Здравствуйте, Hans!');
  });

  it('two simultaneous /start updates of a new user leave one row', async () => {
    const twin = h.user({ firstName: 'Twin' });
    twin.send('/start');
    twin.send('/start');
    await twin.reply();
    await h.emu.waitFor(twin.id, () => h.emu.botMessages(twin.id).length >= 2);
    const [row] = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.telegramId, twin.id));
    expect(row?.n).toBe(1);
  });
});

describe('roles, /help and command menus', () => {
  it('sets the customer menu for the default scope in ru and en', () => {
    const customer = h.user({ languageCode: 'en' });
    const commands = h.emu.commandsFor(customer.id).map((c) => c.command);
    expect(commands).toEqual([
      'start',
      'catalog',
      'search',
      'orders',
      'support',
      'settings',
      'help',
      'cancel',
    ]);
    expect(h.emu.commandsFor(customer.id, 'en').find((c) => c.command === 'catalog')?.description).toBe(
      'Our services',
    );
    expect(h.emu.commandsFor(customer.id, 'ru').find((c) => c.command === 'catalog')?.description).toBe(
      'Каталог услуг',
    );
  });

  it('gives owners a chat-scoped admin menu once they pressed Start', async () => {
    const owner = h.owners[0]!;
    owner.send('/start');
    await owner.reply();
    await h.emu.waitForCall('setMyCommands', (c) =>
      JSON.stringify(c.params.scope ?? '').includes(String(owner.id)),
    );
    expect(h.emu.commandsFor(owner.id).map((c) => c.command)).toContain('admin');
  });

  it('/help lists the commands of the role', async () => {
    const customer = await h.startedUser();
    customer.send('/help');
    const help = textOf(await customer.reply());
    expect(help).toContain('/catalog');
    expect(help).not.toContain('/admin');

    const owner = h.owners[0]!;
    owner.send('/help');
    const ownerHelp = textOf(await owner.reply('/admin'));
    expect(ownerHelp).toContain('/tickets');

    const agent = await h.startedUser();
    await h.makeStaff(agent, 'support');
    agent.send('/help');
    const agentHelp = textOf(await agent.reply());
    expect(agentHelp).toContain('/tickets');
    expect(agentHelp).not.toContain('/admin');
  });

  it('greets staff with their own commands: /tickets for agents, /admin and /tickets for owners and admins', async () => {
    const agent = await h.startedUser({ firstName: 'Света' });
    await h.makeStaff(agent, 'support');
    agent.send('/start');
    const agentGreeting = textOf(await agent.reply('Здравствуйте'));
    expect(agentGreeting).toContain('агент поддержки');
    expect(agentGreeting).toContain('/tickets');
    expect(agentGreeting).not.toContain('/admin');

    const admin = await h.startedUser({ languageCode: 'en' });
    await h.makeStaff(admin, 'admin');
    admin.send('/start');
    const adminGreeting = textOf(await admin.reply('Hello'));
    expect(adminGreeting).toContain('/admin');
    expect(adminGreeting).toContain('/tickets');

    const owner = h.owners[0]!;
    owner.send('/start');
    const ownerGreeting = textOf(await owner.reply('владелец'));
    expect(ownerGreeting).toContain('/admin');
    expect(ownerGreeting).toContain('/tickets');

    const customer = h.user();
    customer.send('/start');
    const customerGreeting = textOf(await customer.reply());
    expect(customerGreeting).toContain('/catalog');
    expect(customerGreeting).not.toContain('/tickets');
  });

  it('/cancel says there is nothing to cancel outside a dialog', async () => {
    const customer = await h.startedUser();
    customer.send('/cancel');
    expect(textOf(await customer.reply())).toBe('Сейчас вы ничего не заполняете, так что прерывать нечего.');
  });
});

describe('bot profile', () => {
  const profileCalls = () =>
    [...h.emu.callsTo('setMyDescription'), ...h.emu.callsTo('setMyShortDescription')].map(
      (c) => `${c.method}:${String(c.params.language_code ?? '')}`,
    );

  it('sets the description and short description for ru, en and users of other languages (ru)', () => {
    expect(profileCalls().sort()).toEqual([
      'setMyDescription:',
      'setMyDescription:en',
      'setMyDescription:ru',
      'setMyShortDescription:',
      'setMyShortDescription:en',
      'setMyShortDescription:ru',
    ]);
    const ru = h.emu.profileFor('ru');
    expect(ru.description).toContain('веб-студии PHOENIX');
    expect(ru.shortDescription.length).toBeLessThanOrEqual(120);
    expect(h.emu.profileFor('en').description).toContain('PHOENIX web studio');
    expect(h.emu.profileFor('de')).toEqual(ru);
  });

  it('a restart with the same texts reads them and sets nothing again', async () => {
    const before = profileCalls().length;
    const reads = h.emu.callsTo('getMyDescription').length;
    await h.restart();
    expect(h.emu.callsTo('getMyDescription').length).toBe(reads + 3);
    expect(profileCalls().length).toBe(before);
  });
});

describe('blocking the bot', () => {
  it('marks the user when they block the bot and clears it when they come back', async () => {
    const user = await h.startedUser();
    h.emu.blockBot(user.id);
    await expect
      .poll(async () => (await h.deps.services.users.byTelegramId(user.id))?.blockedAt, { timeout: 5000 })
      .toBeInstanceOf(Date);
    h.emu.unblockBot(user.id);
    user.send('/start');
    await user.reply();
    expect((await h.deps.services.users.byTelegramId(user.id))?.blockedAt).toBeNull();
  });
});

describe('error boundary', () => {
  it('answers with a localized "something went wrong" when a handler fails, and keeps working', async () => {
    const user = await h.startedUser();
    // A real fault: the sessions table disappears, so the session middleware's query fails.
    await h.db.execute(sql`alter table sessions rename to sessions_gone`);
    try {
      user.send('/help');
      expect(textOf(await user.reply())).toBe(
        'Что-то пошло не так. Мы уже разбираемся — попробуйте ещё раз чуть позже.',
      );
    } finally {
      await h.db.execute(sql`alter table sessions_gone rename to sessions`);
    }
    user.send('/help');
    expect(textOf(await user.reply())).toContain('/catalog');
  });
});
