import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { processedUpdates } from '../db/schema/index.js';

/** How long an update_id is remembered: Telegram gives up redelivering long before. */
export const UPDATE_MEMORY_MS = 24 * 60 * 60 * 1000;

/** The update_ids that webhook instances have taken, shared through the database. */
export class UpdateLog {
  private claimsSincePrune = 0;

  constructor(private readonly db: Database) {}

  /**
   * Takes `updateId` for this instance: true the first time, false for a redelivery or for an
   * update another instance took already. One statement, so two instances cannot both win.
   */
  async claim(updateId: number): Promise<boolean> {
    const rows = await this.db
      .insert(processedUpdates)
      .values({ updateId })
      .onConflictDoNothing()
      .returning({ updateId: processedUpdates.updateId });
    if (++this.claimsSincePrune >= 1000) {
      this.claimsSincePrune = 0;
      await this.prune();
    }
    return rows.length === 1;
  }

  /** Forgets update_ids older than {@link UPDATE_MEMORY_MS}. */
  async prune(): Promise<void> {
    await this.db
      .delete(processedUpdates)
      .where(lt(processedUpdates.receivedAt, sql`now() - make_interval(secs => ${UPDATE_MEMORY_MS / 1000})`));
  }
}
