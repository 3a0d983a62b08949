import { expect } from 'vitest';
import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import type { Ticket } from '../../src/services/tickets/index.js';
import { buttonsOf, type Harness, type TestUser, textOf } from '../helpers/harness.js';

/** Shared steps of the support-desk end-to-end tests (a customer and agents in the emulator). */

export async function agent(
  h: Harness,
  firstName: string,
  role: 'support' | 'admin' = 'support',
): Promise<TestUser> {
  const user = await h.startedUser({ firstName, languageCode: 'en' });
  await h.makeStaff(user, role);
  return user;
}

export const customer = (h: Harness, firstName: string) => h.startedUser({ firstName, languageCode: 'en' });

/** /support → problem text → "Request #N received"; returns the ticket row. */
export async function openTicket(h: Harness, who: TestUser, problem: string): Promise<Ticket> {
  who.send('/support');
  await who.reply('describe your question');
  who.send(problem);
  const created = await who.reply(/Request #\d+ received/);
  const ticket = await h.deps.services.tickets.openTicketOf((await userRow(h, who)).id);
  if (!ticket) throw new Error('no open ticket after /support');
  expect(textOf(created)).toContain(`#${ticket.id}`);
  return ticket;
}

export async function userRow(h: Harness, who: TestUser) {
  const row = await h.deps.services.users.byTelegramId(who.id);
  if (!row) throw new Error(`user ${who.id} is not registered`);
  return row;
}

/** The "New ticket #N" notification an agent got (with or without its button, as it is now). */
export const notificationOf = (who: TestUser, ticketId: number): Promise<StoredMessage> =>
  who.waitFor(
    (m) =>
      textOf(m).includes(`New ticket #${ticketId}\n`) || textOf(m).includes(`Ticket #${ticketId} (customer:`),
  );

export const hasButtons = (m: StoredMessage): boolean => buttonsOf(m).length > 0;

/** The current state of a message (after edits). */
export const current = (h: Harness, who: TestUser, m: StoredMessage): StoredMessage =>
  h.emu.message(who.id, m.message_id) ?? m;

/** Opens /tickets and the card of ticket `id` from tab `tab` (whose button label starts with it). */
export async function openCard(
  who: TestUser,
  id: number,
  tab: RegExp = /^• Open|^Open/,
): Promise<StoredMessage> {
  who.send('/tickets');
  const list = await who.reply(/tickets<\/b>|tickets/i);
  await who.press(list, tab);
  await who.waitFor(
    (m) => m.message_id === list.message_id && buttonsOf(m).some((b) => b.data === `tk:v:${id}`),
  );
  await who.press(list, new RegExp(`^#${id} `));
  return who.waitFor((m) => m.message_id === list.message_id && textOf(m).includes(`Ticket #${id}`));
}

/**
 * Waits until the bot has recorded `m` (a relayed copy in `who`'s chat) in ticket_relays: the
 * row is written right after Telegram confirms the send, so a test replying within that
 * millisecond would outrun it, which no person can.
 */
export async function relayRecorded(h: Harness, who: TestUser, m: StoredMessage): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const ticketId = await h.deps.services.tickets.ticketOfRelay(who.id, m.message_id);
    if (ticketId !== undefined) return ticketId;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`message ${m.message_id} of ${who.id} was never recorded as a relay`);
}

/**
 * A new English customer's ticket, taken by `holder` from their notification, and one more message
 * from the customer relayed to them: the common start of the conversation tests.
 */
export async function takenWithRelay(
  h: Harness,
  holder: TestUser,
  name: string,
  problem: string,
  text: string,
) {
  const who = await customer(h, name);
  const ticket = await openTicket(h, who, problem);
  const note = await notificationOf(holder, ticket.id);
  await holder.press(note, '🛠 Take');
  await who.waitFor(`is handling your request #${ticket.id}`);
  who.send(text);
  const relayed = await holder.waitFor(
    (m) => textOf(m).includes(`#${ticket.id} · ${name}:`) && textOf(m).includes(text),
  );
  return { who, ticket, note, relayed };
}
