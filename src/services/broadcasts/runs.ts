import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { DeliveryState } from '../../db/schema/index.js';
import { broadcastChannelPosts, broadcastRuns } from '../../db/schema/index.js';
import { type AudienceScope, audienceCondition } from '../audiences.js';
import { queryRows as rows } from '../raw-query.js';
import type { Broadcast, BroadcastRun, BroadcastStats, RunProgress } from './types.js';

/** The runs of broadcasts (one per occurrence): control, progress, statistics and click attribution. */
export class BroadcastRuns {
  constructor(private readonly db: Executor) {}

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

  /** Delivered, failed, blocked, not sent because of a cancel, clicks and orders within 7 days after a click, over all runs. */
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
            count(*) filter (where d.state in ('pending', 'claimed', 'sending'))::int as pending,
            count(*) filter (where d.state = 'cancelled')::int as cancelled
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
    const [p] = await rows<Record<string, number>>(
      this.db,
      sql`select count(*) filter (where p.state in ('sent', 'unconfirmed'))::int as posted,
                 count(*) filter (where p.state in ('pending', 'sending'))::int as pending,
                 count(*) filter (where p.state = 'failed')::int as failed
          from broadcast_channel_posts p join broadcast_runs r on r.id = p.run_id
          where r.broadcast_id = ${broadcastId}`,
    );
    const n = (v: unknown) => Number(v ?? 0);
    return {
      channelPosted: n(p?.posted),
      channelPending: n(p?.pending),
      channelFailed: n(p?.failed),
      runs: n(d?.runs),
      total: n(d?.total),
      delivered: n(d?.delivered),
      unconfirmed: n(d?.unconfirmed),
      failed: n(d?.failed),
      blocked: n(d?.blocked),
      skipped: n(d?.skipped),
      pending: n(d?.pending),
      cancelled: n(d?.cancelled),
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
  scope: AudienceScope,
): Promise<BroadcastRun | undefined> {
  const [run] = await tx
    .insert(broadcastRuns)
    .values({ broadcastId: broadcast.id, scheduledFor, progressChatId })
    .onConflictDoNothing()
    .returning();
  if (!run) return undefined;
  if (broadcast.channelChat) {
    await tx
      .insert(broadcastChannelPosts)
      .values({ runId: run.id, chat: broadcast.channelChat })
      .onConflictDoNothing();
  }
  const inserted = await rows<{ n: number }>(
    tx,
    sql`with ins as (
          insert into broadcast_deliveries (run_id, user_id)
          select ${run.id}, u.id from users u where ${audienceCondition(broadcast.audience, scope)}
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
