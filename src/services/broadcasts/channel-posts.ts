import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { broadcastChannelPosts } from '../../db/schema/index.js';
import { queryRows as rows } from '../raw-query.js';

export interface ClaimedChannelPost {
  id: number;
  runId: number;
  broadcastId: number;
  chat: string;
  attempts: number;
}

/** Attempts at a channel post (other than flood waits) before it is given up as failed. */
export const CHANNEL_POST_ATTEMPTS = 5;

/**
 * The channel posts of broadcast runs (one row per run), sent by the broadcast sender: claimed one at
 * a time and marked `sending` in the same statement, right before the request goes out.
 */
export class ChannelPostQueue {
  constructor(private readonly db: Executor) {}

  /**
   * Takes the oldest pending post of a run that is sending or has finished its deliveries, marking it
   * `sending` for `holder` (`FOR UPDATE SKIP LOCKED`). A paused or cancelled run's post waits.
   */
  async claim(holder: string): Promise<ClaimedChannelPost | undefined> {
    const [row] = await rows<Record<string, unknown>>(
      this.db,
      sql`with c as (
            select p.id from broadcast_channel_posts p
            join broadcast_runs r on r.id = p.run_id and r.state in ('running', 'done')
            where p.state = 'pending'
            order by p.id limit 1
            for update of p skip locked)
          update broadcast_channel_posts p set state = 'sending', holder = ${holder}, attempts = p.attempts + 1
          from c, broadcast_runs r
          where p.id = c.id and r.id = p.run_id
          returning p.id, p.run_id, r.broadcast_id, p.chat, p.attempts`,
    );
    if (!row) return undefined;
    return {
      id: Number(row.id),
      runId: Number(row.run_id),
      broadcastId: Number(row.broadcast_id),
      chat: String(row.chat),
      attempts: Number(row.attempts),
    };
  }

  /** The post went out. */
  async sent(id: number, holder: string, messageId: number): Promise<void> {
    await this.db
      .update(broadcastChannelPosts)
      .set({ state: 'sent', messageId, sentAt: sql`now()`, error: null })
      .where(and(eq(broadcastChannelPosts.id, id), eq(broadcastChannelPosts.holder, holder)));
  }

  /** The request was refused: try again later (`retry`), or give up. */
  async refused(id: number, holder: string, error: string, retry: boolean): Promise<void> {
    await this.db
      .update(broadcastChannelPosts)
      .set({ state: retry ? 'pending' : 'failed', error: error.slice(0, 500) })
      .where(and(eq(broadcastChannelPosts.id, id), eq(broadcastChannelPosts.holder, holder)));
  }

  /**
   * Taking over from a dead sender: a post it had handed to the network may have been posted, so it
   * is counted as posted (`unconfirmed`) and never sent again.
   */
  async recover(holder: string): Promise<number> {
    const changed = await this.db
      .update(broadcastChannelPosts)
      .set({ state: 'unconfirmed' })
      .where(and(eq(broadcastChannelPosts.state, 'sending'), ne(broadcastChannelPosts.holder, holder)))
      .returning({ id: broadcastChannelPosts.id });
    return changed.length;
  }

  /** Posts not yet out (for `drained` in tests and the benchmark). */
  async outstanding(): Promise<number> {
    const [row] = await rows<{ n: number }>(
      this.db,
      sql`select count(*)::int as n from broadcast_channel_posts p
          join broadcast_runs r on r.id = p.run_id and r.state in ('running', 'done')
          where p.state in ('pending', 'sending')`,
    );
    return Number(row?.n ?? 0);
  }
}
