import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { orders } from '../../src/db/schema/index.js';
import { CatalogService, type Product } from '../../src/services/catalog.js';
import { checkEmail, normalizeEmail, OrderService } from '../../src/services/orders.js';
import { type User, UserService } from '../../src/services/users.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';

let handle: DatabaseHandle;
let service: OrderService;
let userService: UserService;
let catalog: CatalogService;
let product: Product;
let nextTelegramId = 9_300_000_000;
let nextKey = 0;

const newUser = (name = 'Buyer'): Promise<User> =>
  userService.register({ id: nextTelegramId++, first_name: name });

async function place(user: User, overrides: { email?: string; key?: string; productId?: number } = {}) {
  const result = await service.placeOrder({
    userId: user.id,
    productId: overrides.productId ?? product.id,
    email: overrides.email ?? `u${user.id}@example.com`,
    promoCode: null,
    checkoutKey: overrides.key ?? `orders-test-${++nextKey}`,
  });
  return result;
}

async function placed(user: User) {
  const result = await place(user);
  if (!result.ok) throw new Error(`order refused: ${result.reason}`);
  return result.order;
}

beforeAll(async () => {
  handle = await createTestDatabase({ poolSize: 30 });
  service = new OrderService(handle.db);
  userService = new UserService(handle.db);
  catalog = new CatalogService(handle.db);
  const created = await catalog.create({
    title: 'Landing',
    description: 'One page',
    price: 20000,
    deadlineDays: 5,
  });
  if (!created.ok) throw new Error('setup failed');
  product = created.product;
});
afterAll(async () => handle.close());

describe('emails', () => {
  it('normalizes valid addresses and refuses others', () => {
    expect(normalizeEmail('  Ann@Example.COM ')).toBe('ann@example.com');
    for (const bad of ['ann', 'ann@', '@example.com', 'a b@example.com', 'ann@example']) {
      expect(normalizeEmail(bad)).toBeUndefined();
    }
  });
});

describe('OrderService.placeOrder', () => {
  it('saves the email and snapshots title, price and deadline in state created', async () => {
    const user = await newUser();
    const result = await place(user, { email: 'Buyer.One@Example.com' });
    expect(result).toMatchObject({
      ok: true,
      created: true,
      order: {
        state: 'created',
        productTitle: 'Landing',
        price: 20000,
        discount: 0,
        finalPrice: 20000,
        deadlineDays: 5,
        email: 'buyer.one@example.com',
        executorUserId: null,
      },
    });
    expect((await userService.byId(user.id))?.email).toBe('buyer.one@example.com');
  });

  it("an address another customer saved is the new order's contact; only the first record keeps it", async () => {
    const first = await newUser();
    const second = await newUser();
    await placed(first);
    const result = await place(second, { email: `U${first.id}@EXAMPLE.com` });
    expect(result).toMatchObject({ ok: true, created: true, order: { email: `u${first.id}@example.com` } });
    expect((await userService.byId(first.id))?.email).toBe(`u${first.id}@example.com`);
    expect((await userService.byId(second.id))?.email).toBeNull();
  });

  it('a 300-character address is refused as too long, not as malformed', () => {
    expect(checkEmail(`${'a'.repeat(290)}@example.com`)).toEqual({ ok: false, reason: 'too_long' });
    expect(checkEmail('not-an-email')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an invalid email and a disabled or unknown product', async () => {
    const user = await newUser();
    expect(await place(user, { email: 'not-an-email' })).toEqual({ ok: false, reason: 'email_invalid' });
    const hidden = await catalog.create({ title: 'Hidden', description: 'x', price: 1, deadlineDays: 1 });
    if (!hidden.ok) throw new Error('setup failed');
    await catalog.setActive(hidden.product.id, false);
    expect(await place(user, { productId: hidden.product.id })).toEqual({
      ok: false,
      reason: 'product_unavailable',
    });
    expect(await place(user, { productId: 424242 })).toEqual({ ok: false, reason: 'product_unavailable' });
  });

  it('the same checkout key twice returns the first order', async () => {
    const user = await newUser();
    const first = await place(user, { key: 'same-key-seq' });
    const second = await place(user, { key: 'same-key-seq' });
    expect(first).toMatchObject({ ok: true, created: true });
    expect(second).toMatchObject({ ok: true, created: false });
    if (first.ok && second.ok) expect(second.order.id).toBe(first.order.id);
  });

  it('refuses a price other than the one the customer saw, but a repeated key still returns its order', async () => {
    const user = await newUser();
    const input = {
      userId: user.id,
      productId: product.id,
      email: `u${user.id}@example.com`,
      promoCode: null,
      checkoutKey: 'price-seen-key',
    };
    expect(await service.placeOrder({ ...input, expectedPrice: product.price + 1 })).toEqual({
      ok: false,
      reason: 'price_changed',
    });
    expect(await handle.db.select().from(orders).where(eq(orders.checkoutKey, 'price-seen-key'))).toEqual([]);
    const first = await service.placeOrder({ ...input, expectedPrice: product.price });
    expect(first).toMatchObject({ ok: true, created: true });
    const again = await service.placeOrder({ ...input, expectedPrice: product.price + 1 });
    expect(again).toMatchObject({ ok: true, created: false });
  });

  it.skipIf(!onPostgres())(
    'a double tap (concurrent confirms with one checkout key) creates one order',
    async () => {
      const user = await newUser();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => place(user, { key: 'double-tap-key' })),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      const ids = new Set(results.map((r) => (r.ok ? r.order.id : 0)));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
      const rows = await handle.db.select().from(orders).where(eq(orders.checkoutKey, 'double-tap-key'));
      expect(rows).toHaveLength(1);
    },
  );
});

describe('order lifecycle', () => {
  it('created → in_work → done with the executor set', async () => {
    const customer = await newUser();
    const admin = await newUser('Admin');
    const order = await placed(customer);
    const taken = await service.take(order.id, admin.id);
    expect(taken).toMatchObject({ ok: true, order: { state: 'in_work', executorUserId: admin.id } });
    if (taken.ok) expect(taken.order.takenAt).toBeInstanceOf(Date);
    const done = await service.complete(order.id);
    expect(done).toMatchObject({ ok: true, order: { state: 'done' } });
    const details = await service.details(order.id);
    expect(details?.customer.id).toBe(customer.id);
    expect(details?.executor?.firstName).toBe('Admin');
    expect(details?.order.doneAt).toBeInstanceOf(Date);
  });

  it('a second admin is told who already took the order', async () => {
    const order = await placed(await newUser());
    const anna = await newUser('Anna');
    const boris = await newUser('Boris');
    expect((await service.take(order.id, anna.id)).ok).toBe(true);
    const second = await service.take(order.id, boris.id);
    expect(second).toMatchObject({ ok: false, reason: 'already_taken', executor: { firstName: 'Anna' } });
    expect((await service.byId(order.id))?.executorUserId).toBe(anna.id);
  });

  it.skipIf(!onPostgres())('ten admins taking at once: exactly one becomes the executor', async () => {
    const order = await placed(await newUser());
    const admins = await Promise.all(Array.from({ length: 10 }, (_, i) => newUser(`Admin${i}`)));
    const results = await Promise.all(admins.map((a) => service.take(order.id, a.id)));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ reason: 'already_taken', executor: { id: winner.order.executorUserId } });
    }
  });

  it('refuses transitions from the wrong state', async () => {
    const order = await placed(await newUser());
    const admin = await newUser();
    expect(await service.complete(order.id)).toMatchObject({ ok: false, reason: 'wrong_state' });
    expect(await service.complete(999_999)).toEqual({ ok: false, reason: 'not_found' });
    expect(await service.take(999_999, admin.id)).toEqual({ ok: false, reason: 'not_found' });
    await service.take(order.id, admin.id);
    await service.complete(order.id);
    expect(await service.take(order.id, admin.id)).toMatchObject({ ok: false, reason: 'wrong_state' });
    expect(await service.cancelByStaff(order.id, 'late')).toMatchObject({ ok: false, reason: 'wrong_state' });
  });

  it('a customer cancels only their own order and only while it is created', async () => {
    const owner = await newUser();
    const intruder = await newUser();
    const order = await placed(owner);
    expect(await service.cancelByCustomer(order.id, intruder.id)).toEqual({ ok: false, reason: 'not_found' });
    expect((await service.byId(order.id))?.state).toBe('created');
    expect(await service.cancelByCustomer(order.id, owner.id)).toMatchObject({
      ok: true,
      order: { state: 'cancelled', cancelledBy: 'customer' },
    });
    expect(await service.cancelByCustomer(order.id, owner.id)).toMatchObject({
      ok: false,
      reason: 'wrong_state',
    });

    const inWork = await placed(owner);
    await service.take(inWork.id, intruder.id);
    expect(await service.cancelByCustomer(inWork.id, owner.id)).toMatchObject({
      ok: false,
      reason: 'wrong_state',
    });
  });

  it('staff cancel a created or in-work order with a reason', async () => {
    const customer = await newUser();
    const a = await placed(customer);
    const b = await placed(customer);
    await service.take(b.id, customer.id);
    expect(await service.cancelByStaff(a.id, '  No capacity  ')).toMatchObject({
      ok: true,
      order: { state: 'cancelled', cancelledBy: 'staff', cancelReason: 'No capacity' },
    });
    expect(await service.cancelByStaff(b.id, 'Client unreachable')).toMatchObject({ ok: true });
  });
});

describe('lists and notifications', () => {
  it("lists a customer's orders newest first, paginated, and only theirs", async () => {
    const user = await newUser();
    const other = await newUser();
    await placed(other);
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push((await placed(user)).id);
    const first = await service.listForUser(user.id, 0, 5);
    expect(first.total).toBe(7);
    expect(first.pages).toBe(2);
    expect(first.items.map((o) => o.id)).toEqual(ids.slice(2).reverse());
    const second = await service.listForUser(user.id, 1, 5);
    expect(second.items.map((o) => o.id)).toEqual(ids.slice(0, 2).reverse());
    expect((await service.listForUser(user.id, 99, 5)).page).toBe(1);
  });

  it('lists by state with customer and executor and counts each state', async () => {
    const fresh = await createTestDatabase();
    try {
      const s = new OrderService(fresh.db);
      const u = new UserService(fresh.db);
      const c = new CatalogService(fresh.db);
      const p = await c.create({ title: 'P', description: 'p', price: 10, deadlineDays: 1 });
      if (!p.ok) throw new Error('setup failed');
      const customer = await u.register({ id: 1, first_name: 'Cust' });
      const admin = await u.register({ id: 2, first_name: 'Adm' });
      const make = async (key: string) => {
        const r = await s.placeOrder({
          userId: customer.id,
          productId: p.product.id,
          email: 'c@example.com',
          promoCode: null,
          checkoutKey: key,
        });
        if (!r.ok) throw new Error('order failed');
        return r.order;
      };
      const o1 = await make('k1');
      const o2 = await make('k2');
      await make('k3');
      await s.take(o1.id, admin.id);
      await s.take(o2.id, admin.id);
      await s.complete(o2.id);
      expect(await s.countByState()).toEqual({ created: 1, in_work: 1, done: 1, cancelled: 0 });
      const inWork = await s.listByState(['in_work']);
      expect(inWork.items).toHaveLength(1);
      expect(inWork.items[0]).toMatchObject({
        order: { id: o1.id },
        customer: { firstName: 'Cust' },
        executor: { firstName: 'Adm' },
      });
      expect((await s.listByState([])).total).toBe(3);
      expect((await s.listByState(['created', 'done'])).total).toBe(2);

      await s.recordNotification(o1.id, 1001, 5);
      await s.recordNotification(o1.id, 1002, 7);
      await s.recordNotification(o1.id, 1002, 7);
      expect((await s.notificationsOf(o1.id)).map((n) => [n.chatId, n.messageId])).toEqual([
        [1001, 5],
        [1002, 7],
      ]);
      expect(await s.notificationsOf(o2.id)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
