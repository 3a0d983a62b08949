import type { SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';

/** The rows a raw SQL query returned, on node-postgres and PGlite alike. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
