import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import {
  CatalogService,
  productErrorKey,
  validateDeadline,
  validateDescription,
  validatePrice,
  validateTitle,
} from '../../src/services/catalog.js';
import { OrderService } from '../../src/services/orders.js';
import { UserService } from '../../src/services/users.js';
import { createTestDatabase } from '../helpers/db.js';

let handle: DatabaseHandle;
let catalog: CatalogService;

beforeAll(async () => {
  handle = await createTestDatabase();
  catalog = new CatalogService(handle.db);
});
afterAll(async () => handle.close());

const base = { description: 'A thing we make', price: 1000, deadlineDays: 3 };

describe('product validation rules', () => {
  it('limits titles to 50 characters (counting letters, not bytes) and refuses empty ones', () => {
    expect(validateTitle('  Лендинг  ')).toEqual({ ok: true, value: 'Лендинг' });
    expect(validateTitle('я'.repeat(50)).ok).toBe(true);
    expect(validateTitle('я'.repeat(51))).toEqual({ ok: false, error: 'title_too_long' });
    expect(validateTitle('   ')).toEqual({ ok: false, error: 'title_empty' });
  });

  it('limits descriptions to 100 characters', () => {
    expect(validateDescription('d'.repeat(100)).ok).toBe(true);
    expect(validateDescription('d'.repeat(101))).toEqual({ ok: false, error: 'description_too_long' });
  });

  it('accepts whole non-negative prices, also typed with spaces, and refuses the rest', () => {
    expect(validatePrice('15 000')).toEqual({ ok: true, value: 15000 });
    expect(validatePrice(0)).toEqual({ ok: true, value: 0 });
    for (const bad of ['-1', '1.5', 'abc', '', '1e5']) {
      expect(validatePrice(bad)).toEqual({ ok: false, error: 'price_invalid' });
    }
    expect(validatePrice(-5).ok).toBe(false);
  });

  it('requires a deadline of at least one day', () => {
    expect(validateDeadline('5')).toEqual({ ok: true, value: 5 });
    expect(validateDeadline(0)).toEqual({ ok: false, error: 'deadline_invalid' });
    expect(validateDeadline('2.5').ok).toBe(false);
  });

  it('names a Fluent key per error', () => {
    expect(productErrorKey('title_taken')).toBe('catalog-error-title-taken');
  });
});

describe('CatalogService', () => {
  it('creates a product with defaults and refuses a duplicate title with a typed error', async () => {
    const created = await catalog.create({ title: 'Unique title', ...base });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.product.isActive).toBe(true);
    expect(created.product.image).toBeNull();
    const again = await catalog.create({ title: 'Unique title', ...base, price: 5 });
    expect(again).toEqual({ ok: false, reason: 'invalid', field: 'title', error: 'title_taken' });
  });

  it('refuses invalid fields before touching the database', async () => {
    expect(await catalog.create({ title: 'x'.repeat(51), ...base })).toMatchObject({
      ok: false,
      field: 'title',
      error: 'title_too_long',
    });
    expect(await catalog.create({ title: 'Neg', ...base, price: -1 })).toMatchObject({
      field: 'price',
      error: 'price_invalid',
    });
    expect(await catalog.create({ title: 'Zero', ...base, deadlineDays: 0 })).toMatchObject({
      field: 'deadlineDays',
    });
  });

  it('updates fields, bumps updated_on, and refuses renaming onto an existing title', async () => {
    const a = await catalog.create({ title: 'Update A', ...base });
    const b = await catalog.create({ title: 'Update B', ...base });
    if (!a.ok || !b.ok) throw new Error('setup failed');
    await new Promise((r) => setTimeout(r, 5));
    const updated = await catalog.update(a.product.id, { price: 2500, description: 'New words' });
    expect(updated.ok).toBe(true);
    if (!updated.ok) return;
    expect(updated.product.price).toBe(2500);
    expect(updated.product.description).toBe('New words');
    expect(updated.product.updatedOn.getTime()).toBeGreaterThan(a.product.updatedOn.getTime());
    expect(await catalog.update(b.product.id, { title: 'Update A' })).toMatchObject({ error: 'title_taken' });
    expect(await catalog.update(999_999, { price: 1 })).toEqual({ ok: false, reason: 'not_found' });
  });

  it('hides disabled products from the customer listing but not from the admin listing', async () => {
    const fresh = await createTestDatabase();
    try {
      const c = new CatalogService(fresh.db);
      const one = await c.create({ title: 'One', ...base });
      const two = await c.create({ title: 'Two', ...base });
      const three = await c.create({ title: 'Three', ...base });
      if (!one.ok || !two.ok || !three.ok) throw new Error('setup failed');
      await c.setActive(two.product.id, false);
      expect(await c.countActive()).toBe(2);
      expect((await c.listActive(0, 10)).map((p) => p.title)).toEqual(['One', 'Three']);
      expect((await c.listActive(1, 1)).map((p) => p.title)).toEqual(['Three']);
      expect(await c.byIdActive(two.product.id)).toBeUndefined();
      expect((await c.byId(two.product.id))?.title).toBe('Two');
      expect(await c.countAll()).toBe(3);
      expect((await c.pageAll(0, 2)).items.map((p) => p.title)).toEqual(['One', 'Two']);
      const stale = await c.pageActive(7, 1);
      expect(stale.page).toBe(1);
      expect(stale.items[0]?.title).toBe('Three');
      expect(await c.activeIndexOf(three.product.id)).toBe(1);
      expect(await c.activeIndexOf(two.product.id)).toBeUndefined();
    } finally {
      await fresh.close();
    }
  });

  it('deletes a product while its orders keep their snapshot', async () => {
    const created = await catalog.create({ title: 'Doomed', ...base, price: 777 });
    if (!created.ok) throw new Error('setup failed');
    const user = await new UserService(handle.db).register({ id: 9_100_000_001, first_name: 'Buyer' });
    const orders = new OrderService(handle.db);
    const placed = await orders.placeOrder({
      userId: user.id,
      productId: created.product.id,
      email: 'doomed@example.com',
      promoCode: null,
      checkoutKey: 'doomed-key',
    });
    expect(placed.ok).toBe(true);
    expect(await catalog.delete(created.product.id)).toBe(true);
    expect(await catalog.byId(created.product.id)).toBeUndefined();
    expect(await catalog.delete(created.product.id)).toBe(false);
    const order = placed.ok ? await orders.byId(placed.order.id) : undefined;
    expect(order?.productId).toBeNull();
    expect(order?.productTitle).toBe('Doomed');
    expect(order?.price).toBe(777);
  });
});
