import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Executor } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { categories, orders, products, staffNotifications, users } from '../db/schema/index.js';
import type { Page } from './catalog.js';
import { type PromoRefusal, PromoService } from './promo.js';
import type { User } from './users.js';

export type Order = typeof orders.$inferSelect;
export type OrderState = Order['state'];

/** The ordered service's title as it was at checkout, in the reader's language (English when it had one). */
export const orderTitle = (order: Pick<Order, 'productTitle' | 'productTitleEn'>, locale: string): string =>
  locale === 'en' && order.productTitleEn ? order.productTitleEn : order.productTitle;
export const ORDER_STATES: readonly OrderState[] = ['created', 'in_work', 'done', 'cancelled'];

export interface OrderDetails {
  order: Order;
  customer: User;
  executor: User | null;
}

export type StaffNotification = typeof staffNotifications.$inferSelect;

export const CANCEL_REASON_MAX = 500;
const emailSchema = z.email();

/** The longest address SMTP can carry (RFC 5321: a 256-octet path less its angle brackets). */
export const EMAIL_MAX = 254;

export type EmailCheck = { ok: true; email: string } | { ok: false; reason: 'too_long' | 'invalid' };

/** An address as typed: trimmed and lower-cased when valid; too long or malformed otherwise. */
export function checkEmail(raw: string): EmailCheck {
  const email = raw.trim().toLowerCase();
  if (email.length > EMAIL_MAX) return { ok: false, reason: 'too_long' };
  if (!emailSchema.safeParse(email).success) return { ok: false, reason: 'invalid' };
  return { ok: true, email };
}

/** Trimmed and lower-cased when it is a valid address (≤ 254 characters), otherwise undefined. */
export function normalizeEmail(raw: string): string | undefined {
  const check = checkEmail(raw);
  return check.ok ? check.email : undefined;
}

export interface PlaceOrderInput {
  userId: number;
  productId: number;
  email: string;
  /** The code the customer entered, or null without one. */
  promoCode: string | null;
  /** A random key kept by the checkout dialog: the same key never creates a second order. */
  checkoutKey: string;
  /** The price the customer was shown: a different current price refuses with `price_changed`. */
  expectedPrice?: number;
}

export type PlaceOrderResult =
  | {
      ok: true;
      order: Order /** False when this checkout key had already created the order (a double tap). */;
      created: boolean;
    }
  | { ok: false; reason: 'email_invalid' | 'product_unavailable' | 'price_changed' }
  | { ok: false; reason: 'promo'; refusal: PromoRefusal };

export type TakeResult =
  | { ok: true; order: Order }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'already_taken'; order: Order; executor: User | null }
  | { ok: false; reason: 'wrong_state'; order: Order };

export type TransitionResult =
  | { ok: true; order: Order }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'wrong_state'; order: Order };

/** Thrown inside a transaction to roll it back with a result for the caller. */
class Refusal extends Error {
  constructor(readonly result: Extract<PlaceOrderResult, { ok: false }>) {
    super(result.reason);
  }
}

const executors = alias(users, 'executor');

/** Orders: checkout, the staff lifecycle (created → in_work → done, or cancelled) and the lists. */
/**
 * Saves `email` on the customer's record unless another record holds it: a savepoint, so a
 * customer saving the same address at the same instant leaves this order untouched.
 */
async function saveEmailUnlessShared(tx: Executor, userId: number, email: string): Promise<void> {
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint
        .update(users)
        .set({ email })
        .where(
          and(
            eq(users.id, userId),
            sql`not exists (select 1 from ${users} other
                            where lower(other.email) = ${email} and other.id <> ${userId})`,
          ),
        );
    });
  } catch (error) {
    if (!isUniqueViolation(error, 'users_email_unique')) throw error;
  }
}

export class OrderService {
  constructor(private readonly db: Executor) {}

  /**
   * Places an order in one transaction: the order keeps the contact email it was placed with; the
   * customer's record saves it too unless another customer's record holds it (users.email is
   * unique, as the seed asks — two people may still share one contact address, and a stranger is
   * never told that an address belongs to someone). It inserts the order with a snapshot of the product's title, price and deadline
   * (`ON CONFLICT (checkout_key) DO NOTHING`, so a double tap returns the first order with
   * `created: false`), and redeems the promo code race-safely. A new order whose product price is
   * no longer `expectedPrice` (what the summary showed) → `price_changed`. Any refusal writes nothing.
   */
  async placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
    const email = normalizeEmail(input.email);
    if (!email) return { ok: false, reason: 'email_invalid' };
    try {
      return await this.db.transaction(async (tx) => {
        const [product] = await tx
          .select()
          .from(products)
          .where(
            and(
              eq(products.id, input.productId),
              eq(products.isActive, true),
              // A service of a disabled category is not on sale either.
              sql`exists (select 1 from ${categories} where ${categories.id} = ${products.categoryId} and ${categories.isActive})`,
            ),
          )
          .for('share');
        if (!product) throw new Refusal({ ok: false, reason: 'product_unavailable' });
        if (input.expectedPrice !== undefined && product.price !== input.expectedPrice) {
          const [existing] = await tx.select().from(orders).where(eq(orders.checkoutKey, input.checkoutKey));
          if (!existing) throw new Refusal({ ok: false, reason: 'price_changed' });
        }

        await saveEmailUnlessShared(tx, input.userId, email);

        const [inserted] = await tx
          .insert(orders)
          .values({
            productId: product.id,
            userId: input.userId,
            productTitle: product.title,
            productTitleEn: product.titleEn,
            price: product.price,
            deadlineDays: product.deadlineDays,
            finalPrice: product.price,
            email,
            checkoutKey: input.checkoutKey,
          })
          .onConflictDoNothing({ target: orders.checkoutKey })
          .returning();
        if (!inserted) {
          const [existing] = await tx.select().from(orders).where(eq(orders.checkoutKey, input.checkoutKey));
          if (!existing || existing.userId !== input.userId) throw new Error('checkout key of another user');
          return { ok: true, order: existing, created: false } as const;
        }
        if (!input.promoCode) return { ok: true, order: inserted, created: true } as const;

        const promos = new PromoService(tx);
        const claim = await promos.claim(input.promoCode, input.userId, product.id, product.price);
        if (!claim.ok) throw new Refusal({ ok: false, reason: 'promo', refusal: claim.reason });
        await promos.recordRedemption(claim.promo.id, input.userId, inserted.id);
        const [order] = await tx
          .update(orders)
          .set({
            promoCodeId: claim.promo.id,
            promoCode: claim.promo.code,
            discount: claim.discount,
            finalPrice: claim.finalPrice,
          })
          .where(eq(orders.id, inserted.id))
          .returning();
        if (!order) throw new Error('order vanished inside its transaction');
        return { ok: true, order, created: true } as const;
      });
    } catch (error) {
      if (error instanceof Refusal) return error.result;
      throw error;
    }
  }

  async byId(id: number): Promise<Order | undefined> {
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
    const [row] = await this.db.select().from(orders).where(eq(orders.id, id));
    return row;
  }

  /** The order with its customer and executor (null until taken). */
  async details(id: number): Promise<OrderDetails | undefined> {
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
    const [row] = await this.db
      .select({ order: orders, customer: users, executor: executors })
      .from(orders)
      .innerJoin(users, eq(users.id, orders.userId))
      .leftJoin(executors, eq(executors.id, orders.executorUserId))
      .where(eq(orders.id, id));
    return row;
  }

  async byCheckoutKey(checkoutKey: string): Promise<Order | undefined> {
    const [row] = await this.db.select().from(orders).where(eq(orders.checkoutKey, checkoutKey));
    return row;
  }

  /**
   * Sets the executor atomically: one `UPDATE … WHERE state = 'created' RETURNING`. Whoever comes
   * second gets `already_taken` with the executor who won.
   */
  async take(orderId: number, executorUserId: number): Promise<TakeResult> {
    if (!(await this.byId(orderId))) return { ok: false, reason: 'not_found' };
    const [order] = await this.db
      .update(orders)
      .set({ state: 'in_work', executorUserId, takenAt: sql`now()`, updatedOn: sql`now()` })
      .where(and(eq(orders.id, orderId), eq(orders.state, 'created')))
      .returning();
    if (order) return { ok: true, order };
    const current = await this.details(orderId);
    if (!current) return { ok: false, reason: 'not_found' };
    if (current.order.state === 'in_work') {
      return { ok: false, reason: 'already_taken', order: current.order, executor: current.executor };
    }
    return { ok: false, reason: 'wrong_state', order: current.order };
  }

  /** Completes an order in work (in_work → done only). */
  async complete(orderId: number): Promise<TransitionResult> {
    const [order] = await this.db
      .update(orders)
      .set({ state: 'done', doneAt: sql`now()`, updatedOn: sql`now()` })
      .where(and(eq(orders.id, orderId), eq(orders.state, 'in_work')))
      .returning();
    return order ? { ok: true, order } : this.refuse(orderId);
  }

  /**
   * The customer withdraws their own order while nobody has taken it yet. Someone else's order is
   * `not_found` (nothing is revealed). The promo use it took is given back.
   */
  async cancelByCustomer(orderId: number, userId: number): Promise<TransitionResult> {
    const own = await this.byId(orderId);
    if (!own || own.userId !== userId) return { ok: false, reason: 'not_found' };
    return this.cancel(
      orderId,
      and(eq(orders.id, orderId), eq(orders.userId, userId), eq(orders.state, 'created')),
      { cancelledBy: 'customer', cancelReason: null },
    );
  }

  /** Staff cancel an order that is not finished yet (created or in_work), with a reason for the customer. */
  async cancelByStaff(orderId: number, reason: string): Promise<TransitionResult> {
    const text = reason.trim().slice(0, CANCEL_REASON_MAX);
    return this.cancel(orderId, and(eq(orders.id, orderId), inArray(orders.state, ['created', 'in_work'])), {
      cancelledBy: 'staff',
      cancelReason: text,
    });
  }

  private async cancel(
    orderId: number,
    where: ReturnType<typeof and>,
    fields: { cancelledBy: 'customer' | 'staff'; cancelReason: string | null },
  ): Promise<TransitionResult> {
    const order = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(orders)
        .set({ state: 'cancelled', ...fields, updatedOn: sql`now()` })
        .where(where)
        .returning();
      if (row) await new PromoService(tx).releaseForOrder(row.id);
      return row;
    });
    return order ? { ok: true, order } : this.refuse(orderId);
  }

  private async refuse(orderId: number): Promise<TransitionResult> {
    const current = await this.byId(orderId);
    return current
      ? { ok: false, reason: 'wrong_state', order: current }
      : { ok: false, reason: 'not_found' };
  }

  /** The customer's orders, newest first. */
  async listForUser(userId: number, page = 0, perPage = 5): Promise<Page<Order>> {
    const [totalRow] = await this.db.select({ n: count() }).from(orders).where(eq(orders.userId, userId));
    const total = totalRow?.n ?? 0;
    const pages = Math.max(1, Math.ceil(total / perPage));
    const at = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
    const items = await this.db
      .select()
      .from(orders)
      .where(eq(orders.userId, userId))
      .orderBy(desc(orders.createdOn), desc(orders.id))
      .limit(perPage)
      .offset(at * perPage);
    return { items, total, page: at, pages };
  }

  /**
   * Orders in the given states (all states when empty), newest first, with customer and executor:
   * the admin board.
   */
  async listByState(states: readonly OrderState[], page = 0, perPage = 5): Promise<Page<OrderDetails>> {
    const where = states.length > 0 ? inArray(orders.state, [...states]) : undefined;
    const [totalRow] = await this.db.select({ n: count() }).from(orders).where(where);
    const total = totalRow?.n ?? 0;
    const pages = Math.max(1, Math.ceil(total / perPage));
    const at = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
    const items = await this.db
      .select({ order: orders, customer: users, executor: executors })
      .from(orders)
      .innerJoin(users, eq(users.id, orders.userId))
      .leftJoin(executors, eq(executors.id, orders.executorUserId))
      .where(where)
      .orderBy(desc(orders.createdOn), desc(orders.id))
      .limit(perPage)
      .offset(at * perPage);
    return { items, total, page: at, pages };
  }

  /** How many orders are in each state. */
  async countByState(): Promise<Record<OrderState, number>> {
    const rows = await this.db.select({ state: orders.state, n: count() }).from(orders).groupBy(orders.state);
    const result: Record<OrderState, number> = { created: 0, in_work: 0, done: 0, cancelled: 0 };
    for (const row of rows) result[row.state] = row.n;
    return result;
  }

  /** Remembers that `chatId`/`messageId` shows this order to a staff member. */
  async recordNotification(orderId: number, chatId: number, messageId: number): Promise<void> {
    await this.db
      .insert(staffNotifications)
      .values({ kind: 'order', entityId: orderId, chatId, messageId })
      .onConflictDoNothing();
  }

  /** Every staff message that shows this order. */
  async notificationsOf(orderId: number): Promise<StaffNotification[]> {
    return this.db
      .select()
      .from(staffNotifications)
      .where(and(eq(staffNotifications.kind, 'order'), eq(staffNotifications.entityId, orderId)));
  }
}
