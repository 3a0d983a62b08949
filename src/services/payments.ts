import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { PaymentsConfig } from '../config.js';
import type { Executor } from '../db/client.js';
import { categories, invoices, orders, payments, products, users } from '../db/schema/index.js';
import { minorDigits } from '../text/format.js';
import type { Order } from './orders.js';

export type Invoice = typeof invoices.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type InvoiceKind = Invoice['kind'];
export type PaymentState = Order['paymentState'];
export type PaymentMethod = 'card' | 'stars';

/** Telegram Stars' currency code. */
export const STARS = 'XTR';

/** Telegram takes at most this many stars in one invoice: a larger sum is not offered in Stars. */
export const STARS_MAX_PER_INVOICE = 10_000;

/** How long an invoice can be paid: after that the pre-checkout refuses it and the customer asks anew. */
export const INVOICE_TTL_MS = 24 * 60 * 60 * 1000;

/** A sum of money in the smallest unit of its currency (kopecks, or whole stars). */
export interface Money {
  currency: string;
  amount: number;
}

/** What the customer is asked to pay now, and for which part of the order. */
export interface Due extends Money {
  kind: InvoiceKind;
  method: PaymentMethod;
  /** The whole order in this currency (the deposit's base). */
  total: number;
}

export type DueRefusal = 'not_found' | 'cancelled' | 'nothing_due' | 'method_unavailable';

export type PreCheckoutRefusal =
  | 'unknown'
  | 'not_yours'
  | 'expired'
  | 'outdated'
  | 'already_paid'
  | 'cancelled'
  | 'amount_changed'
  | 'product_unavailable';

export type PreCheckoutResult = { ok: true; invoice: Invoice } | { ok: false; reason: PreCheckoutRefusal };

export interface SuccessfulPaymentInput extends Money {
  payload: string;
  telegramChargeId: string;
  providerChargeId: string | undefined;
}

export type RecordPaymentResult =
  | {
      ok: true;
      /** False when this charge was recorded before (a second delivery): nothing changed. */
      created: boolean;
      payment: Payment;
      invoice: Invoice;
      order: Order;
    }
  | { ok: false; reason: 'unknown_invoice' };

/** A Stars payment claimed for a refund, with the customer to refund. */
export interface StarRefund {
  payment: Payment;
  customerTelegramId: number;
}

/** What an order card says about the money. */
export interface PaymentSummary {
  state: PaymentState;
  /** Received and not refunded (in the currency of the first payment). */
  paid: Money | undefined;
  /** Still due after a deposit. */
  due: Money | undefined;
  refunded: Money | undefined;
  /** Stars payments an owner can refund with refundStarPayment. */
  starsRefundable: boolean;
  /** Card payments an owner can mark "refund requested". */
  cardRefundable: boolean;
  /** Card payments marked for a refund at the provider, not confirmed yet. */
  refundRequested: boolean;
}

/** Thrown inside a transaction to roll it back with a refusal for the caller. */
class DueRefused extends Error {
  constructor(readonly reason: DueRefusal) {
    super(reason);
  }
}

/**
 * Telegram Payments for orders: what is due (full price, a deposit, the remainder; by card in
 * PAYMENTS_CURRENCY or in Stars), invoices with random payloads, the pre-checkout re-check, each
 * payment recorded exactly once by its Telegram charge id, and refunds. Amounts are integers in
 * the currency's smallest unit throughout; order prices are whole roubles.
 */
export class PaymentService {
  constructor(
    private readonly db: Executor,
    readonly config: PaymentsConfig | undefined,
  ) {}

  /** The methods a customer can pay with: card first, then Stars. Empty when payments are off. */
  methods(): PaymentMethod[] {
    const methods: PaymentMethod[] = [];
    if (this.config?.card) methods.push('card');
    if (this.config?.stars) methods.push('stars');
    return methods;
  }

  get enabled(): boolean {
    return this.config !== undefined;
  }

  /** The currency a method charges in. */
  currencyOf(method: PaymentMethod): string | undefined {
    if (method === 'stars') return this.config?.stars ? STARS : undefined;
    return this.config?.card?.currency;
  }

  /**
   * The whole order in a method's currency: the final price (after the promo code) in the
   * smallest unit, or in stars rounded up (the rate is roubles per star).
   */
  totalOf(order: Pick<Order, 'finalPrice'>, method: PaymentMethod): Money | undefined {
    const currency = this.currencyOf(method);
    if (!currency) return undefined;
    if (method === 'stars') {
      const rate = this.config?.stars?.rateMinor ?? 0;
      // finalPrice roubles = finalPrice × 100 hundredths; integer ceiling division.
      return { currency, amount: Math.floor((order.finalPrice * 100 + rate - 1) / rate) };
    }
    return { currency, amount: order.finalPrice * 10 ** minorDigits(currency) };
  }

  /** The deposit of `total`: PAYMENTS_DEPOSIT_PERCENT of it, rounded up to the smallest unit. */
  depositOf(total: number): number {
    const percent = this.config?.depositPercent ?? 100;
    return Math.floor((total * percent + 99) / 100);
  }

  /**
   * What the order's customer should pay now with `method` (undefined: the method of the payment
   * already made, for a remainder): the full price or the deposit while unpaid, the rest after a
   * deposit (in the deposit's currency only).
   */
  async due(
    orderId: number,
    method?: PaymentMethod,
  ): Promise<{ ok: true; due: Due; order: Order } | { ok: false; reason: DueRefusal }> {
    const order = await this.orderById(this.db, orderId);
    if (!order) return { ok: false, reason: 'not_found' };
    try {
      return { ok: true, due: await this.dueOf(this.db, order, method), order };
    } catch (error) {
      if (error instanceof DueRefused) return { ok: false, reason: error.reason };
      throw error;
    }
  }

  private async orderById(db: Executor, orderId: number, lock = false): Promise<Order | undefined> {
    if (!Number.isSafeInteger(orderId) || orderId < 1 || orderId > 2_147_483_647) return undefined;
    const query = db.select().from(orders).where(eq(orders.id, orderId));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  }

  private async dueOf(db: Executor, order: Order, method: PaymentMethod | undefined): Promise<Due> {
    if (order.state === 'cancelled') throw new DueRefused('cancelled');
    if (order.paymentState === 'unpaid') {
      const chosen = method ?? this.methods()[0];
      const total = chosen ? this.totalOf(order, chosen) : undefined;
      if (!chosen || !total) throw new DueRefused('method_unavailable');
      if (total.amount <= 0) throw new DueRefused('nothing_due');
      const deposit = this.depositOf(total.amount);
      const kind = deposit < total.amount ? 'deposit' : 'full';
      if (chosen === 'stars' && (kind === 'deposit' ? deposit : total.amount) > STARS_MAX_PER_INVOICE) {
        throw new DueRefused('method_unavailable');
      }
      return {
        ...total,
        kind,
        amount: kind === 'deposit' ? deposit : total.amount,
        method: chosen,
        total: total.amount,
      };
    }
    if (order.paymentState !== 'deposit_paid') throw new DueRefused('nothing_due');
    const paid = await this.livePayments(db, order.id);
    const currency = paid[0]?.currency;
    const paidMethod: PaymentMethod = currency === STARS ? 'stars' : 'card';
    if (!currency || (method !== undefined && method !== paidMethod))
      throw new DueRefused('method_unavailable');
    const total = this.totalOf(order, paidMethod);
    if (!total || total.currency !== currency) throw new DueRefused('method_unavailable');
    const rest = total.amount - paid.reduce((sum, p) => sum + (p.currency === currency ? p.amount : 0), 0);
    if (rest <= 0) throw new DueRefused('nothing_due');
    if (paidMethod === 'stars' && rest > STARS_MAX_PER_INVOICE) throw new DueRefused('method_unavailable');
    return { currency, amount: rest, kind: 'remainder', method: paidMethod, total: total.amount };
  }

  /** The order's payments that were not refunded, oldest first. */
  private livePayments(db: Executor, orderId: number): Promise<Payment[]> {
    return db
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, orderId), sql`${payments.refundState} is distinct from 'refunded'`))
      .orderBy(asc(payments.id));
  }

  /**
   * A new invoice for what is due now, in one transaction: the order is locked, older open
   * invoices of it are voided (only the newest can be paid), and the row gets a random payload
   * (16 random bytes, base64url: 22 characters).
   */
  async openInvoice(
    orderId: number,
    method?: PaymentMethod,
    now = new Date(),
  ): Promise<{ ok: true; invoice: Invoice; order: Order; due: Due } | { ok: false; reason: DueRefusal }> {
    try {
      return await this.db.transaction(async (tx) => {
        const order = await this.orderById(tx, orderId, true);
        if (!order) throw new DueRefused('not_found');
        const due = await this.dueOf(tx, order, method);
        await tx
          .update(invoices)
          .set({ state: 'void' })
          .where(and(eq(invoices.orderId, order.id), eq(invoices.state, 'open')));
        const [invoice] = await tx
          .insert(invoices)
          .values({
            payload: randomBytes(16).toString('base64url'),
            orderId: order.id,
            kind: due.kind,
            currency: due.currency,
            amount: due.amount,
            expiresAt: new Date(now.getTime() + INVOICE_TTL_MS),
          })
          .returning();
        if (!invoice) throw new Error('invoice not inserted');
        return { ok: true as const, invoice, order, due };
      });
    } catch (error) {
      if (error instanceof DueRefused) return { ok: false, reason: error.reason };
      throw error;
    }
  }

  /** Voids the order's open invoices ("Pay later"): an invoice message left in the chat can no longer be paid. */
  async voidOpenInvoices(orderId: number): Promise<void> {
    await this.db
      .update(invoices)
      .set({ state: 'void' })
      .where(and(eq(invoices.orderId, orderId), eq(invoices.state, 'open')));
  }

  /**
   * The pre-checkout re-check, one read: the payload must name an open invoice of this person's
   * order that has not expired, the order must not be cancelled and still owe this part, the
   * amount and currency must be the invoice's, and the product must still be on sale.
   */
  async checkPreCheckout(
    input: Money & { payload: string; telegramUserId: number },
    now = new Date(),
  ): Promise<PreCheckoutResult> {
    if (input.payload.length > 64) return { ok: false, reason: 'unknown' };
    const [row] = await this.db
      .select({
        invoice: invoices,
        order: orders,
        telegramId: users.telegramId,
        // On sale: the service and its category both active (a disabled category takes its
        // services off sale).
        productActive: sql<boolean>`${products.isActive} and ${categories.isActive}`,
      })
      .from(invoices)
      .innerJoin(orders, eq(orders.id, invoices.orderId))
      .innerJoin(users, eq(users.id, orders.userId))
      .leftJoin(products, eq(products.id, orders.productId))
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(eq(invoices.payload, input.payload));
    if (!row) return { ok: false, reason: 'unknown' };
    const { invoice, order } = row;
    if (row.telegramId !== input.telegramUserId) return { ok: false, reason: 'not_yours' };
    if (order.state === 'cancelled') return { ok: false, reason: 'cancelled' };
    if (invoice.state === 'paid') return { ok: false, reason: 'already_paid' };
    if (invoice.state === 'void') return { ok: false, reason: 'outdated' };
    const owes =
      invoice.kind === 'remainder' ? order.paymentState === 'deposit_paid' : order.paymentState === 'unpaid';
    if (!owes) return { ok: false, reason: order.paymentState === 'paid' ? 'already_paid' : 'outdated' };
    if (invoice.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
    if (invoice.currency !== input.currency || invoice.amount !== input.amount) {
      return { ok: false, reason: 'amount_changed' };
    }
    if (row.productActive !== true) return { ok: false, reason: 'product_unavailable' };
    return { ok: true, invoice };
  }

  /**
   * Records a successful payment exactly once: the insert is `ON CONFLICT (telegram_payment_charge_id)
   * DO NOTHING`, in one transaction with the invoice (paid) and the order's payment state, so a second
   * delivery — on this instance or another — changes nothing and returns `created: false`.
   */
  async recordPayment(input: SuccessfulPaymentInput): Promise<RecordPaymentResult> {
    return this.db.transaction(async (tx) => {
      const [invoice] = await tx.select().from(invoices).where(eq(invoices.payload, input.payload));
      if (!invoice) return { ok: false as const, reason: 'unknown_invoice' as const };
      const [inserted] = await tx
        .insert(payments)
        .values({
          orderId: invoice.orderId,
          invoiceId: invoice.id,
          currency: input.currency,
          amount: input.amount,
          telegramChargeId: input.telegramChargeId,
          providerChargeId: input.providerChargeId ?? null,
        })
        .onConflictDoNothing({ target: payments.telegramChargeId })
        .returning();
      if (!inserted) {
        const [existing] = await tx
          .select()
          .from(payments)
          .where(eq(payments.telegramChargeId, input.telegramChargeId));
        const order = await this.orderById(tx, invoice.orderId);
        if (!existing || !order) throw new Error('recorded payment vanished');
        return { ok: true as const, created: false, payment: existing, invoice, order };
      }
      const [paidInvoice] = await tx
        .update(invoices)
        .set({ state: 'paid' })
        .where(eq(invoices.id, invoice.id))
        .returning();
      const order = await this.settle(tx, invoice.orderId);
      return { ok: true as const, created: true, payment: inserted, invoice: paidInvoice ?? invoice, order };
    });
  }

  /**
   * Sets the order's payment state from its payments: a refund requested wins; all refunded →
   * refunded; what is not refunded covers the order in its currency → paid; some → deposit_paid.
   */
  private async settle(tx: Executor, orderId: number): Promise<Order> {
    const order = await this.orderById(tx, orderId, true);
    if (!order) throw new Error('order vanished inside its transaction');
    const all = await tx.select().from(payments).where(eq(payments.orderId, orderId));
    const live = all.filter((p) => p.refundState !== 'refunded');
    let state: PaymentState;
    if (all.length === 0) state = 'unpaid';
    else if (all.some((p) => p.refundState === 'requested')) state = 'refund_requested';
    else if (live.length === 0) state = 'refunded';
    else {
      const currency = live[0]?.currency ?? STARS;
      const paid = live.reduce((sum, p) => sum + (p.currency === currency ? p.amount : 0), 0);
      const total = this.totalOf(order, currency === STARS ? 'stars' : 'card');
      // Without the method configured any more, what was paid is taken as paid in full.
      state = !total || total.currency !== currency || paid >= total.amount ? 'paid' : 'deposit_paid';
    }
    if (state === order.paymentState) return order;
    const [updated] = await tx
      .update(orders)
      .set({ paymentState: state, updatedOn: sql`now()` })
      .where(eq(orders.id, orderId))
      .returning();
    return updated ?? order;
  }

  /** The money side of an order for its card: one read of its payments. */
  async summary(order: Order): Promise<PaymentSummary> {
    const all = await this.paymentsOf(order.id);
    const sum = (list: Payment[]): Money | undefined => {
      const currency = list[0]?.currency;
      if (!currency) return undefined;
      return { currency, amount: list.reduce((n, p) => n + (p.currency === currency ? p.amount : 0), 0) };
    };
    const live = all.filter((p) => p.refundState !== 'refunded');
    const paid = sum(live);
    let due: Money | undefined;
    if (paid && order.paymentState === 'deposit_paid') {
      const total = this.totalOf(order, paid.currency === STARS ? 'stars' : 'card');
      if (total && total.currency === paid.currency && total.amount > paid.amount) {
        due = { currency: paid.currency, amount: total.amount - paid.amount };
      }
    }
    return {
      state: order.paymentState,
      paid,
      due,
      refunded: sum(all.filter((p) => p.refundState === 'refunded')),
      starsRefundable: all.some((p) => p.currency === STARS && p.refundState === null),
      cardRefundable: all.some((p) => p.currency !== STARS && p.refundState === null),
      refundRequested: all.some((p) => p.refundState === 'requested'),
    };
  }

  /** The order's payments, oldest first (refunded ones too). */
  paymentsOf(orderId: number): Promise<Payment[]> {
    return this.db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.id));
  }

  /**
   * Claims the order's Stars payments not refunded yet for a refund: one `UPDATE … WHERE
   * refund_state IS NULL RETURNING`, so two presses (or two owners) never refund a charge twice.
   * The caller calls refundStarPayment for each and then {@link finishStarRefund}.
   */
  async claimStarRefunds(orderId: number): Promise<StarRefund[]> {
    const claimed = await this.db
      .update(payments)
      .set({ refundState: 'pending' })
      .where(and(eq(payments.orderId, orderId), eq(payments.currency, STARS), isNull(payments.refundState)))
      .returning();
    if (claimed.length === 0) return [];
    const [customer] = await this.db
      .select({ telegramId: users.telegramId })
      .from(orders)
      .innerJoin(users, eq(users.id, orders.userId))
      .where(eq(orders.id, orderId));
    if (!customer) throw new Error('order without a customer');
    return claimed.map((payment) => ({ payment, customerTelegramId: customer.telegramId }));
  }

  /** After refundStarPayment: refunded (and the order's state settled), or given back to be tried again. */
  async finishStarRefund(paymentId: number, refunded: boolean): Promise<Order | undefined> {
    return this.db.transaction(async (tx) => {
      const [payment] = await tx
        .update(payments)
        .set(refunded ? { refundState: 'refunded', refundedAt: sql`now()` } : { refundState: null })
        .where(and(eq(payments.id, paymentId), eq(payments.refundState, 'pending')))
        .returning();
      return payment ? this.settle(tx, payment.orderId) : undefined;
    });
  }

  /**
   * Card payments are refunded by the owner at the provider: marks the order's card payments
   * "refund requested". Returns the payments marked (none when already marked or refunded).
   */
  async requestCardRefund(orderId: number): Promise<Payment[]> {
    return this.db.transaction(async (tx) => {
      const marked = await tx
        .update(payments)
        .set({ refundState: 'requested' })
        .where(and(eq(payments.orderId, orderId), ne(payments.currency, STARS), isNull(payments.refundState)))
        .returning();
      if (marked.length > 0) await this.settle(tx, orderId);
      return marked;
    });
  }

  /** The owner refunded the card payments at the provider: requested → refunded. */
  async confirmCardRefund(orderId: number): Promise<Payment[]> {
    return this.db.transaction(async (tx) => {
      const done = await tx
        .update(payments)
        .set({ refundState: 'refunded', refundedAt: sql`now()` })
        .where(and(eq(payments.orderId, orderId), eq(payments.refundState, 'requested')))
        .returning();
      if (done.length > 0) await this.settle(tx, orderId);
      return done;
    });
  }
}
