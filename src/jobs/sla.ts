import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../logger.js';
import type { LeaseService } from '../services/lease.js';
import type { SlaCandidate, TicketService } from '../services/tickets/index.js';
import { addWorkingTime, type WorkingHours } from '../text/working-hours.js';
import { type PeriodicJob, startPeriodic } from './periodic.js';

export const SLA_LEASE = 'support-sla';

/** What the reminders say and to whom: the bot draws them (it owns the buttons and the notify path). */
export interface SlaNotifier {
  /** An untaken ticket waited the SLA: remind the active agents. */
  untaken(ticketId: number): Promise<void>;
  /** Still untaken another SLA period after the reminder: tell admins and owners. */
  escalated(ticketId: number): Promise<void>;
  /** The customer's latest message waited the SLA: remind the ticket's holder. */
  unanswered(ticketId: number, holderUserId: number): Promise<void>;
}

export interface SlaJobOptions {
  slaMinutes: number;
  hours: WorkingHours | undefined;
  timeZone: string;
  /** Tests move the clock instead of waiting. */
  clock?: () => Date;
  holder?: string;
}

/**
 * Ticket SLA reminders, swept periodically by the holder of the `support-sla` lease. "Once" lives in
 * the database: a reminder is sent only by the sweep whose conditional UPDATE set the ticket's mark,
 * so a restart, a lost lease or a second instance never repeats one. Outside working hours the
 * clock waits (a ticket opened at night is due the SLA after the desk opens).
 */
export class SlaJob {
  private loop: PeriodicJob | undefined;
  private readonly holder: string;
  private readonly clock: () => Date;
  private readonly slaMs: number;

  constructor(
    private readonly services: { tickets: TicketService; leases: LeaseService },
    private readonly notifier: SlaNotifier,
    private readonly logger: Logger,
    private readonly options: SlaJobOptions,
  ) {
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.clock = options.clock ?? (() => new Date());
    this.slaMs = options.slaMinutes * 60_000;
  }

  private due(start: Date): Date {
    return addWorkingTime(start, this.slaMs, this.options.hours, this.options.timeZone);
  }

  /** One sweep (when this instance holds the lease); returns how many reminders it sent. */
  async tick(leaseTtlMs = 30_000): Promise<number> {
    if (!(await this.services.leases.acquire(SLA_LEASE, this.holder, leaseTtlMs))) return 0;
    const now = this.clock();
    const { tickets } = this.services;
    let sent = 0;
    for (const ticket of await tickets.slaCandidates(new Date(now.getTime() - this.slaMs))) {
      sent += await this.sweep(ticket, now);
    }
    return sent;
  }

  private async sweep(ticket: SlaCandidate, now: Date): Promise<number> {
    const { tickets } = this.services;
    if (ticket.state === 'created') {
      if (!ticket.remindedAt) {
        if (now < this.due(ticket.since) || !(await tickets.markSlaReminded(ticket.id, now))) return 0;
        this.logger.info({ ticketId: ticket.id }, 'SLA: untaken ticket, agents reminded');
        await this.notifier.untaken(ticket.id);
        return 1;
      }
      if (now < this.due(ticket.remindedAt) || !(await tickets.markSlaEscalated(ticket.id, now))) return 0;
      this.logger.info({ ticketId: ticket.id }, 'SLA: untaken ticket escalated');
      await this.notifier.escalated(ticket.id);
      return 1;
    }
    const message = ticket.unanswered;
    const holder = ticket.supportUserId;
    if (!message || holder === null) return 0;
    // A message written before the ticket was taken waits from the taking.
    const since = ticket.takenAt && ticket.takenAt > message.createdAt ? ticket.takenAt : message.createdAt;
    if (now < this.due(since)) return 0;
    if (!(await tickets.markSlaReplyReminded(ticket.id, holder, message.id))) return 0;
    this.logger.info({ ticketId: ticket.id }, 'SLA: unanswered customer message, holder reminded');
    await this.notifier.unanswered(ticket.id, holder);
    return 1;
  }

  start(intervalMs = 20_000): void {
    this.loop ??= startPeriodic({
      tick: () => this.tick(Math.max(30_000, intervalMs * 3)),
      everyMs: intervalMs,
      firstAfterMs: Math.min(intervalMs, 5000),
      logger: this.logger,
      failure: 'SLA sweep failed',
    });
  }

  async stop(): Promise<void> {
    await this.loop?.stop();
    this.loop = undefined;
    await this.services.leases.release(SLA_LEASE, this.holder).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'SLA sweep: could not release its lease');
    });
  }
}
