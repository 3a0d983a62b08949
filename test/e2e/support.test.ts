import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../src/db/schema/index.js';
import { buttonsOf, type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';
import {
  agent,
  current,
  customer,
  hasButtons,
  notificationOf,
  openTicket,
  relayRecorded,
  takenWithRelay,
  userRow,
} from './support-flow.js';

let h: Harness;
let anna: TestUser;
let boris: TestUser;
let paused: TestUser;

beforeAll(async () => {
  h = await startHarness();
  anna = await agent(h, 'Anna');
  boris = await agent(h, 'Boris');
  paused = await agent(h, 'Paula');
  await h.deps.services.staff.setPaused(paused.id, true);
});
afterAll(async () => h?.close());

describe('customer: /support and the waiting state', () => {
  it('creates a ticket in state created, notifies every active agent, and locks the customer', async () => {
    const ivan = await customer(h, 'Ivan');
    const ticket = await openTicket(h, ivan, 'My site shows a 500 error');
    const [row] = await h.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toMatchObject({ state: 'created', supportUserId: null, text: 'My site shows a 500 error' });

    for (const a of [anna, boris]) {
      const note = await notificationOf(a, ticket.id);
      expect(textOf(note)).toContain(`New ticket #${ticket.id}\nCustomer: Ivan`);
      expect(textOf(note)).toContain('My site shows a 500 error');
      expect(buttonsOf(note).map((b) => b.data)).toEqual([`tk:t:${ticket.id}`]);
    }
    expect(h.emu.botMessages(paused.id).some((m) => textOf(m).includes(`#${ticket.id}`))).toBe(false);

    for (const command of ['/start', '/catalog', '/help', '/support']) {
      ivan.send(command);
      const notice = await ivan.reply();
      expect(textOf(notice)).toContain(`Your request #${ticket.id} is open`);
      expect(buttonsOf(notice).map((b) => b.data)).toEqual([`sup:w:${ticket.id}`]);
    }
    // An old button of another feature gets one brief answer, an alert; the live notice stays
    // the only one and nothing is added to the chat.
    const before = ivan.botMessages().length;
    const answer = await ivan.forge(ivan.botMessages()[0]!.message_id, 'tk:l:o:0');
    expect(answer?.text).toContain(`Your request #${ticket.id} is open`);
    expect(answer?.show_alert).toBe(true);

    // A plain message while nobody holds the ticket is stored and the customer is told so.
    ivan.send('Any news?');
    expect(textOf(await ivan.reply())).toContain(`Added to request #${ticket.id}`);
    expect(ivan.botMessages()).toHaveLength(before + 1);
    const transcript = await h.deps.services.tickets.transcript(ticket.id);
    expect(transcript.map((e) => e.message.text)).toEqual(['My site shows a 500 error', 'Any news?']);
  });

  it('a photo needs a caption; the caption is the problem', async () => {
    const olga = await customer(h, 'Olga');
    olga.send('/support');
    await olga.reply('describe your question');
    olga.sendPhoto();
    expect(textOf(await olga.reply())).toContain('needs a caption');
    const photo = olga.sendPhoto('Screenshot of the <error> & more');
    const created = await olga.reply(/Request #\d+ received/);
    const ticket = await h.deps.services.tickets.openTicketOf((await userRow(h, olga)).id);
    expect(ticket?.photo).toBe(photo.photo_file_id);
    expect(ticket?.text).toBe('Screenshot of the <error> & more');
    expect(textOf(created)).toContain(`#${ticket?.id}`);
    const note = await notificationOf(anna, ticket!.id);
    expect(note.photo_file_id).toBe(photo.photo_file_id);
    expect(note.html).toContain('&lt;error&gt; &amp; more');
  });

  it('withdraw closes the ticket, unlocks the customer and updates the agents’ notifications', async () => {
    const petr = await customer(h, 'Petr');
    const ticket = await openTicket(h, petr, 'Wrong invoice');
    const note = await notificationOf(boris, ticket.id);
    petr.send('/start');
    const notice = await petr.reply(/is open/);
    await petr.press(notice, '↩️ Withdraw request');
    await petr.waitFor((m) => m.message_id === notice.message_id && textOf(m).includes('withdrawn'));
    expect((await h.deps.services.tickets.byId(ticket.id))?.state).toBe('closed');
    await boris.waitFor(
      (m) => m.message_id === note.message_id && textOf(m).includes('withdrawn by the customer'),
    );
    expect(hasButtons(current(h, boris, note))).toBe(false);
    petr.send('/start');
    expect(textOf(await petr.reply())).toContain('Hello, Petr');
  });
});

describe('customer: one live waiting notice', () => {
  it('commands while waiting leave one message with a Withdraw button, the newest; a withdrawal stays in the chat', async () => {
    const olga = await customer(h, 'Olga');
    const ticket = await openTicket(h, olga, 'Cannot log in');
    for (const command of ['/catalog', '/orders', '/settings']) {
      olga.send(command);
      await olga.reply(/is open/);
    }
    const withWithdraw = () =>
      olga.botMessages().filter((m) => buttonsOf(m).some((b) => b.text === '↩️ Withdraw request'));
    expect(withWithdraw()).toHaveLength(1);
    const [notice] = withWithdraw();
    await olga.press(notice!, '↩️ Withdraw request');
    await olga.waitFor((m) => m.message_id === notice!.message_id && textOf(m).includes('withdrawn'));
    expect((await h.deps.services.tickets.byId(ticket.id))?.state).toBe('closed');

    // A new ticket's notices replace each other, never the record of the withdrawn one.
    await openTicket(h, olga, 'Still cannot log in');
    olga.send('/orders');
    await olga.reply(/is open/);
    expect(withWithdraw()).toHaveLength(1);
    expect(olga.botMessages().some((m) => textOf(m).includes(`Request #${ticket.id} is withdrawn`))).toBe(
      true,
    );
  });
});

describe('agents: take into work', () => {
  it('two agents press Take at once: exactly one holds it, the other is told and loses the button', async () => {
    const maria = await customer(h, 'Maria');
    const ticket = await openTicket(h, maria, 'Need a logo change');
    const noteA = await notificationOf(anna, ticket.id);
    const noteB = await notificationOf(boris, ticket.id);
    const [answerA, answerB] = await Promise.all([anna.press(noteA, '🛠 Take'), boris.press(noteB, '🛠 Take')]);
    const row = await h.deps.services.tickets.byId(ticket.id);
    expect(row?.state).toBe('in_work');
    const annaRow = await userRow(h, anna);
    const borisRow = await userRow(h, boris);
    expect([annaRow.id, borisRow.id]).toContain(row?.supportUserId);
    const [winner, loser, winnerAnswer, loserAnswer, loserNote, winnerName] =
      row?.supportUserId === annaRow.id
        ? [anna, boris, answerA, answerB, noteB, 'Anna']
        : [boris, anna, answerB, answerA, noteA, 'Boris'];
    expect(winnerAnswer?.text).toBe(`Ticket #${ticket.id} is yours now.`);
    expect(loserAnswer?.text).toBe(`Ticket #${ticket.id} has already been taken by ${winnerName}.`);
    expect(loserAnswer?.show_alert).toBe(true);

    const edited = await loser.waitFor(
      (m) => m.message_id === loserNote.message_id && textOf(m).includes(`taken by ${winnerName}`),
    );
    expect(hasButtons(edited)).toBe(false);
    // The winner's own notification became the ticket card with the agent actions.
    const card = await winner.waitFor((m) => textOf(m).includes(`Ticket #${ticket.id} — 🛠 in progress`));
    expect(buttonsOf(card).map((b) => b.data)).toEqual(
      expect.arrayContaining([
        `tk:r:${ticket.id}`,
        `tk:c:${ticket.id}`,
        `tk:rd:${ticket.id}`,
        `tk:x:${ticket.id}`,
      ]),
    );
    expect(textOf(await maria.waitFor(`is handling your request #${ticket.id}`))).toContain(winnerName);

    // Pressing again on a stale card changes nothing.
    const again = await loser.forge(loserNote.message_id, `tk:t:${ticket.id}`);
    expect(again?.text).toContain('already been taken');
    expect((await h.deps.services.tickets.byId(ticket.id))?.supportUserId).toBe(row?.supportUserId);
  });
});

describe('permissions', () => {
  it('a customer cannot open /tickets, and a forged take callback changes nothing', async () => {
    const eve = await customer(h, 'Eve');
    eve.send('/tickets');
    expect(textOf(await eve.reply())).toBe(
      'This command is for the support team. To ask support a question, use /support.',
    );

    const victim = await customer(h, 'Victim');
    const ticket = await openTicket(h, victim, 'Please help');
    const answer = await eve.forge(eve.botMessages().at(-1)!.message_id, `tk:t:${ticket.id}`);
    expect(answer?.text).toBe('You are not allowed to do that.');
    for (const data of [
      `tk:c:${ticket.id}`,
      `tk:rt:${ticket.id}:${(await userRow(h, eve)).id}`,
      `tk:x:${ticket.id}`,
    ]) {
      expect((await eve.forge(eve.botMessages().at(-1)!.message_id, data))?.text).toBe(
        'You are not allowed to do that.',
      );
    }
    const row = await h.deps.services.tickets.byId(ticket.id);
    expect(row).toMatchObject({ state: 'created', supportUserId: null });
    expect(eve.botMessages().some((m) => textOf(m).includes('Transcript'))).toBe(false);

    // A customer with their own open ticket forging a take gets the waiting notice; nothing changes.
    const forged = await victim.forge(victim.botMessages().at(-1)!.message_id, `tk:t:${ticket.id}`);
    expect(forged?.text).toContain(`Your request #${ticket.id} is open`);
    expect((await h.deps.services.tickets.byId(ticket.id))?.state).toBe('created');
  });

  it('staff are told to use /tickets instead of /support', async () => {
    anna.send('/support');
    expect(textOf(await anna.reply())).toContain('/tickets');
  });
});

describe('restart', () => {
  it('the waiting state, the holder and the relay survive a bot restart', async () => {
    const {
      who: sam,
      ticket,
      relayed,
    } = await takenWithRelay(h, anna, 'Sam', 'Restart me', 'Before restart');
    // Anna starts reply mode before the restart; it lives in the sessions table.
    await anna.press(relayed, '✍️ Reply');
    await anna.reply('Everything you send now');

    await h.restart();

    sam.send('/start');
    expect(textOf(await sam.reply())).toContain(`Your request #${ticket.id} is open`);
    sam.send('After restart');
    await anna.waitFor(
      (m) => textOf(m).includes(`#${ticket.id} · Sam:`) && textOf(m).includes('After restart'),
    );

    expect(await relayRecorded(h, anna, relayed)).toBe(ticket.id);
    anna.send('Answer to the old message', { replyTo: relayed.message_id });
    expect(textOf(await sam.waitFor('Answer to the old message'))).toContain('Anna, support');
    anna.send('Answer in reply mode');
    expect(textOf(await anna.reply())).toBe(`✅ Sent to ticket #${ticket.id}.`);
    await sam.waitFor('Answer in reply mode');
    const texts = (await h.deps.services.tickets.transcript(ticket.id)).map((e) => e.message.text);
    expect(texts).toEqual([
      'Restart me',
      'Before restart',
      'After restart',
      'Answer to the old message',
      'Answer in reply mode',
    ]);
  });
});
