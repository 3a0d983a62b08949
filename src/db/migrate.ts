import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Applies the committed SQL migrations in `drizzle/`; the same files on PostgreSQL and PGlite. */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    await migratePg(handle.db as Parameters<typeof migratePg>[0], { migrationsFolder });
  } else {
    await migratePglite(handle.db as Parameters<typeof migratePglite>[0], { migrationsFolder });
  }
}
