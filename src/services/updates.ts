import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { processedUpdates } from '../db/schema/index.js';
import { queryRows } from './raw-query.js';

/** How long an update_id is remembered: Telegram gives up redelivering long before. */
export const UPDATE_MEMORY_MS = 24 * 60 * 60 * 1000;

/** What claiming an update tells: whether this instance took it, and where its sender stands. */
export interface Claim {
  claimed: boolean;
  /** The sender's updates within the flood window, this one included (0 without a sender). */
  recent: number;
  /** The sender is in a flood cool-down now. */
  coolingDown: boolean;
}

/** The update_ids that webhook instances have taken, shared through the database. */
export class UpdateLog {
  private claimsSincePrune = 0;

  constructor(private readonly db: Database) {}

  /**
   * Takes `updateId` for this instance: `claimed` is true the first time, false for a redelivery or
   * for an update another instance took already. One statement, so two instances cannot both win.
   * The same statement records the sender and counts their updates of the last `windowSeconds`
   * (every instance's, since they share the table) and reads their flood cool-down: the flood limit
   * costs webhook mode no round trip of its own.
   */
  async claim(updateId: number, fromId?: number, windowSeconds = 10): Promise<Claim> {
    let claim: Claim;
    if (fromId === undefined) {
      const rows = await this.db
        .insert(processedUpdates)
        .values({ updateId })
        .onConflictDoNothing()
        .returning({ updateId: processedUpdates.updateId });
      claim = { claimed: rows.length === 1, recent: 0, coolingDown: false };
    } else {
      // The CTE's insert is not visible to the counting subquery (one snapshot): it adds itself.
      const [row] = await queryRows<{ claimed: number; recent: number; cooling: boolean }>(
        this.db,
        sql`with taken as (
              insert into processed_updates (update_id, from_id) values (${updateId}, ${fromId})
              on conflict do nothing returning update_id)
            select (select count(*) from taken)::int as claimed,
              (select count(*) from processed_updates p where p.from_id = ${fromId}
                and p.received_at > now() - make_interval(secs => ${windowSeconds}))::int as recent,
              exists (select 1 from flood_cooldowns f where f.telegram_id = ${fromId}
                and f.until > now()) as cooling`,
      );
      const claimed = Number(row?.claimed ?? 0) === 1;
      claim = {
        claimed,
        recent: Number(row?.recent ?? 0) + (claimed ? 1 : 0),
        coolingDown: row?.cooling === true,
      };
    }
    if (++this.claimsSincePrune >= 1000) {
      this.claimsSincePrune = 0;
      await this.prune();
    }
    return claim;
  }

  /**
   * Starts a flood cool-down of `telegramId` for `seconds`, shared by every instance. True only for
   * the one caller that started it (a cool-down in force is left alone), so the notice goes once.
   */
  async startCooldown(telegramId: number, seconds: number): Promise<boolean> {
    const rows = await queryRows<{ telegram_id: unknown }>(
      this.db,
      sql`insert into flood_cooldowns (telegram_id, until)
          values (${telegramId}, now() + make_interval(secs => ${seconds}))
          on conflict (telegram_id) do update set until = excluded.until
          where flood_cooldowns.until <= now()
          returning telegram_id`,
    );
    return rows.length === 1;
  }

  /** Forgets update_ids older than {@link UPDATE_MEMORY_MS}, and cool-downs that ended. */
  async prune(): Promise<void> {
    await this.db
      .delete(processedUpdates)
      .where(lt(processedUpdates.receivedAt, sql`now() - make_interval(secs => ${UPDATE_MEMORY_MS / 1000})`));
    await this.db.execute(sql`delete from flood_cooldowns where until < now()`);
  }
}
