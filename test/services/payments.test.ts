import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentsConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { invoices, orders, payments as paymentRows, staff } from '../../src/db/schema/index.js';
import { CatalogService, type Product } from '../../src/services/catalog.js';
import { type Order, OrderService } from '../../src/services/orders.js';
import { INVOICE_TTL_MS, PaymentService, STARS } from '../../src/services/payments.js';
import { StatsService } from '../../src/services/stats.js';
import { type User, UserService } from '../../src/services/users.js';
import { formatMoney } from '../../src/text/format.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';

let handle: DatabaseHandle;
let users: UserService;
let catalog: CatalogService;
let ordersService: OrderService;
let product: Product;
let nextTelegramId = 9_400_000_000;
let nextKey = 0;
let nextCharge = 0;

const FULL: PaymentsConfig = {
  card: { providerToken: '1234567:TEST:unit', currency: 'RUB' },
  stars: { rateMinor: 200 },
  depositPercent: 100,
  payLater: true,
};
const DEPOSIT: PaymentsConfig = { ...FULL, depositPercent: 30 };

const service = (config: PaymentsConfig | undefined = FULL) => new PaymentService(handle.db, config);

async function customerWithOrder(price?: number): Promise<{ user: User; order: Order }> {
  const user = await users.register({ id: nextTelegramId++, first_name: 'Payer' });
  let productId = product.id;
  if (price !== undefined) {
    const created = await catalog.create({
      title: `Priced ${++nextKey}`,
      description: 'x',
      price,
      deadlineDays: 3,
    });
    if (!created.ok) throw new Error('product not created');
    productId = created.product.id;
  }
  const placed = await ordersService.placeOrder({
    userId: user.id,
    productId,
    email: `p${user.id}@example.com`,
    promoCode: null,
    checkoutKey: `pay-test-${++nextKey}`,
  });
  if (!placed.ok) throw new Error(`order refused: ${placed.reason}`);
  return { user, order: placed.order };
}

const charge = () => `charge-${process.pid}-${++nextCharge}`;

beforeAll(async () => {
  handle = await createTestDatabase({ poolSize: 20 });
  users = new UserService(handle.db);
  catalog = new CatalogService(handle.db);
  ordersService = new OrderService(handle.db);
  const created = await catalog.create({
    title: 'Shop',
    description: 'A shop',
    price: 15001,
    deadlineDays: 7,
  });
  if (!created.ok) throw new Error('setup failed');
  product = created.product;
});
afterAll(async () => handle.close());

describe('amounts', () => {
  it('charges cards in kopecks and Stars in whole stars rounded up, with integers only', () => {
    const payments = service();
    expect(payments.totalOf({ finalPrice: 15001 }, 'card')).toEqual({ currency: 'RUB', amount: 1_500_100 });
    // 15 001 ₽ at 2 ₽ a star = 7 500.5 stars → 7 501; at 1.50 ₽ = 10 000.67 → 10 001.
    expect(payments.totalOf({ finalPrice: 15001 }, 'stars')).toEqual({ currency: STARS, amount: 7501 });
    expect(payments.totalOf({ finalPrice: 15000 }, 'stars')).toEqual({ currency: STARS, amount: 7500 });
    const dearer = new PaymentService(handle.db, { ...FULL, stars: { rateMinor: 150 } });
    expect(dearer.totalOf({ finalPrice: 15001 }, 'stars')).toEqual({ currency: STARS, amount: 10_001 });
    const yen = new PaymentService(handle.db, { ...FULL, card: { providerToken: 'x', currency: 'JPY' } });
    expect(yen.totalOf({ finalPrice: 500 }, 'card')).toEqual({ currency: 'JPY', amount: 500 });
  });

  it('takes the deposit rounded up and leaves the rest as the remainder', async () => {
    const payments = service(DEPOSIT);
    expect(payments.depositOf(1_500_100)).toBe(450_030);
    expect(payments.depositOf(10_001)).toBe(3001);
    const { order } = await customerWithOrder();
    const due = await payments.due(order.id, 'card');
    expect(due).toMatchObject({ ok: true, due: { kind: 'deposit', currency: 'RUB', amount: 450_030 } });
  });

  it('formats minor units for the reader', () => {
    expect(formatMoney(1_500_100, 'RUB', 'ru')).toBe('15\u00a0001\u00a0₽');
    expect(formatMoney(150_050, 'RUB', 'en')).toBe('₽1,500.50');
    expect(formatMoney(10_001, STARS, 'en')).toBe('10,001\u00a0⭐');
  });

  it('does not offer Stars above 10 000 stars in one invoice', async () => {
    const dearer = new PaymentService(handle.db, { ...FULL, stars: { rateMinor: 150 } });
    const { order } = await customerWithOrder();
    expect(await dearer.openInvoice(order.id, 'stars')).toEqual({ ok: false, reason: 'method_unavailable' });
    expect(await dearer.openInvoice(order.id, 'card')).toMatchObject({ ok: true });
  });

  it('has nothing to invoice when payments are off or the method is not set up', async () => {
    const { order } = await customerWithOrder();
    expect(await new PaymentService(handle.db, undefined).openInvoice(order.id)).toEqual({
      ok: false,
      reason: 'method_unavailable',
    });
    const cardOnly = service({ ...FULL, stars: undefined });
    expect(await cardOnly.openInvoice(order.id, 'stars')).toEqual({
      ok: false,
      reason: 'method_unavailable',
    });
  });
});

describe('invoices and the pre-checkout', () => {
  it('opens an invoice with a random payload, voiding the older one', async () => {
    const payments = service();
    const { order } = await customerWithOrder();
    const first = await payments.openInvoice(order.id, 'card');
    const second = await payments.openInvoice(order.id, 'stars');
    if (!first.ok || !second.ok) throw new Error('not opened');
    expect(first.invoice.payload).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second.invoice.payload).not.toBe(first.invoice.payload);
    expect(second.invoice).toMatchObject({ kind: 'full', currency: STARS, amount: 7501, state: 'open' });
    const [old] = await handle.db.select().from(invoices).where(eq(invoices.id, first.invoice.id));
    expect(old?.state).toBe('void');
  });

  it('accepts the open invoice as sent and refuses every stale or forged one', async () => {
    const payments = service();
    const { user, order } = await customerWithOrder();
    const opened = await payments.openInvoice(order.id, 'card');
    if (!opened.ok) throw new Error('not opened');
    const query = {
      payload: opened.invoice.payload,
      telegramUserId: user.telegramId,
      currency: 'RUB',
      amount: 1_500_100,
    };
    expect(await payments.checkPreCheckout(query)).toMatchObject({ ok: true });
    expect(await payments.checkPreCheckout({ ...query, amount: 100 })).toEqual({
      ok: false,
      reason: 'amount_changed',
    });
    expect(await payments.checkPreCheckout({ ...query, currency: 'USD' })).toEqual({
      ok: false,
      reason: 'amount_changed',
    });
    expect(await payments.checkPreCheckout({ ...query, payload: 'forged-payload' })).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await payments.checkPreCheckout({ ...query, telegramUserId: 1 })).toEqual({
      ok: false,
      reason: 'not_yours',
    });
    const later = new Date(Date.now() + INVOICE_TTL_MS + 1000);
    expect(await payments.checkPreCheckout(query, later)).toEqual({ ok: false, reason: 'expired' });

    await catalog.setActive(product.id, false);
    try {
      expect(await payments.checkPreCheckout(query)).toEqual({ ok: false, reason: 'product_unavailable' });
    } finally {
      await catalog.setActive(product.id, true);
    }
    await payments.openInvoice(order.id, 'card');
    expect(await payments.checkPreCheckout(query)).toEqual({ ok: false, reason: 'outdated' });
  });

  it('refuses the invoice of a cancelled order', async () => {
    const payments = service();
    const { user, order } = await customerWithOrder();
    const opened = await payments.openInvoice(order.id, 'stars');
    if (!opened.ok) throw new Error('not opened');
    await ordersService.cancelByCustomer(order.id, user.id);
    const result = await payments.checkPreCheckout({
      payload: opened.invoice.payload,
      telegramUserId: user.telegramId,
      currency: STARS,
      amount: opened.invoice.amount,
    });
    expect(result).toEqual({ ok: false, reason: 'cancelled' });
    expect(await payments.openInvoice(order.id, 'stars')).toEqual({ ok: false, reason: 'cancelled' });
  });
});

describe('successful payments', () => {
  it('records a charge delivered twice once', async () => {
    const payments = service();
    const { user, order } = await customerWithOrder();
    const opened = await payments.openInvoice(order.id, 'card');
    if (!opened.ok) throw new Error('not opened');
    const input = {
      payload: opened.invoice.payload,
      currency: 'RUB',
      amount: opened.invoice.amount,
      telegramChargeId: charge(),
      providerChargeId: 'provider-1',
    };
    const first = await payments.recordPayment(input);
    const second = await payments.recordPayment(input);
    expect(first).toMatchObject({ ok: true, created: true, order: { paymentState: 'paid' } });
    expect(second).toMatchObject({ ok: true, created: false, order: { paymentState: 'paid' } });
    expect(await payments.paymentsOf(order.id)).toHaveLength(1);
    const paidQuery = {
      payload: opened.invoice.payload,
      telegramUserId: user.telegramId,
      currency: 'RUB',
      amount: opened.invoice.amount,
    };
    expect(await payments.checkPreCheckout(paidQuery)).toEqual({ ok: false, reason: 'already_paid' });
  });

  it('records a charge delivered to two instances at the same moment once', async () => {
    if (!onPostgres()) return;
    const payments = service();
    const { order } = await customerWithOrder();
    const opened = await payments.openInvoice(order.id, 'stars');
    if (!opened.ok) throw new Error('not opened');
    const input = {
      payload: opened.invoice.payload,
      currency: STARS,
      amount: opened.invoice.amount,
      telegramChargeId: charge(),
      providerChargeId: undefined,
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => payments.recordPayment(input)));
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(results.every((r) => r.ok && r.order.paymentState === 'paid')).toBe(true);
    expect(await handle.db.select().from(paymentRows).where(eq(paymentRows.orderId, order.id))).toHaveLength(
      1,
    );
  });

  it('takes a deposit, then the remainder in the same currency', async () => {
    const payments = service(DEPOSIT);
    const { user, order } = await customerWithOrder();
    const deposit = await payments.openInvoice(order.id, 'stars');
    if (!deposit.ok) throw new Error('not opened');
    expect(deposit.invoice).toMatchObject({ kind: 'deposit', amount: 2251 });
    const paid = await payments.recordPayment({
      payload: deposit.invoice.payload,
      currency: STARS,
      amount: 2251,
      telegramChargeId: charge(),
      providerChargeId: undefined,
    });
    expect(paid).toMatchObject({ ok: true, order: { paymentState: 'deposit_paid' } });
    expect(await payments.openInvoice(order.id, 'card')).toEqual({ ok: false, reason: 'method_unavailable' });
    const rest = await payments.openInvoice(order.id);
    if (!rest.ok) throw new Error('remainder not opened');
    expect(rest.invoice).toMatchObject({ kind: 'remainder', currency: STARS, amount: 7501 - 2251 });
    expect(
      await payments.checkPreCheckout({
        payload: rest.invoice.payload,
        telegramUserId: user.telegramId,
        currency: STARS,
        amount: 5250,
      }),
    ).toMatchObject({ ok: true });
    const done = await payments.recordPayment({
      payload: rest.invoice.payload,
      currency: STARS,
      amount: 5250,
      telegramChargeId: charge(),
      providerChargeId: undefined,
    });
    expect(done).toMatchObject({ ok: true, created: true, order: { paymentState: 'paid' } });
    expect(await payments.due(order.id)).toEqual({ ok: false, reason: 'nothing_due' });
  });
});

describe('refunds', () => {
  async function paidOrder(method: 'card' | 'stars') {
    const payments = service();
    const { order } = await customerWithOrder();
    const opened = await payments.openInvoice(order.id, method);
    if (!opened.ok) throw new Error('not opened');
    await payments.recordPayment({
      payload: opened.invoice.payload,
      currency: opened.invoice.currency,
      amount: opened.invoice.amount,
      telegramChargeId: charge(),
      providerChargeId: method === 'card' ? 'prov' : undefined,
    });
    return { payments, order };
  }

  it('claims a Stars payment for one refund only, also when two owners press at once', async () => {
    const { payments, order } = await paidOrder('stars');
    const claims = await Promise.all([
      payments.claimStarRefunds(order.id),
      payments.claimStarRefunds(order.id),
    ]);
    const claimed = claims.flat();
    expect(claimed).toHaveLength(1);
    const [refund] = claimed;
    if (!refund) throw new Error('nothing claimed');
    const settled = await payments.finishStarRefund(refund.payment.id, true);
    expect(settled?.paymentState).toBe('refunded');
    expect(await payments.claimStarRefunds(order.id)).toEqual([]);
  });

  it('gives a failed Stars refund back to be tried again', async () => {
    const { payments, order } = await paidOrder('stars');
    const [refund] = await payments.claimStarRefunds(order.id);
    if (!refund) throw new Error('nothing claimed');
    expect(await payments.finishStarRefund(refund.payment.id, false)).toMatchObject({ paymentState: 'paid' });
    expect(await payments.claimStarRefunds(order.id)).toHaveLength(1);
  });

  it('marks card payments "refund requested", then refunded', async () => {
    const { payments, order } = await paidOrder('card');
    expect(await payments.claimStarRefunds(order.id)).toEqual([]);
    expect(await payments.requestCardRefund(order.id)).toHaveLength(1);
    expect(await payments.requestCardRefund(order.id)).toHaveLength(0);
    expect((await ordersService.byId(order.id))?.paymentState).toBe('refund_requested');
    expect(await payments.confirmCardRefund(order.id)).toHaveLength(1);
    expect((await ordersService.byId(order.id))?.paymentState).toBe('refunded');
  });
});

describe('statistics', () => {
  it('counts money received from customers per currency, without refunds or staff purchases', async () => {
    const fresh = await createTestDatabase();
    try {
      const db = fresh.db;
      const payments = new PaymentService(db, FULL);
      const u = new UserService(db);
      const c = new CatalogService(db);
      const o = new OrderService(db);
      const created = await c.create({ title: 'Stat', description: 'x', price: 1000, deadlineDays: 1 });
      if (!created.ok) throw new Error('setup');
      const pay = async (telegramId: number, method: 'card' | 'stars') => {
        const user = await u.register({ id: telegramId, first_name: 'S' });
        const placed = await o.placeOrder({
          userId: user.id,
          productId: created.product.id,
          email: `s${telegramId}@example.com`,
          promoCode: null,
          checkoutKey: `stat-${telegramId}`,
        });
        if (!placed.ok) throw new Error('order');
        const opened = await payments.openInvoice(placed.order.id, method);
        if (!opened.ok) throw new Error('invoice');
        await payments.recordPayment({
          payload: opened.invoice.payload,
          currency: opened.invoice.currency,
          amount: opened.invoice.amount,
          telegramChargeId: charge(),
          providerChargeId: undefined,
        });
        return placed.order;
      };
      await pay(1001, 'card');
      await pay(1002, 'card');
      await pay(1003, 'stars');
      const refunded = await pay(1004, 'stars');
      const [claim] = await payments.claimStarRefunds(refunded.id);
      if (claim) await payments.finishStarRefund(claim.payment.id, true);
      await pay(2001, 'card'); // an owner's test purchase
      await db.insert(staff).values({ telegramId: 2002, role: 'support' });
      await pay(2002, 'stars'); // an agent's
      const stats = new StatsService(db, [2001]);
      expect(await stats.paidRevenue()).toEqual([
        { currency: 'RUB', amount: 200_000, payments: 2 },
        { currency: STARS, amount: 500, payments: 1 },
      ]);
      const promised = await stats.overview();
      expect(promised.revenue).toBe(0); // no order is done: paid money is not "promised" revenue
      expect(await db.select().from(orders)).toHaveLength(6);
    } finally {
      await fresh.close();
    }
  });
});
