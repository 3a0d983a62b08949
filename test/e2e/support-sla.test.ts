import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlaJob, type SlaNotifier } from '../../src/jobs/sla.js';
import { createLogger } from '../../src/logger.js';
import { type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';
import { agent, customer, notificationOf, openTicket } from './support-flow.js';

/** The SLA clock of the bot under test: real time plus what the test has moved it on. */
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const advanceMinutes = (minutes: number) => {
  offsetMs += minutes * 60_000 + 1000;
};

let h: Harness;
let anna: TestUser;
let adam: TestUser;
let owner: TestUser;

beforeAll(async () => {
  h = await startHarness({
    env: { SUPPORT_SLA_MINUTES: '1' },
    jobTuning: { slaIntervalMs: 40, slaClock: clock },
  });
  owner = h.owners[0]!;
  owner.send('/start');
  await owner.reply();
  anna = await agent(h, 'Anna');
  adam = await agent(h, 'Adam', 'admin');
});
afterAll(async () => h?.close());

const messagesOf = (who: TestUser, text: string) => who.botMessages().filter((m) => textOf(m).includes(text));

/** Lets the sweep run several more times (40 ms apart): what it would send twice, it would have sent by then. */
async function severalSweeps(): Promise<void> {
  await new Promise((r) => setTimeout(r, 400));
}

describe('ticket SLA', () => {
  it('reminds the agents once after the SLA, then escalates once to admins and owners, across a restart', async () => {
    const who = await customer(h, 'Slow');
    const ticket = await openTicket(h, who, 'Nobody answers');
    await notificationOf(anna, ticket.id);
    const reminder = `Ticket #${ticket.id} from Slow has been waiting 1 min`;
    await severalSweeps();
    expect(messagesOf(anna, reminder)).toHaveLength(0);

    advanceMinutes(1);
    const sent = await anna.waitFor(reminder);
    expect(sent.reply_markup).toBeDefined();
    await severalSweeps();
    expect(messagesOf(anna, reminder)).toHaveLength(1);
    // Admins are not agents: they hear of it only when it is escalated.
    expect(messagesOf(adam, `#${ticket.id}`)).toHaveLength(0);

    // A new instance on the same database does not repeat the reminder.
    await h.restart();
    await severalSweeps();
    expect(messagesOf(anna, reminder)).toHaveLength(1);

    advanceMinutes(1);
    const escalation = `Ticket #${ticket.id} from Slow is still not taken`;
    await adam.waitFor(escalation);
    await owner.waitFor(/Обращение #\d+ от Slow так никто и не взял/);
    await h.restart();
    advanceMinutes(1);
    await severalSweeps();
    expect(messagesOf(adam, escalation)).toHaveLength(1);
    expect(owner.botMessages().filter((m) => textOf(m).includes('так никто и не взял'))).toHaveLength(1);
    expect(messagesOf(anna, escalation)).toHaveLength(0);
    expect(messagesOf(anna, reminder)).toHaveLength(1);
    const row = await h.deps.services.tickets.byId(ticket.id);
    expect(row?.slaRemindedAt).not.toBeNull();
    expect(row?.slaEscalatedAt).not.toBeNull();

    // The reminder's Take button works and takes the ticket.
    const current = h.emu.message(anna.id, sent.message_id) ?? sent;
    const answer = await anna.press(current, '🛠 Take');
    expect(answer?.text).toBe(`Ticket #${ticket.id} is yours now.`);
  });

  it('reminds the holder of an unanswered customer message once per message', async () => {
    offsetMs = 0;
    const who = await customer(h, 'Waiting');
    const ticket = await openTicket(h, who, 'Help please');
    const note = await notificationOf(anna, ticket.id);
    await anna.press(note, '🛠 Take');
    await who.waitFor(`is handling your request #${ticket.id}`);
    const nudge = `The customer Waiting has been waiting 1 min for your answer in ticket #${ticket.id}`;

    advanceMinutes(1);
    await anna.waitFor(nudge);
    await severalSweeps();
    expect(messagesOf(anna, nudge)).toHaveLength(1);

    // The clock back to real time: the new message is written now, and is due a minute later.
    offsetMs = 0;
    who.send('Are you there?');
    await anna.waitFor('Are you there?');
    await severalSweeps();
    expect(messagesOf(anna, nudge)).toHaveLength(1);
    advanceMinutes(1);
    await anna.waitFor((m) => messagesOf(anna, nudge).length === 2 && textOf(m).includes(nudge));
    await severalSweeps();
    expect(messagesOf(anna, nudge)).toHaveLength(2);
    // Nobody else is nudged about a ticket in work.
    expect(messagesOf(adam, nudge)).toHaveLength(0);
  });

  it('a ticket back in the open pool (its agent removed) starts a new SLA clock and is reminded again', async () => {
    offsetMs = 0;
    const who = await customer(h, 'Again');
    const ticket = await openTicket(h, who, 'Second chance');
    const reminder = `Ticket #${ticket.id} from Again has been waiting 1 min`;
    advanceMinutes(1);
    await anna.waitFor(reminder);
    const { tickets } = h.deps.services;
    const annaRow = await h.deps.services.users.byTelegramId(anna.id);
    expect((await tickets.take(ticket.id, { userId: annaRow!.id, role: 'support' })).ok).toBe(true);
    const released = await tickets.releaseTicketsOf(annaRow!.id);
    expect(released.map((t) => t.id)).toContain(ticket.id);
    offsetMs = 0;
    await severalSweeps();
    expect(messagesOf(anna, reminder)).toHaveLength(1);
    advanceMinutes(1);
    await anna.waitFor((m) => messagesOf(anna, reminder).length === 2 && textOf(m).includes(reminder));
  });

  it('two instances sweeping one database send each reminder once', async () => {
    // The bot's own sweep keeps real time, so the ticket is due only for the sweeps made here.
    offsetMs = 0;
    const who = await customer(h, 'Twice');
    const ticket = await openTicket(h, who, 'Race');
    // The bot stops (giving its lease up): the three sweepers below are the instances.
    const services = h.deps.services;
    await h.stopBot();
    const calls: string[] = [];
    const notifier: SlaNotifier = {
      untaken: async (id) => void (id === ticket.id && calls.push('untaken')),
      escalated: async (id) => void (id === ticket.id && calls.push('escalated')),
      unanswered: async (id) => void (id === ticket.id && calls.push('unanswered')),
    };
    const logger = createLogger('silent', 'x');
    const at = new Date(Date.now() + 5 * 60_000);
    const options = { slaMinutes: 1, hours: undefined, timeZone: 'Europe/Moscow', clock: () => at };
    const jobs = ['a', 'b', 'c'].map(
      (holder) => new SlaJob(services, notifier, logger, { ...options, holder: `test-${holder}` }),
    );
    // The lease lasts 1 ms, so every job gets to sweep: only the marks keep reminders single.
    for (let round = 0; round < 3; round++) await Promise.all(jobs.map((job) => job.tick(1)));
    expect(calls.filter((c) => c === 'untaken')).toHaveLength(1);
    await Promise.all(jobs.map((job) => job.stop()));
  });
});

describe('outside working hours', () => {
  it('tells a customer who opens a request when to expect an answer', async () => {
    // Working hours that leave out this hour and the next one in Moscow, whenever the test runs.
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Europe/Moscow',
      }).format(new Date()),
    );
    const window = hour <= 21 ? `${hour + 2}-24` : hour === 22 ? '0-22' : '1-23';
    const night = await startHarness({ env: { SUPPORT_HOURS: window, TIMEZONE: 'Europe/Moscow' } });
    try {
      const who = await night.startedUser({ firstName: 'Owl', languageCode: 'en' });
      who.send('/support');
      await who.reply('describe your question');
      who.send('It is late');
      const created = await who.reply(/Request #\d+ received/);
      const [from, to] = window.split('-').map((n) => `${n.padStart(2, '0')}:00`);
      expect(textOf(created)).toContain(`Support works from ${from} to ${to} (Europe/Moscow time)`);
      expect(textOf(created)).toMatch(/We will answer after \d{1,2} \w{3} \d{4}, \d{2}:00\./);
    } finally {
      await night.close();
    }
  });
});
