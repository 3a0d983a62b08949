import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';
import {
  agent,
  customer,
  notificationOf,
  openCard,
  openTicket,
  relayRecorded,
  userRow,
} from './support-flow.js';

let h: Harness;
let anna: TestUser;
let boris: TestUser;
let carl: TestUser;

beforeAll(async () => {
  h = await startHarness();
  anna = await agent(h, 'Anna');
  boris = await agent(h, 'Boris');
  carl = await agent(h, 'Carl');
});
afterAll(async () => h?.close());

/** Presses `button` on `message`, then the "Yes" its keyboard turns into (Close and Reopen ask first). */
async function pressConfirmed(who: TestUser, message: StoredMessage, button: string, yes: string) {
  const asked = await who.press(message, button);
  await who.waitFor((m) => m.message_id === message.message_id && buttonsOf(m).some((b) => b.text === yes));
  const answer = await who.press(message, yes);
  return { asked, answer };
}

/** A ticket of a new customer, taken by `holder`; returns the customer, the ticket and the card. */
async function takenTicket(name: string, problem: string, holder: TestUser) {
  const who = await customer(h, name);
  const ticket = await openTicket(h, who, problem);
  const note = await notificationOf(holder, ticket.id);
  const answer = await holder.press(note, '🛠 Take');
  expect(answer?.text).toBe(`Ticket #${ticket.id} is yours now.`);
  await who.waitFor(`is handling your request #${ticket.id}`);
  return { who, ticket, card: h.emu.message(holder.id, note.message_id)! };
}

describe('relay and transcript', () => {
  it('relays text and photos both ways, escapes user text, and records everything in the transcript', async () => {
    const { who, ticket, card } = await takenTicket('Ivan', 'Site is slow', anna);

    who.send('It takes <10s> & more');
    const relayed = await anna.waitFor((m) => textOf(m).includes('It takes <10s> & more'));
    expect(textOf(relayed)).toContain(`#${ticket.id} · Ivan:`);
    expect(relayed.html).toContain('It takes &lt;10s&gt; &amp; more');
    expect(buttonsOf(relayed).map((b) => b.data)).toEqual([
      `tk:r:${ticket.id}`,
      `tk:c:${ticket.id}`,
      `tk:x:${ticket.id}`,
    ]);

    // The agent replies to the relayed message: the ticket comes from ticket_relays, not from the text.
    expect(await relayRecorded(h, anna, relayed)).toBe(ticket.id);
    anna.send('Which <page>?', { replyTo: relayed.message_id });
    expect(textOf(await anna.reply())).toBe(`✅ Sent to ticket #${ticket.id}.`);
    const answer = await who.waitFor('Which <page>?');
    expect(textOf(answer)).toContain(`Anna, support · request #${ticket.id}:`);
    expect(answer.html).toContain('Which &lt;page&gt;?');

    const customerPhoto = who.sendPhoto('this one');
    const photoRelay = await anna.waitFor((m) => m.photo_file_id === customerPhoto.photo_file_id);
    expect(textOf(photoRelay)).toContain(`#${ticket.id} · Ivan:`);

    // Reply mode from the card's Reply button: a photo goes to the customer by file_id.
    await anna.press(card, '✍️ Reply');
    await anna.reply('Everything you send now');
    const agentPhoto = anna.sendPhoto('fixed, see');
    await anna.reply(`✅ Sent to ticket #${ticket.id}.`);
    const delivered = await who.waitFor((m) => m.photo_file_id === agentPhoto.photo_file_id);
    expect(textOf(delivered)).toContain('fixed, see');

    const entries = await h.deps.services.tickets.transcript(ticket.id);
    expect(entries.map((e) => [e.message.authorRole, e.message.text, e.message.photo !== null])).toEqual([
      ['customer', 'Site is slow', false],
      ['customer', 'It takes <10s> & more', false],
      ['agent', 'Which <page>?', false],
      ['customer', 'this one', true],
      ['agent', 'fixed, see', true],
    ]);

    await anna.press(relayed, '📜 Transcript');
    const transcript = await anna.waitFor((m) => textOf(m).includes(`Transcript of ticket #${ticket.id}`));
    const text = textOf(transcript);
    for (const line of ['Site is slow', 'It takes <10s> & more', 'Which <page>?', 'this one', 'fixed, see']) {
      expect(text).toContain(line);
    }
    expect(text).toContain('Ivan (customer)');
    expect(text).toContain('Anna (support)');
    expect(transcript.html).toContain('It takes &lt;10s&gt; &amp; more');
    expect((await h.deps.services.tickets.byId(ticket.id))?.firstResponseAt).toBeInstanceOf(Date);
  });

  it('an agent who does not hold the ticket cannot reply, close or redirect it, even with forged data', async () => {
    const { who, ticket } = await takenTicket('Olga', 'Broken form', anna);
    // Boris sees only his own tickets in work; he forges the callbacks instead.
    const anyMessage = boris.botMessages().at(-1)!;
    for (const data of [`tk:r:${ticket.id}`, `tk:c:${ticket.id}`, `tk:rd:${ticket.id}`]) {
      expect((await boris.forge(anyMessage.message_id, data))?.text).toBe('You are not allowed to do that.');
    }
    const carlRow = await userRow(h, carl);
    expect((await boris.forge(anyMessage.message_id, `tk:rt:${ticket.id}:${carlRow.id}`))?.text).toBe(
      'You are not allowed to do that.',
    );
    expect((await boris.forge(anyMessage.message_id, 'tk:zz:1'))?.text).toBe('This button is out of date.');
    const row = await h.deps.services.tickets.byId(ticket.id);
    expect(row).toMatchObject({ state: 'in_work', supportUserId: (await userRow(h, anna)).id });
    expect(who.botMessages().some((m) => textOf(m).includes(`Request #${ticket.id} is closed`))).toBe(false);
  });
});

describe('close, rating, reopen', () => {
  it('close unlocks the customer and asks for a 1–5 rating; reopen locks them again', async () => {
    const { who, ticket, card } = await takenTicket('Maria', 'Need an invoice', anna);
    const { asked } = await pressConfirmed(anna, card, '✅ Close', '✅ Yes, close it');
    expect(asked?.text).toBe(`Close ticket #${ticket.id}? The customer will be asked to rate the help.`);
    const closedCard = await anna.waitFor(
      (m) => m.message_id === card.message_id && textOf(m).includes(`Ticket #${ticket.id} — ✅ closed`),
    );
    expect(buttonsOf(closedCard).map((b) => b.data)).toContain(`tk:o:${ticket.id}`);
    const ask = await who.waitFor(`Request #${ticket.id} is closed`);
    expect(buttonsOf(ask).map((b) => b.data)).toEqual([1, 2, 3, 4, 5].map((n) => `sup:rt:${ticket.id}:${n}`));
    const row = await h.deps.services.tickets.byId(ticket.id);
    expect(row?.state).toBe('closed');
    expect(row?.closedAt).toBeInstanceOf(Date);

    who.send('/start');
    expect(textOf(await who.reply())).toContain('Hello, Maria');
    const rated = await who.press(ask, '⭐⭐⭐⭐');
    expect(rated?.text).toBe('Thank you for the rating!');
    await who.waitFor((m) => m.message_id === ask.message_id && textOf(m).includes('⭐⭐⭐⭐'));
    expect((await h.deps.services.tickets.byId(ticket.id))?.rating).toBe(4);
    expect((await who.forge(ask.message_id, `sup:rt:${ticket.id}:1`))?.text).toBe(
      'You have already rated the help with this request.',
    );
    expect((await h.deps.services.tickets.byId(ticket.id))?.rating).toBe(4);

    // Reopen from the Closed tab of /tickets.
    const closedTabCard = await openCard(anna, ticket.id, /Closed/);
    await pressConfirmed(anna, closedTabCard, '🔄 Reopen', '🔄 Yes, reopen it');
    await anna.waitFor(
      (m) =>
        m.message_id === closedTabCard.message_id &&
        textOf(m).includes(`Ticket #${ticket.id} — 🛠 in progress`),
    );
    const reopened = await who.waitFor(`Request #${ticket.id} is open again`);
    expect(buttonsOf(reopened).map((b) => b.data)).toEqual([`sup:w:${ticket.id}`]);
    expect(await h.deps.services.tickets.byId(ticket.id)).toMatchObject({
      state: 'in_work',
      supportUserId: (await userRow(h, anna)).id,
      rating: null,
    });
    who.send('/catalog');
    expect(textOf(await who.reply())).toContain(`Your request #${ticket.id} is open`);
    who.send('Thanks for reopening');
    await anna.waitFor((m) => textOf(m).includes('Thanks for reopening'));
  });
});

describe('redirect', () => {
  it('moves the ticket to the chosen agent, who gets the card and transcript; the customer is told', async () => {
    const { who, ticket, card } = await takenTicket('Sam', 'Domain question', anna);
    who.send('More details here');
    await anna.waitFor((m) => textOf(m).includes('More details here'));

    await anna.press(card, '🔀 Hand over');
    const pick = await anna.waitFor(
      (m) =>
        m.message_id === card.message_id && textOf(m).includes(`Who should take over ticket #${ticket.id}?`),
    );
    const names = buttonsOf(pick).map((b) => b.text);
    expect(names.some((n) => n.startsWith('Boris'))).toBe(true);
    expect(names.some((n) => n.startsWith('Anna'))).toBe(false);
    await anna.press(pick, /^Boris/);

    await boris.waitFor(`Anna has handed ticket #${ticket.id} over to you`);
    const borisCard = await boris.waitFor(
      (m) => textOf(m).includes(`Ticket #${ticket.id} — 🛠 in progress`) && textOf(m).includes('Agent: Boris'),
    );
    expect(buttonsOf(borisCard).map((b) => b.data)).toContain(`tk:c:${ticket.id}`);
    const transcript = await boris.waitFor((m) => textOf(m).includes(`Transcript of ticket #${ticket.id}`));
    expect(textOf(transcript)).toContain('More details here');
    await who.waitFor(`Boris is now handling your request #${ticket.id}`);
    expect((await h.deps.services.tickets.byId(ticket.id))?.supportUserId).toBe((await userRow(h, boris)).id);

    // Anna no longer holds it: her old buttons are refused and change nothing.
    expect((await anna.forge(card.message_id, `tk:c:${ticket.id}`))?.text).toBe(
      'You are not allowed to do that.',
    );
    expect((await h.deps.services.tickets.byId(ticket.id))?.state).toBe('in_work');

    // The customer's next message reaches Boris; Boris replies to the card itself.
    who.send('Hello Boris');
    await boris.waitFor((m) => textOf(m).includes('Hello Boris'));
    boris.send('Hi Sam', { replyTo: borisCard.message_id });
    expect(textOf(await who.waitFor('Hi Sam'))).toContain('Boris, support');
  });

  it('an admin sees every ticket in work and can close any; the holder is told', async () => {
    const ada = await agent(h, 'Ada', 'admin');
    const { who, ticket } = await takenTicket('Tom', 'Admin will close', carl);
    const adminCard = await openCard(ada, ticket.id, /In progress/);
    await pressConfirmed(ada, adminCard, '✅ Close', '✅ Yes, close it');
    await who.waitFor(`Request #${ticket.id} is closed`);
    await carl.waitFor(`Ada has closed ticket #${ticket.id}`);
    expect((await h.deps.services.tickets.byId(ticket.id))?.state).toBe('closed');
  });
});

describe('/tickets lists and notification settings', () => {
  it('paginates in place and toggles the agent’s notifications', async () => {
    for (let i = 0; i < 6; i++) await openTicket(h, await customer(h, `Page${i}`), `Pagination ${i}`);
    carl.send('/tickets');
    const list = await carl.reply(/Open tickets/);
    const ids = (m: typeof list) =>
      buttonsOf(m)
        .map((b) => b.data ?? '')
        .filter((d) => d.startsWith('tk:v:'));
    expect(ids(list)).toHaveLength(5);
    const firstPage = ids(list);
    await carl.press(list, '▶');
    const second = await carl.waitFor((m) => m.message_id === list.message_id && ids(m)[0] !== firstPage[0]);
    expect(ids(second).length).toBeGreaterThan(0);
    expect(ids(second).some((d) => firstPage.includes(d))).toBe(false);

    const toggled = await carl.press(second, '🔔 Notifications: on');
    expect(toggled?.text).toContain('off');
    await carl.waitFor(
      (m) => m.message_id === list.message_id && buttonsOf(m).some((b) => b.text === '🔕 Notifications: off'),
    );
    const silent = await customer(h, 'Quiet');
    const ticket = await openTicket(h, silent, 'Carl should not hear this');
    await notificationOf(anna, ticket.id);
    expect(carl.botMessages().some((m) => textOf(m).includes(`New ticket #${ticket.id}\n`))).toBe(false);
    await h.deps.services.tickets.setNotifications(carl.id, 'support', true);
  });

  it('an owner opts in to new-ticket notifications from /tickets', async () => {
    const owner = h.owners[0]!;
    owner.send('/start');
    await owner.reply();
    owner.send('/tickets');
    const list = await owner.reply(/Открытые тикеты/);
    expect((await owner.press(list, /^🔕/))?.text).toContain('включены');
    await owner.waitFor(
      (m) => m.message_id === list.message_id && buttonsOf(m).some((b) => b.text.startsWith('🔔')),
    );
    const ticket = await openTicket(h, await customer(h, 'ForOwner'), 'Owner should hear this');
    const note = await owner.waitFor(`Новый тикет #${ticket.id}\n`);
    expect(buttonsOf(note).map((b) => b.data)).toEqual([`tk:t:${ticket.id}`]);
  });
});

describe('long messages', () => {
  it('a 4,096-character customer message reaches the agent and the transcript in parts, nothing cut', async () => {
    const { who, ticket, card } = await takenTicket('Lena', 'Long story', anna);
    const long = `${'Строка текста. '.repeat(272)}конец`.slice(0, 4096);
    who.send(long);
    await anna.waitFor((m) => textOf(m).includes('конец'));
    await anna.press(card, '📜 Transcript');
    const header = await anna.waitFor((m) => textOf(m).includes(`Transcript of ticket #${ticket.id}`));
    await anna.waitFor((m) => m.message_id > header.message_id && textOf(m).includes('конец'));
    const parts = anna.botMessages().filter((m) => m.message_id >= header.message_id);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(textOf(part).length).toBeLessThanOrEqual(4096);
    const joined = parts.map(textOf).join('');
    expect(joined.replace(/\s/g, '')).toContain(long.slice(0, 3000).replace(/\s/g, ''));
    expect(h.deps.metrics.value('phoenix_update_errors_total')).toBe(0);
  });
});
