import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { broadcastRuns, broadcasts } from '../../db/schema/index.js';
import { isBanned } from '../bans.js';
import { queryRows as rows } from '../raw-query.js';
import type { Broadcast, BroadcastRun, ClaimedDelivery, DeliveryResult } from './types.js';

/**
 * The durable delivery queue (one row per run and recipient), used by the sender (src/jobs/sender.ts):
 * claim, hand to the network, write results back, recover after a dead holder.
 */
export class DeliveryQueue {
  constructor(private readonly db: Executor) {}

  /**
   * Takes up to `limit` due pending rows of running runs for `holder` (`FOR UPDATE SKIP LOCKED`),
   * marking them `claimed`: not yet handed to the network.
   */
  async claim(holder: string, limit: number): Promise<ClaimedDelivery[]> {
    const claimed = await rows<Record<string, unknown>>(
      this.db,
      sql`with c as (
            select d.id from broadcast_deliveries d
            join broadcast_runs r on r.id = d.run_id and r.state = 'running'
            where d.state = 'pending' and d.next_attempt_at <= now()
            order by d.id limit ${limit}
            for update of d skip locked)
          update broadcast_deliveries d set state = 'claimed', holder = ${holder}
          from c, users u, broadcast_runs r
          where d.id = c.id and u.id = d.user_id and r.id = d.run_id
          returning d.id, d.run_id, r.broadcast_id, d.user_id, d.attempts, d.vars, u.telegram_id,
                    u.language_code, u.first_name, (u.ads_opt_out or u.blocked_at is not null or ${isBanned('u')}) as unreachable`,
    );
    return claimed
      .map((r) => ({
        id: Number(r.id),
        runId: Number(r.run_id),
        broadcastId: Number(r.broadcast_id),
        userId: Number(r.user_id),
        attempts: Number(r.attempts),
        vars: (r.vars as ClaimedDelivery['vars']) ?? null,
        telegramId: Number(r.telegram_id),
        languageCode: (r.language_code as string | null) ?? null,
        firstName: String(r.first_name),
        unreachable: Boolean(r.unreachable),
      }))
      .sort((a, b) => a.id - b.id);
  }

  /**
   * Marks claimed rows as handed to the network, just before their HTTP requests go out. Returns the ids
   * this holder still owned (only those may be sent).
   */
  async markSending(holder: string, ids: readonly number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const marked = await rows<{ id: number | string }>(
      this.db,
      sql`update broadcast_deliveries set state = 'sending'
          where id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint)
            and holder = ${holder} and state = 'claimed'
          returning id`,
    );
    return new Set(marked.map((r) => Number(r.id)));
  }

  /** Writes a batch of results in one statement (only rows this holder still owns). */
  async finish(holder: string, results: readonly DeliveryResult[]): Promise<void> {
    if (results.length === 0) return;
    const payload = results.map((r) => ({
      id: r.id,
      state: r.state,
      message_id: r.messageId ?? null,
      error: r.error?.slice(0, 500) ?? null,
      delay_ms: r.delayMs ?? 0,
      inc: r.countsAsAttempt ? 1 : 0,
    }));
    await this.db.execute(
      sql`update broadcast_deliveries d set
            state = x.state,
            message_id = coalesce(x.message_id, d.message_id),
            error = x.error,
            sent_at = case when x.state = 'sent' then now() else d.sent_at end,
            attempts = d.attempts + x.inc,
            next_attempt_at = now() + make_interval(secs => x.delay_ms / 1000.0),
            holder = null
          from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb)
            as x(id bigint, state text, message_id int, error text, delay_ms int, inc int)
          where d.id = x.id and d.holder = ${holder} and d.state in ('claimed', 'sending')`,
    );
  }

  /** Gives claimed rows back (sender stopping, run paused or cancelled meanwhile). */
  async release(holder: string, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.execute(
      sql`update broadcast_deliveries d
          set state = case when r.state = 'cancelled' then 'cancelled' else 'pending' end, holder = null
          from broadcast_runs r
          where r.id = d.run_id and d.holder = ${holder} and d.state = 'claimed'
            and d.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint)`,
    );
  }

  /**
   * After taking the sender lease: rows another (dead) holder had claimed go back to pending; rows it had
   * handed to the network become `unconfirmed` — almost certainly delivered, so never resent.
   */
  async recover(holder: string): Promise<{ released: number; unconfirmed: number }> {
    const released = await rows<{ id: number }>(
      this.db,
      sql`update broadcast_deliveries set state = 'pending', holder = null
          where state = 'claimed' and holder is distinct from ${holder} returning id`,
    );
    const unconfirmed = await rows<{ id: number }>(
      this.db,
      sql`update broadcast_deliveries set state = 'unconfirmed', holder = null, sent_at = now()
          where state = 'sending' and holder is distinct from ${holder} returning id`,
    );
    return { released: released.length, unconfirmed: unconfirmed.length };
  }

  /** The states of the given runs (the sender drops claimed rows of runs paused or cancelled meanwhile). */
  async runStates(runIds: readonly number[]): Promise<Map<number, BroadcastRun['state']>> {
    if (runIds.length === 0) return new Map();
    const found = await this.db
      .select({ id: broadcastRuns.id, state: broadcastRuns.state })
      .from(broadcastRuns)
      .where(inArray(broadcastRuns.id, [...runIds]));
    return new Map(found.map((r) => [r.id, r.state]));
  }

  /** Broadcast rows by id (the sender caches them per run). */
  async byIds(ids: readonly number[]): Promise<Broadcast[]> {
    if (ids.length === 0) return [];
    return this.db
      .select()
      .from(broadcasts)
      .where(inArray(broadcasts.id, [...ids]));
  }

  /** Deliveries of running runs not finished yet (due or not). */
  async outstanding(): Promise<number> {
    const [row] = await rows<{ n: number }>(
      this.db,
      sql`select count(*)::int as n from broadcast_deliveries d join broadcast_runs r on r.id = d.run_id
          where r.state = 'running' and d.state in ('pending', 'claimed', 'sending')`,
    );
    return Number(row?.n ?? 0);
  }

  /** Marks runs with nothing left to send as done; returns their ids. */
  async finishRuns(): Promise<number[]> {
    const done = await rows<{ id: number }>(
      this.db,
      sql`update broadcast_runs r set state = 'done', finished_at = now()
          where r.state = 'running' and not exists (
            select 1 from broadcast_deliveries d
            where d.run_id = r.id and d.state in ('pending', 'claimed', 'sending'))
          returning r.id`,
    );
    return done.map((r) => Number(r.id));
  }
}
