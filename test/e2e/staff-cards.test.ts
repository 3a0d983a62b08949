import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { buttonsOf, type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';
import {
  agent,
  current,
  customer,
  notificationOf,
  openCard,
  openTicket,
  relayRecorded,
} from './support-flow.js';

/** Every staff copy of a ticket follows it: cards, relayed customer messages, handled notifications. */

let h: Harness;
let anna: TestUser;
let boris: TestUser;
let ada: TestUser;

beforeAll(async () => {
  h = await startHarness();
  anna = await agent(h, 'Anna');
  boris = await agent(h, 'Boris');
  ada = await agent(h, 'Ada', 'admin');
});
afterAll(async () => h?.close());

const ACTIONS = /^tk:(t|r|c|cy|rd|rt|o|oy):/;
const actionsOf = (m: StoredMessage) => buttonsOf(m).filter((b) => ACTIONS.test(b.data ?? ''));

/** Waits until message `m` of `who` satisfies `test` (the bot edits it after the press is answered). */
const until = (who: TestUser, m: StoredMessage, test: (now: StoredMessage) => boolean) =>
  who.waitFor((now) => now.message_id === m.message_id && test(now));

/** A new customer's ticket, taken by Anna from her notification (which becomes her card). */
async function takenByAnna(name: string, problem: string) {
  const who = await customer(h, name);
  const ticket = await openTicket(h, who, problem);
  const note = await notificationOf(anna, ticket.id);
  const borisNote = await notificationOf(boris, ticket.id);
  await anna.press(note, '🛠 Take');
  const card = await until(anna, note, (m) => textOf(m).includes(`Ticket #${ticket.id} — 🛠 in progress`));
  await until(boris, borisNote, (m) => textOf(m).includes('taken by Anna'));
  await who.waitFor(`is handling your request #${ticket.id}`);
  return { who, ticket, card, borisNote };
}

/** The customer writes `text`; resolves with Anna's relayed copy once it is recorded. */
async function relayToAnna(who: TestUser, text: string): Promise<StoredMessage> {
  who.send(text);
  const relayed = await anna.waitFor((m) => textOf(m).includes(text) && buttonsOf(m).length > 0);
  await relayRecorded(h, anna, relayed);
  return relayed;
}

describe('Close on a relayed customer message', () => {
  it('asks first, keeps the customer’s words, and every copy shows the ticket closed', async () => {
    const { who, ticket, card } = await takenByAnna('Ivan', 'The form is broken');
    const relayed = await relayToAnna(who, 'It fails on step 3 with <error>');
    // An admin looked at the same ticket from /tickets: that card is a copy too.
    const adaCard = await openCard(ada, ticket.id, /In progress/);
    expect(actionsOf(adaCard).length).toBeGreaterThan(0);

    const asked = await anna.press(relayed, '✅ Close');
    expect(asked?.text).toBe(`Close ticket #${ticket.id}? The customer will be asked to rate the help.`);
    const confirm = await until(anna, relayed, (m) =>
      buttonsOf(m).some((b) => b.text === '✅ Yes, close it'),
    );
    expect(textOf(confirm)).toContain('It fails on step 3 with <error>');
    expect((await h.deps.services.tickets.byId(ticket.id))?.state).toBe('in_work');

    // "No" gives the message its buttons back; nothing is closed.
    await anna.press(confirm, '✖ No');
    const restored = await until(anna, relayed, (m) => buttonsOf(m).some((b) => b.text === '✅ Close'));
    expect(buttonsOf(restored).map((b) => b.data)).toEqual([
      `tk:r:${ticket.id}`,
      `tk:c:${ticket.id}`,
      `tk:x:${ticket.id}`,
    ]);

    await anna.press(restored, '✅ Close');
    await until(anna, relayed, (m) => buttonsOf(m).some((b) => b.text === '✅ Yes, close it'));
    expect((await anna.press(relayed, '✅ Yes, close it'))?.text).toBe(`Ticket #${ticket.id} is closed.`);
    await who.waitFor(`Request #${ticket.id} is closed`);

    // The relayed message is still the customer's message, now with only the transcript.
    const after = await until(anna, relayed, (m) => actionsOf(m).length === 0);
    expect(textOf(after)).toContain('It fails on step 3 with <error>');
    expect(textOf(after)).not.toContain(`Ticket #${ticket.id} —`);
    expect(buttonsOf(after).map((b) => b.data)).toEqual([`tk:x:${ticket.id}`]);
    // Anna's card and Ada's card both say closed; only Reopen is left of the actions.
    for (const [who2, m] of [
      [anna, card],
      [ada, adaCard],
    ] as const) {
      const now = await until(who2, m, (x) => textOf(x).includes(`Ticket #${ticket.id} — ✅ closed`));
      expect(actionsOf(now).map((b) => b.data)).toEqual([`tk:o:${ticket.id}`]);
    }
    expect(h.deps.metrics.value('phoenix_update_errors_total')).toBe(0);
  });
});

describe('a conversation of many messages', () => {
  it('keeps Reply / Close on the newest relayed message only; the older ones keep the transcript', async () => {
    const { who, ticket } = await takenByAnna('Nina', 'Several questions');
    const first = await relayToAnna(who, 'First question');
    const second = await relayToAnna(who, 'Second question');
    const older = await until(anna, first, (m) => actionsOf(m).length === 0);
    expect(buttonsOf(older).map((b) => b.data)).toEqual([`tk:x:${ticket.id}`]);
    expect(actionsOf(current(h, anna, second)).map((b) => b.data)).toEqual([
      `tk:r:${ticket.id}`,
      `tk:c:${ticket.id}`,
    ]);
    // A reply to the older message still reaches the ticket.
    anna.send('Answer to the first', { replyTo: first.message_id });
    await who.waitFor('Answer to the first');
  });
});

describe('withdraw', () => {
  it('leaves no Take, Reply or Close on any agent’s card or relayed message', async () => {
    const { who, ticket, card } = await takenByAnna('Olga', 'Please call me');
    const relayed = await relayToAnna(who, 'Any time after 6');
    const adaCard = await openCard(ada, ticket.id, /In progress/);
    const waiting = who
      .botMessages()
      .findLast((m) => buttonsOf(m).some((b) => b.data === `sup:w:${ticket.id}`));
    if (!waiting) throw new Error('no waiting notice with Withdraw');
    await who.press(waiting, /Withdraw/);
    await until(anna, card, (m) => textOf(m).includes('✅ closed'));
    await until(anna, relayed, (m) => actionsOf(m).length === 0);
    expect(actionsOf(current(h, anna, card)).map((b) => b.data)).toEqual([`tk:o:${ticket.id}`]);
    expect(textOf(current(h, anna, relayed))).toContain('Any time after 6');
    const adaNow = await until(ada, adaCard, (m) => textOf(m).includes('✅ closed'));
    expect(actionsOf(adaNow).filter((b) => !/^tk:o:/.test(b.data ?? ''))).toEqual([]);
  });

  it('of a ticket nobody took: the /tickets card an agent opened loses Take', async () => {
    const who = await customer(h, 'Petr');
    const ticket = await openTicket(h, who, 'Nobody took this');
    const borisCard = await openCard(boris, ticket.id);
    expect(actionsOf(borisCard).map((b) => b.data)).toContain(`tk:t:${ticket.id}`);
    const waiting = who
      .botMessages()
      .findLast((m) => buttonsOf(m).some((b) => b.data === `sup:w:${ticket.id}`));
    await who.press(waiting!, /Withdraw/);
    const now = await until(boris, borisCard, (m) => textOf(m).includes('✅ closed'));
    expect(actionsOf(now).filter((b) => !/^tk:o:/.test(b.data ?? ''))).toEqual([]);
  });
});

describe('redirect', () => {
  it('the former agent’s relayed copies lose Reply / Close; their card shows the new agent', async () => {
    const { who, ticket, card } = await takenByAnna('Sam', 'Domain question');
    const relayed = await relayToAnna(who, 'Is .ru available?');
    await anna.press(card, '🔀 Hand over');
    const pick = await until(anna, card, (m) =>
      textOf(m).includes(`Who should take over ticket #${ticket.id}`),
    );
    await anna.press(pick, /^Boris/);
    await boris.waitFor(`Anna has handed ticket #${ticket.id} over to you`);

    const relayNow = await until(anna, relayed, (m) => actionsOf(m).length === 0);
    expect(buttonsOf(relayNow).map((b) => b.data)).toEqual([`tk:x:${ticket.id}`]);
    const cardNow = await until(anna, card, (m) => textOf(m).includes('Agent: Boris'));
    expect(actionsOf(cardNow)).toEqual([]);
    // Boris holds it (the redirect is finished once the customer is told): the customer's next
    // message reaches him with the buttons.
    await who.waitFor(`Boris is now handling your request #${ticket.id}`);
    who.send('Hello Boris');
    const toBoris = await boris.waitFor((m) => textOf(m).includes('Hello Boris'));
    expect(buttonsOf(toBoris).map((b) => b.data)).toContain(`tk:c:${ticket.id}`);
  });
});

describe('a reply to a "taken by" notification', () => {
  it('tells a non-holding agent who holds the ticket; nothing reaches the customer', async () => {
    const { who, ticket, borisNote } = await takenByAnna('Lena', 'Where is my invoice?');
    await relayRecorded(h, boris, borisNote);
    boris.send('I can help with that', { replyTo: borisNote.message_id });
    const answer = await boris.reply();
    expect(textOf(answer)).toBe(
      `Ticket #${ticket.id} is being handled by Anna; your message was not sent to the customer.`,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(who.botMessages().some((m) => textOf(m).includes('I can help with that'))).toBe(false);
  });
});
