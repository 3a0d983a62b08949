import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { connectPostgres } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { onPostgres } from '../helpers/db.js';

const serverUrl = process.env.DATABASE_URL;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

describe.skipIf(!onPostgres() || !serverUrl)('migrations with several instances (PostgreSQL)', () => {
  it('three instances migrating one empty database at the same moment all come up, 6 times of 6', async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      for (let trial = 0; trial < 6; trial++) {
        const name = `phx_migrate_race_${process.pid}_${Date.now().toString(36)}_${trial}`;
        await admin.query(`create database ${name}`);
        try {
          const url = withDatabase(serverUrl as string, name);
          const handles = await Promise.all([1, 2, 3].map(() => connectPostgres(url, { max: 3 })));
          try {
            const results = await Promise.allSettled(handles.map((handle) => runMigrations(handle)));
            expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
            const check = new pg.Client({ connectionString: url });
            await check.connect();
            const { rows } = await check.query<{ n: string }>(
              'select count(*) as n from drizzle.__drizzle_migrations',
            );
            await check.end();
            expect(Number(rows[0]?.n)).toBeGreaterThan(0);
          } finally {
            await Promise.all(handles.map((handle) => handle.close()));
          }
        } finally {
          await admin.query(`drop database if exists ${name} with (force)`);
        }
      }
    } finally {
      await admin.end();
    }
  }, 120_000);
});
