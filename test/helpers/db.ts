import pg from 'pg';
import { inject } from 'vitest';
import { connectPostgres, type DatabaseHandle, openPglite } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';

let counter = 0;

/** True when the tests run on a PostgreSQL server (real concurrency); false on PGlite. */
export const onPostgres = (): boolean => inject('pgTemplate') !== '';

/**
 * A fresh, migrated database for one test file: a clone of the run's template on PostgreSQL,
 * or a new in-memory PGlite. Close it in afterAll.
 */
export async function createTestDatabase(
  options: { poolSize?: number } = {},
): Promise<DatabaseHandle & { url?: string }> {
  const template = inject('pgTemplate');
  const url = process.env.DATABASE_URL;
  if (!template || !url) {
    const handle = await openPglite('memory://');
    await runMigrations(handle);
    return handle;
  }
  const name = `${inject('pgRunPrefix')}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        // Another file is cloning the same template this instant; try again shortly.
        if (attempt > 20 || !String(error).includes('being accessed by other users')) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await connectPostgres(u.toString(), { max: options.poolSize ?? 20 });
  return { ...handle, url: u.toString() };
}
