import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { categories, products } from '../../src/db/schema/index.js';
import { wipeDemoDatabase } from '../../src/sandbox/seed.js';
import { CatalogService } from '../../src/services/catalog.js';
import { UserService } from '../../src/services/users.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';

/**
 * Browsing screens come from memory while the catalog's revision (read by "who is this" on every
 * update) stays the same, and from the database as soon as anything — on any instance — changed it.
 */

let handle: DatabaseHandle;
let users: UserService;
let category: number;

const profile = { id: 7001, first_name: 'Анна' };
/** The revision a new update would read, as the bot reads it. */
const revisionNow = async () => (await users.identify(profile, String(profile.id))).catalogRevision;

beforeAll(async () => {
  handle = await createTestDatabase();
  users = new UserService(handle.db);
  const [c] = await handle.db.insert(categories).values({ title: 'Сайты' }).returning();
  category = c!.id;
  await handle.db.insert(products).values([
    { title: 'Лендинг', description: 'Одна страница', price: 45000, deadlineDays: 5, categoryId: category },
    {
      title: 'Магазин',
      description: 'Каталог и корзина',
      price: 150000,
      deadlineDays: 20,
      categoryId: category,
    },
  ]);
});

afterAll(async () => {
  await handle?.close();
});

describe('catalog revision', () => {
  it('moves forward with every committed change of products or categories, whoever makes it', async () => {
    const seen: string[] = [];
    const step = async (change: () => Promise<unknown>) => {
      await change();
      const now = await revisionNow();
      expect(now).not.toBeNull();
      seen.push(now as string);
    };
    await step(async () => undefined);
    await step(() => handle.db.update(products).set({ price: 46000 }).where(eq(products.title, 'Лендинг')));
    await step(() => handle.db.update(categories).set({ emoji: '🌐' }).where(eq(categories.id, category)));
    await step(() =>
      handle.db.insert(products).values({
        title: 'Визитка',
        description: 'Сайт-визитка',
        price: 20000,
        deadlineDays: 3,
        categoryId: category,
      }),
    );
    await step(() => handle.db.delete(products).where(eq(products.title, 'Визитка')));
    for (let i = 1; i < seen.length; i++) expect(BigInt(seen[i]!)).toBeGreaterThan(BigInt(seen[i - 1]!));
  });

  it('is not seen before the change commits, and not at all when it rolls back', async () => {
    const before = await revisionNow();
    let inside: string | null | undefined;
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.update(products).set({ price: 47000 }).where(eq(products.title, 'Лендинг'));
        if (onPostgres()) inside = await revisionNow(); // another connection: the old revision
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    if (onPostgres()) expect(inside).toBe(before);
    expect(await revisionNow()).toBe(before);
  });

  it('never goes back after the tables are wiped (the sandbox reset)', async () => {
    const scratch = await createTestDatabase();
    try {
      const scratchUsers = new UserService(scratch.db);
      const read = async () => (await scratchUsers.identify(profile, String(profile.id))).catalogRevision;
      const before = await read();
      await wipeDemoDatabase(scratch.db);
      const after = await read();
      expect(after).not.toBeNull();
      expect(BigInt(after as string)).toBeGreaterThan(BigInt(before as string));
    } finally {
      await scratch.close();
    }
  });
});

describe('browsing screens from memory', () => {
  it('answers from memory at the same revision, and reads again once another instance changed the catalog', async () => {
    const here = new CatalogService(handle.db);
    const there = new CatalogService(handle.db); // another instance: its own memory
    const revision = (await revisionNow()) ?? undefined;

    const first = await here.browse(category, 0, 8, revision);
    expect(first.items.map((i) => i.title)).toEqual(['Лендинг', 'Магазин']);
    const again = await here.browse(category, 0, 8, revision);
    expect(again).toBe(first); // the same object: no statement was run

    // The other instance renames a service and takes one off sale.
    await there.update(first.items[0]!.id, { title: 'Лендинг под ключ' });
    await handle.db.update(products).set({ isActive: false }).where(eq(products.title, 'Магазин'));

    // An update that still carries the old revision gets the screen it asked about...
    expect(await here.browse(category, 0, 8, revision)).toBe(first);
    // ...the next update reads the new revision and sees the change.
    const next = (await revisionNow()) ?? undefined;
    expect(next).not.toBe(revision);
    const fresh = await here.browse(category, 0, 8, next);
    expect(fresh).not.toBe(first);
    expect(fresh.items.map((i) => i.title)).toEqual(['Лендинг под ключ']);
    expect(fresh.total).toBe(1);
  });

  it('reads afresh when the caller does not know the revision', async () => {
    const service = new CatalogService(handle.db);
    const revision = (await revisionNow()) ?? undefined;
    const kept = await service.browse(category, 0, 8, revision);
    const unknown = await service.browse(category, 0, 8);
    expect(unknown).not.toBe(kept);
    expect(unknown).toEqual(kept);
  });

  it('keeps a screen only under the revision its own statement saw', async () => {
    const service = new CatalogService(handle.db);
    const old = (await revisionNow()) ?? undefined;
    await handle.db.update(products).set({ price: 50000 }).where(eq(products.title, 'Лендинг под ключ'));
    // The caller read `old`, but the statement runs after the change: what it read is kept under the
    // new revision, so an update carrying `old` reads again rather than taking it for the old screen.
    const read = await service.browse(category, 0, 8, old);
    expect(read.items[0]?.price).toBe(50000);
    const stale = await service.browse(category, 0, 8, old);
    expect(stale).not.toBe(read);
    const current = (await revisionNow()) ?? undefined;
    expect(await service.browse(category, 0, 8, current)).toBe(stale);
  });

  it('keeps cards the same way: from memory at the same revision, read again once the service is taken off sale', async () => {
    const service = new CatalogService(handle.db);
    const [row] = await handle.db
      .insert(products)
      .values({
        title: 'Аудит',
        description: 'Проверка сайта',
        price: 9000,
        deadlineDays: 2,
        categoryId: category,
      })
      .returning();
    const id = row!.id;
    const revision = (await revisionNow()) ?? undefined;
    const first = await service.card(id, revision);
    expect(first.status).toBe('ok');
    expect(await service.card(id, revision)).toBe(first);
    await handle.db.update(products).set({ isActive: false }).where(eq(products.id, id));
    expect(await service.card(id, revision)).toBe(first); // an update that read the old revision
    expect((await service.card(id, (await revisionNow()) ?? undefined)).status).toBe('unavailable');
  });
});
