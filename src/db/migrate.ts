import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { DatabaseHandle } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** The advisory lock key that serializes migrations across instances ("PHXM" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x5048584d;

/**
 * Applies the committed SQL migrations in `drizzle/`; the same files on PostgreSQL and PGlite.
 * Instances starting together on one database migrate one after another under an advisory lock:
 * the first applies the migrations, the others then find nothing left to do.
 */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  await handle.exclusive(MIGRATION_LOCK_KEY, async () => {
    if (handle.kind === 'postgres') {
      await migratePg(handle.db as Parameters<typeof migratePg>[0], { migrationsFolder });
    } else {
      // Loaded only for the embedded database (PostgreSQL never needs the PGlite driver).
      const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
      await migratePglite(handle.db as Parameters<typeof migratePglite>[0], { migrationsFolder });
    }
  });
}
