import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { orders, promoCodes, promoRedemptions } from '../../src/db/schema/index.js';
import { CatalogService, type Product } from '../../src/services/catalog.js';
import { OrderService } from '../../src/services/orders.js';
import { discountFor, PromoService } from '../../src/services/promo.js';
import { type User, UserService } from '../../src/services/users.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';

let handle: DatabaseHandle;
let promos: PromoService;
let orderService: OrderService;
let userService: UserService;
let logo: Product;
let site: Product;
let nextTelegramId = 9_200_000_000;
let nextKey = 0;

const newUser = (): Promise<User> => userService.register({ id: nextTelegramId++, first_name: 'Buyer' });

async function order(user: User, product: Product, promoCode: string | null) {
  return orderService.placeOrder({
    userId: user.id,
    productId: product.id,
    email: `u${user.id}@example.com`,
    promoCode,
    checkoutKey: `promo-test-${++nextKey}`,
  });
}

beforeAll(async () => {
  handle = await createTestDatabase({ poolSize: 60 });
  promos = new PromoService(handle.db);
  orderService = new OrderService(handle.db);
  userService = new UserService(handle.db);
  const catalog = new CatalogService(handle.db);
  const a = await catalog.create({ title: 'Logo', description: 'A logo', price: 15000, deadlineDays: 3 });
  const b = await catalog.create({ title: 'Site', description: 'A site', price: 900, deadlineDays: 10 });
  if (!a.ok || !b.ok) throw new Error('setup failed');
  logo = a.product;
  site = b.product;
});
afterAll(async () => handle.close());

describe('discounts', () => {
  it('takes a percent rounded down, a fixed amount, and never goes below zero', () => {
    expect(discountFor({ kind: 'percent', value: 10 }, 15000)).toBe(1500);
    expect(discountFor({ kind: 'percent', value: 33 }, 999)).toBe(329);
    expect(discountFor({ kind: 'percent', value: 100 }, 999)).toBe(999);
    expect(discountFor({ kind: 'fixed', value: 500 }, 15000)).toBe(500);
    expect(discountFor({ kind: 'fixed', value: 5000 }, 900)).toBe(900);
  });
});

describe('PromoService.validate gives the exact reason', () => {
  it('accepts a valid code case-insensitively and computes the final price', async () => {
    await promos.create({ code: 'Spring10', kind: 'percent', value: 10 });
    const user = await newUser();
    const check = await promos.validate('  sPRING10 ', user.id, logo.id, logo.price);
    expect(check).toMatchObject({ ok: true, discount: 1500, finalPrice: 13500 });
  });

  it('unknown', async () => {
    const user = await newUser();
    expect(await promos.validate('NOPE', user.id, logo.id, logo.price)).toEqual({
      ok: false,
      reason: 'unknown',
    });
  });

  it('inactive', async () => {
    const created = await promos.create({ code: 'OFF1', kind: 'fixed', value: 100 });
    if (!created.ok) throw new Error('setup failed');
    await promos.setActive(created.promo.id, false);
    const user = await newUser();
    expect(await promos.validate('off1', user.id, logo.id, logo.price)).toEqual({
      ok: false,
      reason: 'inactive',
    });
  });

  it('expired', async () => {
    await promos.create({ code: 'OLD', kind: 'fixed', value: 100, expiresAt: new Date(Date.now() - 1000) });
    const user = await newUser();
    expect(await promos.validate('OLD', user.id, logo.id, logo.price)).toEqual({
      ok: false,
      reason: 'expired',
    });
    const placed = await order(user, logo, 'OLD');
    expect(placed).toEqual({ ok: false, reason: 'promo', refusal: 'expired' });
  });

  it('not for this product', async () => {
    await promos.create({ code: 'LOGOONLY', kind: 'percent', value: 50, productId: logo.id });
    const user = await newUser();
    expect(await promos.validate('LOGOONLY', user.id, site.id, site.price)).toEqual({
      ok: false,
      reason: 'not_for_product',
    });
    expect(await promos.validate('LOGOONLY', user.id, logo.id, logo.price)).toMatchObject({ ok: true });
  });

  it('used up (total limit) and already used by you (per-user limit)', async () => {
    await promos.create({ code: 'ONCE', kind: 'fixed', value: 1000, maxUses: 1 });
    const first = await newUser();
    const second = await newUser();
    const placed = await order(first, logo, 'once');
    expect(placed).toMatchObject({
      ok: true,
      order: { discount: 1000, finalPrice: 14000, promoCode: 'ONCE' },
    });
    expect(await promos.validate('ONCE', second.id, logo.id, logo.price)).toEqual({
      ok: false,
      reason: 'used_up',
    });
    expect(await promos.validate('ONCE', first.id, logo.id, logo.price)).toEqual({
      ok: false,
      reason: 'already_used_by_you',
    });
    expect(await order(second, logo, 'ONCE')).toEqual({ ok: false, reason: 'promo', refusal: 'used_up' });
  });

  it('per-user limit above one lets the same user redeem that many times', async () => {
    await promos.create({ code: 'TWICE', kind: 'fixed', value: 10, perUserLimit: 2 });
    const user = await newUser();
    expect((await order(user, site, 'TWICE')).ok).toBe(true);
    expect((await order(user, site, 'TWICE')).ok).toBe(true);
    expect(await order(user, site, 'TWICE')).toEqual({
      ok: false,
      reason: 'promo',
      refusal: 'already_used_by_you',
    });
  });

  it('a personal code works only for its owner; others see it as unknown', async () => {
    const owner = await newUser();
    const stranger = await newUser();
    await promos.create({ code: 'FORYOU', kind: 'percent', value: 20, ownerUserId: owner.id });
    expect(await promos.validate('FORYOU', stranger.id, logo.id, logo.price)).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await order(stranger, logo, 'FORYOU')).toEqual({ ok: false, reason: 'promo', refusal: 'unknown' });
    expect(await order(owner, logo, 'FORYOU')).toMatchObject({ ok: true, order: { finalPrice: 12000 } });
  });

  it('a refused code at confirmation writes nothing: no order, no use taken', async () => {
    const created = await promos.create({ code: 'GONE', kind: 'fixed', value: 10, maxUses: 1 });
    if (!created.ok) throw new Error('setup failed');
    const winner = await newUser();
    const loser = await newUser();
    expect((await order(winner, site, 'GONE')).ok).toBe(true);
    const before = await handle.db.select().from(orders).where(eq(orders.userId, loser.id));
    expect(await order(loser, site, 'GONE')).toMatchObject({ ok: false, refusal: 'used_up' });
    expect(await handle.db.select().from(orders).where(eq(orders.userId, loser.id))).toEqual(before);
    expect((await userService.byId(loser.id))?.email).toBeNull();
    expect((await promos.byId(created.promo.id))?.usesCount).toBe(1);
  });

  it('a cancelled order gives its use back', async () => {
    const created = await promos.create({ code: 'COMEBACK', kind: 'fixed', value: 10, maxUses: 1 });
    if (!created.ok) throw new Error('setup failed');
    const user = await newUser();
    const placed = await order(user, site, 'COMEBACK');
    if (!placed.ok) throw new Error('order failed');
    expect((await orderService.cancelByCustomer(placed.order.id, user.id)).ok).toBe(true);
    expect((await promos.byId(created.promo.id))?.usesCount).toBe(0);
    expect((await order(user, site, 'COMEBACK')).ok).toBe(true);
  });
});

describe('PromoService admin operations', () => {
  it('refuses a code that differs only in case, bad values and bad codes', async () => {
    await promos.create({ code: 'Dup', kind: 'percent', value: 5 });
    expect(await promos.create({ code: 'DUP', kind: 'percent', value: 5 })).toEqual({
      ok: false,
      reason: 'code_taken',
    });
    expect(await promos.create({ code: 'P0', kind: 'percent', value: 5 })).toEqual({
      ok: false,
      reason: 'code_invalid',
    });
    expect(await promos.create({ code: 'BIG', kind: 'percent', value: 101 })).toEqual({
      ok: false,
      reason: 'value_invalid',
    });
    expect(await promos.create({ code: 'ZERO', kind: 'fixed', value: 0 })).toEqual({
      ok: false,
      reason: 'value_invalid',
    });
    expect(await promos.create({ code: 'NOPROD', kind: 'fixed', value: 1, productId: 987654 })).toEqual({
      ok: false,
      reason: 'product_unknown',
    });
  });

  it('updates, refuses max uses below the uses taken, lists usage and deletes while orders keep the code', async () => {
    const created = await promos.create({ code: 'EDITME', kind: 'fixed', value: 100, maxUses: 5 });
    if (!created.ok) throw new Error('setup failed');
    const user = await newUser();
    const placed = await order(user, logo, 'EDITME');
    if (!placed.ok) throw new Error('order failed');
    expect(await promos.update(created.promo.id, { maxUses: 0 })).toEqual({
      ok: false,
      reason: 'max_uses_invalid',
    });
    const updated = await promos.update(created.promo.id, { kind: 'percent', value: 50, maxUses: 2 });
    expect(updated).toMatchObject({
      ok: true,
      promo: { kind: 'percent', value: 50, maxUses: 2, usesCount: 1 },
    });
    expect(await promos.update(created.promo.id, { value: 150 })).toEqual({
      ok: false,
      reason: 'value_invalid',
    });

    let listed: { code: string; redemptions: number; usesCount: number } | undefined;
    for (let page = 0; !listed; page++) {
      const p = await promos.list(page, 50);
      listed = p.items.find((i) => i.id === created.promo.id);
      if (page >= p.pages) break;
    }
    expect(listed).toMatchObject({ code: 'EDITME', redemptions: 1, usesCount: 1 });

    expect(await promos.delete(created.promo.id)).toBe(true);
    const kept = await orderService.byId(placed.order.id);
    expect(kept).toMatchObject({ promoCode: 'EDITME', promoCodeId: null, discount: 100 });
  });
});

describe.skipIf(!onPostgres())('race safety on PostgreSQL', () => {
  it('50 concurrent checkouts with a 1-use code: exactly one gets it', async () => {
    const created = await promos.create({ code: 'LAST1', kind: 'percent', value: 30, maxUses: 1 });
    if (!created.ok) throw new Error('setup failed');
    const buyers = await Promise.all(Array.from({ length: 50 }, () => newUser()));
    const results = await Promise.all(buyers.map((u) => order(u, logo, 'LAST1')));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toEqual({ ok: false, reason: 'promo', refusal: 'used_up' });
    }
    expect((await promos.byId(created.promo.id))?.usesCount).toBe(1);
    const redemptions = await handle.db
      .select()
      .from(promoRedemptions)
      .where(eq(promoRedemptions.promoCodeId, created.promo.id));
    expect(redemptions).toHaveLength(1);
  });

  it('50 concurrent bare claims inside transactions: exactly one commits a use', async () => {
    const created = await promos.create({ code: 'BARE1', kind: 'fixed', value: 1, maxUses: 1 });
    if (!created.ok) throw new Error('setup failed');
    const buyers = await Promise.all(Array.from({ length: 50 }, () => newUser()));
    const results = await Promise.all(
      buyers.map((u) =>
        handle.db.transaction(async (tx) => new PromoService(tx).claim('bare1', u.id, logo.id, logo.price)),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [row] = await handle.db.select().from(promoCodes).where(eq(promoCodes.id, created.promo.id));
    expect(row?.usesCount).toBe(1);
  });

  it('one user racing 10 checkouts with an unlimited code (per-user limit 1) gets it once', async () => {
    await promos.create({ code: 'PERUSER', kind: 'fixed', value: 5 });
    const user = await newUser();
    const results = await Promise.all(Array.from({ length: 10 }, () => order(user, site, 'PERUSER')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toEqual({ ok: false, reason: 'promo', refusal: 'already_used_by_you' });
    }
  });
});
