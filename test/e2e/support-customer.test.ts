import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
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
} from './support-flow.js';

/** Take, Reply, Close and their confirmations: what a withdrawn ticket's copies must not offer. */
const hasTicketActions = (m: StoredMessage) =>
  buttonsOf(m).some((b) => /^tk:(t|r|c|cy|rd|rt):/.test(b.data ?? ''));

let h: Harness;
let anna: TestUser;
let boris: TestUser;

beforeAll(async () => {
  h = await startHarness();
  anna = await agent(h, 'Anna');
  boris = await agent(h, 'Boris');
});
afterAll(async () => h?.close());

const waitingNotices = (who: TestUser) => who.botMessages().filter((m) => textOf(m).includes('is open'));

describe('customer: waiting for an answer', () => {
  it('five commands while a ticket is open add at most one waiting notice', async () => {
    const olga = await customer(h, 'Olga');
    const ticket = await openTicket(h, olga, 'Cannot log in');
    for (const command of ['/start', '/catalog', '/help', '/orders', '/support']) {
      olga.send(command);
      await olga.reply(/is open/);
    }
    const notices = waitingNotices(olga);
    expect(notices).toHaveLength(1);
    expect(buttonsOf(notices[0]!).map((b) => b.data)).toEqual([`sup:w:${ticket.id}`]);
  });

  it('/cancel withdraws the open ticket, as its menu entry says, and the agents are told', async () => {
    const petr = await customer(h, 'Petr');
    const ticket = await openTicket(h, petr, 'Wrong invoice');
    const note = await notificationOf(anna, ticket.id);
    petr.send('/orders');
    await petr.reply(/is open/);
    petr.send('/cancel');
    expect(textOf(await petr.reply())).toContain(`Request #${ticket.id} is withdrawn`);
    expect((await h.deps.services.tickets.byId(ticket.id))?.state).toBe('closed');
    expect(petr.botMessages().filter(hasButtons)).toEqual([]);
    await anna.waitFor(
      (m) => m.message_id === note.message_id && textOf(m).includes('withdrawn by the customer'),
    );
    expect(hasButtons(current(h, anna, note))).toBe(false);
    petr.send('/start');
    expect(textOf(await petr.reply())).toContain('Hello, Petr');
  });

  it('a double tap on Withdraw is harmless: no alert, one record of the withdrawal', async () => {
    const vera = await customer(h, 'Vera');
    const ticket = await openTicket(h, vera, 'Double tap me');
    vera.send('/start');
    const notice = await vera.reply(/is open/);
    const data = buttonsOf(notice)[0]!.data!;
    const answers = await Promise.all([
      vera.forge(notice.message_id, data),
      vera.forge(notice.message_id, data),
    ]);
    for (const answer of answers) {
      expect(answer).not.toBeNull();
      expect(answer?.show_alert ?? false).toBe(false);
    }
    await vera.waitFor((m) => m.message_id === notice.message_id && textOf(m).includes('withdrawn'));
    expect(vera.botMessages().filter((m) => textOf(m).includes(`#${ticket.id} is withdrawn`))).toHaveLength(
      1,
    );
    expect(vera.botMessages().filter(hasButtons)).toEqual([]);
  });

  it('withdrawing a ticket in work takes the buttons off the holder’s card and relayed copies', async () => {
    const {
      who: sam,
      ticket,
      note,
      relayed,
    } = await takenWithRelay(h, boris, 'Sam', 'In work, then withdrawn', 'One more detail');
    await relayRecorded(h, boris, relayed);
    expect(hasButtons(current(h, boris, relayed))).toBe(true);
    sam.send('/cancel');
    await sam.reply(`Request #${ticket.id} is withdrawn`);
    await boris.waitFor('withdrew');
    // The card (the notification Boris took the ticket on) and the relayed message keep their
    // text and lose Take / Reply / Close (Reopen and the transcript stay on the closed ticket's card).
    for (const copy of [note, relayed]) {
      const after = await boris.waitFor((m) => m.message_id === copy.message_id && !hasTicketActions(m));
      expect(textOf(after)).toContain(`#${ticket.id}`);
    }
    expect(textOf(current(h, boris, relayed))).toContain('One more detail');
  });
});

describe('customer: a long problem', () => {
  it('loses nothing: the agent who takes it gets the whole text', async () => {
    const lev = await customer(h, 'Lev');
    const problem = `${'The checkout page breaks when I press pay. '.repeat(8)}End of the story.`;
    const ticket = await openTicket(h, lev, problem);
    expect(ticket.text.endsWith('…')).toBe(true);
    const note = await notificationOf(anna, ticket.id);
    await anna.press(note, '🛠 Take');
    const transcript = await anna.waitFor((m) => textOf(m).includes('End of the story.'));
    expect(textOf(transcript)).toContain(problem.slice(0, 300));
  });
});

describe('who hears of a new ticket', () => {
  let lone: Harness;
  beforeAll(async () => {
    lone = await startHarness();
  });
  afterAll(async () => lone?.close());

  it('with nobody in support the customer is told so honestly; once the owner started the bot, the owner is told', async () => {
    const mia = await lone.startedUser({ languageCode: 'en' });
    mia.send('/support');
    await mia.reply('describe your question');
    mia.send('Is anybody there?');
    const first = textOf(await mia.reply(/#\d+/));
    expect(first).toContain('Nobody from support is available right now');
    expect(first).not.toContain('has been notified');
    mia.send('/cancel');
    await mia.reply('withdrawn');

    const owner = lone.owners[0]!;
    owner.send('/start');
    await owner.reply();
    mia.send('/support');
    await mia.reply('describe your question');
    mia.send('Now somebody?');
    const second = textOf(await mia.reply(/#\d+/));
    expect(second).toContain('has been notified');
    const id = Number(/#(\d+)/.exec(second)?.[1]);
    const note = await owner.waitFor(
      (m) => textOf(m).includes(`#${id}`) && textOf(m).includes('Now somebody?'),
    );
    expect(buttonsOf(note).map((b) => b.data)).toEqual([`tk:t:${id}`]);
  });
});
