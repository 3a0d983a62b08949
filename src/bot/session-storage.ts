import { eq, sql } from 'drizzle-orm';
import type { StorageAdapter } from 'grammy';
import type { Database } from '../db/client.js';
import { sessions } from '../db/schema/index.js';

/** grammY session storage in the `sessions` table: dialogs survive restarts and are shared by instances. */
export class PostgresSessionStorage<T> implements StorageAdapter<T> {
  constructor(private readonly db: Database) {}

  async read(key: string): Promise<T | undefined> {
    const [row] = await this.db.select({ value: sessions.value }).from(sessions).where(eq(sessions.key, key));
    return row?.value as T | undefined;
  }

  async write(key: string, value: T): Promise<void> {
    await this.db
      .insert(sessions)
      .values({ key, value })
      .onConflictDoUpdate({ target: sessions.key, set: { value, updatedAt: sql`now()` } });
  }

  async delete(key: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.key, key));
  }
}
