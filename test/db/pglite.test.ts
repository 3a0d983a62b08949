import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, DatabaseUnavailableError, openPglite } from '../../src/db/client.js';
import { queryRows } from '../../src/services/raw-query.js';

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'phx-pglite-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function setting(handle: DatabaseHandle, name: string): Promise<unknown> {
  const [row] = await queryRows<Record<string, unknown>>(handle.db, sql.raw(`show ${name}`));
  return row?.[name];
}

describe('the embedded database (PGlite)', () => {
  // All of shared_buffers is resident in PGlite (its shared memory is zeroed at start): the stock
  // 128MB more than doubled the sandbox's idle memory. See PGLITE_SETTINGS in src/db/client.ts.
  it('runs with 16MB of shared_buffers in a new data directory, reopened, and in memory, and keeps its data', async () => {
    // Relative, as DATA_DIR=./data is: the cluster is created by a child process with a cwd of its own.
    const dataDir = path.relative(process.cwd(), path.join(tempDir(), 'data'));
    const created = await openPglite(dataDir);
    try {
      expect(await setting(created, 'shared_buffers')).toBe('16MB');
      await created.db.execute(sql`create table kept (note text)`);
      await created.db.execute(sql`insert into kept values ('survives a restart')`);
    } finally {
      await created.close();
    }
    // initdb got the setting too, so the directory's own postgresql.conf says the same.
    expect(readFileSync(path.join(dataDir, 'postgresql.conf'), 'utf8')).toMatch(/^shared_buffers = 16MB\b/m);

    const reopened = await openPglite(dataDir);
    try {
      expect(await setting(reopened, 'shared_buffers')).toBe('16MB');
      expect(await queryRows(reopened.db, sql`select note from kept`)).toEqual([
        { note: 'survives a restart' },
      ]);
    } finally {
      await reopened.close();
    }

    const inMemory = await openPglite('memory://');
    try {
      expect(await setting(inMemory, 'shared_buffers')).toBe('16MB');
    } finally {
      await inMemory.close();
    }
  }, 120_000);

  it('says why when a database cannot be created in the data directory', async () => {
    const dataDir = path.join(tempDir(), 'data');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'global'), 'not a directory');
    const error = await openPglite(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(/^cannot open the embedded database in .*data: .*ErrnoError/);
  }, 120_000);
});
