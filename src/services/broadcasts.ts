import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  type AdButton,
  type Audience,
  broadcastRuns,
  broadcasts,
  type DeliveryState,
  jobLeases,
  products,
  type ScheduleKind,
} from '../db/schema/index.js';
import { audienceCondition } from './audiences.js';

export type Broadcast = typeof broadcasts.$inferSelect;
export type BroadcastRun = typeof broadcastRuns.$inferSelect;

/** Rows a raw query returned, on node-postgres and PGlite alike. */
async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const iso = (date: Date): string => date.toISOString();

/** A delivery row taken by the sender, with what it needs to render and address the message. */
export interface ClaimedDelivery {
  id: number;
  runId: number;
  broadcastId: number;
  userId: number;
  attempts: number;
  vars: Record<string, string | number> | null;
  telegramId: number;
  languageCode: string | null;
  firstName: string;
  /** The user opted out or blocked the bot after the run was created: skip, do not send. */
  unreachable: boolean;
}

/** What became of one delivery attempt, written back in batches. */
export interface DeliveryResult {
  id: number;
  state: Extract<DeliveryState, 'sent' | 'pending' | 'failed' | 'blocked' | 'skipped'>;
  messageId?: number;
  error?: string;
  /** For `pending`: retry after this delay. */
  delayMs?: number;
  /** Counts towards the bounded retries (not for 429: a flood wait loses nothing). */
  countsAsAttempt?: boolean;
}

export interface RunProgress {
  run: BroadcastRun;
  total: number;
  sent: number;
  unconfirmed: number;
  failed: number;
  blocked: number;
  skipped: number;
  pending: number;
  cancelled: number;
}

export interface BroadcastStats {
  runs: number;
  total: number;
  /** Confirmed sent plus delivered-unconfirmed (in flight when a sender died). */
  delivered: number;
  unconfirmed: number;
  failed: number;
  blocked: number;
  skipped: number;
  pending: number;
  clicks: number;
  clickers: number;
  /** Orders placed within 7 days after one of the clicker's clicks. */
  orders: number;
}

export interface DraftContent {
  text: string;
  photo?: string | null;
}

export type DraftPatch = Partial<{
  text: string;
  photo: string | null;
  buttons: AdButton[];
  audience: Audience;
  scheduleKind: ScheduleKind;
  cron: string | null;
  nextRunAt: Date | null;
}>;

/** Computes the next occurrence of a recurring schedule strictly after `after`. */
export type NextOccurrence = (broadcast: Broadcast, after: Date) => Date | undefined;

export type ConfirmResult =
  | { ok: true; broadcast: Broadcast; run?: BroadcastRun }
  | { ok: false; reason: 'not_draft' | 'no_schedule' };

/**
 * Broadcasts: drafts, scheduling, runs and their durable delivery queue (one row per run and recipient),
 * run control, statistics and click attribution.
 */
export class BroadcastService {
  constructor(
    private readonly db: Executor,
    private readonly defaultLocale: string,
  ) {}

  /** Creates a draft from validated HTML text (and a photo file_id). */
  async createDraft(createdBy: number, content: DraftContent): Promise<Broadcast> {
    const [row] = await this.db
      .insert(broadcasts)
      .values({ createdBy, text: content.text, photo: content.photo ?? null })
      .returning();
    if (!row) throw new Error('broadcast insert returned no row');
    return row;
  }

  async get(id: number): Promise<Broadcast | undefined> {
    const [row] = await this.db.select().from(broadcasts).where(eq(broadcasts.id, id));
    return row;
  }

  /** Changes a draft; a broadcast already confirmed is not changed (returns undefined). */
  async updateDraft(id: number, patch: DraftPatch): Promise<Broadcast | undefined> {
    const [row] = await this.db
      .update(broadcasts)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(broadcasts.id, id), eq(broadcasts.state, 'draft')))
      .returning();
    return row;
  }

  async deleteDraft(id: number): Promise<boolean> {
    const deleted = await this.db
      .delete(broadcasts)
      .where(and(eq(broadcasts.id, id), eq(broadcasts.state, 'draft')))
      .returning({ id: broadcasts.id });
    return deleted.length > 0;
  }

  /** The latest manual broadcasts, newest first. */
  async listRecent(limit = 10, offset = 0): Promise<Broadcast[]> {
    return this.db
      .select()
      .from(broadcasts)
      .where(eq(broadcasts.kind, 'manual'))
      .orderBy(desc(broadcasts.id))
      .limit(limit)
      .offset(offset);
  }

  async countManual(): Promise<number> {
    const [row] = await rows<{ n: number }>(
      this.db,
      sql`select count(*)::int as n from broadcasts where kind = 'manual'`,
    );
    return Number(row?.n ?? 0);
  }

  /** Active products an "open product" button can point to. */
  async productChoices(limit = 40): Promise<{ id: number; title: string }[]> {
    return this.db
      .select({ id: products.id, title: products.title })
      .from(products)
      .where(eq(products.isActive, true))
      .orderBy(products.title)
      .limit(limit);
  }

  async product(id: number) {
    const [row] = await this.db.select().from(products).where(eq(products.id, id));
    return row;
  }

  /**
   * Confirms a draft (one conditional UPDATE: a double tap confirms once). "now" creates the run and its
   * delivery rows in the same transaction; a date or a recurrence hands it to the scheduler.
   */
  async confirm(id: number, now: Date, progressChatId: number | null): Promise<ConfirmResult> {
    return this.db.transaction(async (tx) => {
      const [draft] = await tx
        .select()
        .from(broadcasts)
        .where(and(eq(broadcasts.id, id), eq(broadcasts.state, 'draft')))
        .for('update');
      if (!draft) return { ok: false, reason: 'not_draft' } as const;
      if (draft.scheduleKind === 'now') {
        const [sent] = await tx
          .update(broadcasts)
          .set({ state: 'sent', nextRunAt: null, updatedAt: sql`now()` })
          .where(eq(broadcasts.id, id))
          .returning();
        if (!sent) throw new Error('broadcast vanished while confirming');
        const run = await createRun(tx, sent, now, progressChatId, this.defaultLocale);
        return { ok: true, broadcast: sent, ...(run ? { run } : {}) } as const;
      }
      if (!draft.nextRunAt) return { ok: false, reason: 'no_schedule' } as const;
      const [scheduled] = await tx
        .update(broadcasts)
        .set({ state: 'scheduled', updatedAt: sql`now()` })
        .where(eq(broadcasts.id, id))
        .returning();
      if (!scheduled) throw new Error('broadcast vanished while confirming');
      return { ok: true, broadcast: scheduled } as const;
    });
  }

  /** Stops a scheduled (one-off or recurring) broadcast from firing again. */
  async cancelSchedule(id: number): Promise<boolean> {
    const rowsChanged = await this.db
      .update(broadcasts)
      .set({ state: 'cancelled', nextRunAt: null, updatedAt: sql`now()` })
      .where(and(eq(broadcasts.id, id), eq(broadcasts.state, 'scheduled')))
      .returning({ id: broadcasts.id });
    return rowsChanged.length > 0;
  }

  /**
   * Fires one due scheduled broadcast, if any: it is locked with `FOR UPDATE SKIP LOCKED`, its next_run_at
   * moved on and its run with all delivery rows created in one transaction, so two schedulers racing fire
   * each occurrence once (the unique (broadcast, occurrence) index guards it as well).
   */
  async fireDue(now: Date, next: NextOccurrence, progress = true): Promise<BroadcastRun | undefined> {
    return this.db.transaction(async (tx) => {
      const due = await rows<{ id: number }>(
        tx,
        sql`select id from broadcasts
            where state = 'scheduled' and next_run_at <= ${iso(now)}::timestamptz
            order by next_run_at, id limit 1 for update skip locked`,
      );
      const dueId = due[0]?.id;
      if (dueId === undefined) return undefined;
      const [broadcast] = await tx.select().from(broadcasts).where(eq(broadcasts.id, dueId));
      if (!broadcast?.nextRunAt) return undefined;
      const occurrence = broadcast.nextRunAt;
      const recurring = broadcast.scheduleKind !== 'once' && broadcast.scheduleKind !== 'now';
      // A missed occurrence (the bot was down) fires once, then the schedule continues from now.
      const following = recurring ? next(broadcast, now > occurrence ? now : occurrence) : undefined;
      const [fired] = await tx
        .update(broadcasts)
        .set({
          nextRunAt: following ?? null,
          state: following ? 'scheduled' : 'sent',
          updatedAt: sql`now()`,
        })
        .where(eq(broadcasts.id, dueId))
        .returning();
      if (!fired) return undefined;
      return createRun(tx, fired, occurrence, progress ? fired.createdBy : null, this.defaultLocale);
    });
  }

  async run(runId: number): Promise<BroadcastRun | undefined> {
    const [row] = await this.db.select().from(broadcastRuns).where(eq(broadcastRuns.id, runId));
    return row;
  }

  async runsOf(broadcastId: number): Promise<BroadcastRun[]> {
    return this.db
      .select()
      .from(broadcastRuns)
      .where(eq(broadcastRuns.broadcastId, broadcastId))
      .orderBy(desc(broadcastRuns.id));
  }

  /** Pauses a running run: the sender stops claiming its rows. */
  async pause(runId: number): Promise<boolean> {
    return this.setRunState(runId, 'running', 'paused');
  }

  async resume(runId: number): Promise<boolean> {
    return this.setRunState(runId, 'paused', 'running');
  }

  /** Cancels a run: what is still pending will not be sent; what was sent stays counted. */
  async cancel(runId: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx
        .update(broadcastRuns)
        .set({ state: 'cancelled', finishedAt: sql`now()` })
        .where(and(eq(broadcastRuns.id, runId), inArray(broadcastRuns.state, ['running', 'paused'])))
        .returning({ id: broadcastRuns.id });
      if (changed.length === 0) return false;
      await tx.execute(
        sql`update broadcast_deliveries set state = 'cancelled' where run_id = ${runId} and state = 'pending'`,
      );
      return true;
    });
  }

  private async setRunState(
    runId: number,
    from: BroadcastRun['state'],
    to: BroadcastRun['state'],
  ): Promise<boolean> {
    const changed = await this.db
      .update(broadcastRuns)
      .set({ state: to })
      .where(and(eq(broadcastRuns.id, runId), eq(broadcastRuns.state, from)))
      .returning({ id: broadcastRuns.id });
    return changed.length > 0;
  }

  /** Counts of a run's deliveries by state. */
  async progress(runId: number): Promise<RunProgress | undefined> {
    const run = await this.run(runId);
    if (!run) return undefined;
    const counts = await rows<{ state: DeliveryState; n: number }>(
      this.db,
      sql`select state, count(*)::int as n from broadcast_deliveries where run_id = ${runId} group by state`,
    );
    const by = (state: DeliveryState) => Number(counts.find((c) => c.state === state)?.n ?? 0);
    return {
      run,
      total: run.total,
      sent: by('sent'),
      unconfirmed: by('unconfirmed'),
      failed: by('failed'),
      blocked: by('blocked'),
      skipped: by('skipped'),
      pending: by('pending') + by('claimed') + by('sending'),
      cancelled: by('cancelled'),
    };
  }

  /** Runs whose progress message still has to be sent or updated. */
  async runsWithOpenProgress(): Promise<BroadcastRun[]> {
    return this.db
      .select()
      .from(broadcastRuns)
      .where(and(sql`${broadcastRuns.progressChatId} is not null`, eq(broadcastRuns.progressFinal, false)))
      .orderBy(broadcastRuns.id);
  }

  async setProgressMessage(runId: number, messageId: number): Promise<void> {
    await this.db
      .update(broadcastRuns)
      .set({ progressMessageId: messageId })
      .where(eq(broadcastRuns.id, runId));
  }

  async markProgressFinal(runId: number): Promise<void> {
    await this.db.update(broadcastRuns).set({ progressFinal: true }).where(eq(broadcastRuns.id, runId));
  }

  /** Delivered, failed, blocked, clicks and orders within 7 days after a click, over all runs. */
  async stats(broadcastId: number): Promise<BroadcastStats> {
    const [d] = await rows<Record<string, number>>(
      this.db,
      sql`select
            (select count(*)::int from broadcast_runs where broadcast_id = ${broadcastId}) as runs,
            count(*)::int as total,
            count(*) filter (where d.state in ('sent', 'unconfirmed'))::int as delivered,
            count(*) filter (where d.state = 'unconfirmed')::int as unconfirmed,
            count(*) filter (where d.state = 'failed')::int as failed,
            count(*) filter (where d.state = 'blocked')::int as blocked,
            count(*) filter (where d.state = 'skipped')::int as skipped,
            count(*) filter (where d.state in ('pending', 'claimed', 'sending'))::int as pending
          from broadcast_deliveries d join broadcast_runs r on r.id = d.run_id
          where r.broadcast_id = ${broadcastId}`,
    );
    const [c] = await rows<Record<string, number>>(
      this.db,
      sql`select count(*)::int as clicks, count(distinct user_id)::int as clickers
          from broadcast_clicks where broadcast_id = ${broadcastId}`,
    );
    const [o] = await rows<{ orders: number }>(
      this.db,
      sql`select count(*)::int as orders from orders o
          where exists (
            select 1 from broadcast_clicks c
            where c.broadcast_id = ${broadcastId} and c.user_id = o.user_id
              and o.created_on >= c.created_at and o.created_on < c.created_at + interval '7 days')`,
    );
    const n = (v: unknown) => Number(v ?? 0);
    return {
      runs: n(d?.runs),
      total: n(d?.total),
      delivered: n(d?.delivered),
      unconfirmed: n(d?.unconfirmed),
      failed: n(d?.failed),
      blocked: n(d?.blocked),
      skipped: n(d?.skipped),
      pending: n(d?.pending),
      clicks: n(c?.clicks),
      clickers: n(c?.clickers),
      orders: n(o?.orders),
    };
  }

  /** Records a press on a broadcast's deep link. Unknown broadcasts are ignored (returns false). */
  async recordClick(broadcastId: number, userId: number, productId: number | null): Promise<boolean> {
    const inserted = await rows<{ id: number }>(
      this.db,
      sql`insert into broadcast_clicks (broadcast_id, user_id, product_id)
          select b.id, ${userId}, (select p.id from products p where p.id = ${productId})
          from broadcasts b where b.id = ${broadcastId}
          returning id`,
    );
    return inserted.length > 0;
  }

  // ---------------------------------------------------------------------------------------------
  // The durable queue, used by the sender (src/jobs/sender.ts)
  // ---------------------------------------------------------------------------------------------

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
                    u.language_code, u.first_name, (u.ads_opt_out or u.blocked_at is not null) as unreachable`,
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

  /**
   * Takes or renews the lease `name` for `holder` for `ttlMs`: one conditional upsert that succeeds only
   * when the lease is free, expired, or already this holder's. Returns whether `holder` has it.
   */
  async acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const got = await rows<{ holder: string }>(
      this.db,
      sql`insert into job_leases (name, holder, expires_at)
          values (${name}, ${holder}, now() + make_interval(secs => ${ttlMs / 1000}))
          on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
          where job_leases.holder = excluded.holder or job_leases.expires_at < now()
          returning holder`,
    );
    return got.length > 0;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.db
      .update(jobLeases)
      .set({ holder: null, expiresAt: sql`now()` })
      .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)));
  }
}

/**
 * Creates the run of one occurrence and a delivery row for every user of the audience (opted-out and
 * blocked users excluded). Returns undefined when this occurrence already has a run.
 */
export async function createRun(
  tx: Executor,
  broadcast: Broadcast,
  scheduledFor: Date,
  progressChatId: number | null,
  defaultLocale: string,
): Promise<BroadcastRun | undefined> {
  const [run] = await tx
    .insert(broadcastRuns)
    .values({ broadcastId: broadcast.id, scheduledFor, progressChatId })
    .onConflictDoNothing()
    .returning();
  if (!run) return undefined;
  const inserted = await rows<{ n: number }>(
    tx,
    sql`with ins as (
          insert into broadcast_deliveries (run_id, user_id)
          select ${run.id}, u.id from users u where ${audienceCondition(broadcast.audience, defaultLocale)}
          order by u.id
          on conflict do nothing returning 1)
        select count(*)::int as n from ins`,
  );
  const total = Number(inserted[0]?.n ?? 0);
  const [updated] = await tx
    .update(broadcastRuns)
    .set({ total, ...(total === 0 ? { state: 'done' as const, finishedAt: sql`now()` } : {}) })
    .where(eq(broadcastRuns.id, run.id))
    .returning();
  return updated;
}
