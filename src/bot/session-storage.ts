import { eq, sql } from 'drizzle-orm';
import type { StorageAdapter } from 'grammy';
import { type Database, isTransientDatabaseError } from '../db/client.js';
import { sessions } from '../db/schema/index.js';
import type { Logger } from '../logger.js';

/** grammY session storage in the `sessions` table: dialogs survive restarts and are shared by instances. */
export class PostgresSessionStorage<T> implements StorageAdapter<T> {
  constructor(
    private readonly db: Database,
    private readonly logger?: Logger,
  ) {}

  async read(key: string): Promise<T | undefined> {
    const [row] = await this.db.select({ value: sessions.value }).from(sessions).where(eq(sessions.key, key));
    return row?.value as T | undefined;
  }

  /**
   * Runs after the handler has answered: a database that stays away past the pool's retries costs
   * the dialog step (logged), never a "Something went wrong" after a reply that was already sent.
   */
  async write(key: string, value: T): Promise<void> {
    try {
      await this.db
        .insert(sessions)
        .values({ key, value })
        .onConflictDoUpdate({ target: sessions.key, set: { value, updatedAt: sql`now()` } });
    } catch (error) {
      if (!this.logger || !isTransientDatabaseError(error)) throw error;
      this.logger.error({ err: error, session: key }, 'session not saved: the database is unavailable');
    }
  }

  async delete(key: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.key, key));
  }
}
