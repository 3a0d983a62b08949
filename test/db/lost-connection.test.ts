import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/services/raw-query.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';

describe.skipIf(!onPostgres())('a connection lost while checked out of the pool (PostgreSQL)', () => {
  it('fails the transaction that held it, not the process, and the pool carries on', async () => {
    const database = await createTestDatabase();
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const transaction = database.db.transaction(async (tx) => {
        const [me] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
        // Another pooled connection ends this one's backend, as a PostgreSQL restart would.
        await database.db.execute(sql`select pg_terminate_backend(${me?.pid ?? 0})`);
        await tx.execute(sql`select pg_sleep(0.5)`);
      });
      await expect(transaction).rejects.toThrow();
      // Give the socket's own events time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [after] = await queryRows<{ one: number }>(database.db, sql`select 1 as one`);
      expect(after?.one).toBe(1);
    } finally {
      process.off('uncaughtException', record);
      await database.close();
    }
    expect(uncaught).toEqual([]);
  });
});
