import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { isCheckViolation, isForeignKeyViolation, isUniqueViolation } from '../db/errors.js';
import { promoCodes, promoRedemptions } from '../db/schema/index.js';
import type { MessageKey } from '../text/locale-keys.js';
import { type Page, PRICE_MAX } from './catalog.js';

export type PromoCode = typeof promoCodes.$inferSelect;
export type PromoKind = PromoCode['kind'];

/**
 * Why a code cannot be used at checkout. A personal code of another user is reported as
 * `unknown`: its existence is nobody else's business.
 */
export type PromoRefusal =
  | 'unknown'
  | 'inactive'
  | 'expired'
  | 'not_for_product'
  | 'used_up'
  | 'already_used_by_you';

export type PromoCheck =
  | { ok: true; promo: PromoCode; discount: number; finalPrice: number }
  | { ok: false; reason: PromoRefusal };

export const CODE_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;

/**
 * The discount of `promo` on `price`: percent of the price rounded down to whole roubles, or the
 * fixed amount; never more than the price, so the final price never goes below 0.
 */
export function discountFor(promo: Pick<PromoCode, 'kind' | 'value'>, price: number): number {
  const raw = promo.kind === 'percent' ? Math.floor((price * promo.value) / 100) : promo.value;
  return Math.max(0, Math.min(price, raw));
}

/**
 * The first rule `promo` breaks for this user and product, checked in the order a customer
 * understands best; undefined when it may be used. `userUses` is how often the user redeemed it.
 */
export function promoRefusal(
  promo: PromoCode | undefined,
  context: { userId: number; productId: number; userUses: number; now: Date },
): PromoRefusal | undefined {
  if (!promo) return 'unknown';
  if (promo.ownerUserId !== null && promo.ownerUserId !== context.userId) return 'unknown';
  if (!promo.isActive) return 'inactive';
  if (promo.expiresAt && promo.expiresAt.getTime() <= context.now.getTime()) return 'expired';
  if (promo.productId !== null && promo.productId !== context.productId) return 'not_for_product';
  if (context.userUses >= promo.perUserLimit) return 'already_used_by_you';
  if (promo.maxUses !== null && promo.usesCount >= promo.maxUses) return 'used_up';
  return undefined;
}

const PROMO_REFUSAL_KEY: Record<PromoRefusal, MessageKey> = {
  unknown: 'order-promo-unknown',
  inactive: 'order-promo-inactive',
  expired: 'order-promo-expired',
  not_for_product: 'order-promo-not-for-product',
  already_used_by_you: 'order-promo-already-used-by-you',
  used_up: 'order-promo-used-up',
};

/** Fluent key of a refusal, e.g. `order-promo-used-up`. */
export const promoRefusalKey = (reason: PromoRefusal): MessageKey => PROMO_REFUSAL_KEY[reason];

export interface PromoInput {
  code: string;
  kind: PromoKind;
  value: number;
  /** Null or absent: every product. */
  productId?: number | null;
  expiresAt?: Date | null;
  /** Null or absent: unlimited. */
  maxUses?: number | null;
  /** Default 1. */
  perUserLimit?: number;
  isActive?: boolean;
  /** A personal code only this user (users.id) may redeem. */
  ownerUserId?: number | null;
}

export type PromoInputError =
  | 'code_invalid'
  | 'code_taken'
  | 'value_invalid'
  | 'max_uses_invalid'
  | 'per_user_limit_invalid'
  | 'expires_invalid'
  | 'product_unknown';

export type PromoSaveResult =
  | { ok: true; promo: PromoCode }
  | { ok: false; reason: PromoInputError }
  | { ok: false; reason: 'not_found' };

/** A code as admins may type it: 3–32 characters of A-Z a-z 0-9 _ - (matched case-insensitively). */
export function validatePromoCode(raw: string): string | undefined {
  const code = raw.trim();
  return CODE_PATTERN.test(code) ? code : undefined;
}

/** Percent 1–100 or a fixed amount 1 … PRICE_MAX roubles. */
export function validatePromoValue(kind: PromoKind, value: number): boolean {
  if (!Number.isSafeInteger(value) || value < 1) return false;
  return kind === 'percent' ? value <= 100 : value <= PRICE_MAX;
}

function checkInput(input: Partial<PromoInput>, kind: PromoKind | undefined): PromoInputError | undefined {
  if (input.code !== undefined && validatePromoCode(input.code) === undefined) return 'code_invalid';
  if (input.value !== undefined && kind !== undefined && !validatePromoValue(kind, input.value)) {
    return 'value_invalid';
  }
  if (input.maxUses != null && (!Number.isSafeInteger(input.maxUses) || input.maxUses < 1)) {
    return 'max_uses_invalid';
  }
  if (input.maxUses != null && input.maxUses > 2_147_483_647) return 'max_uses_invalid';
  if (
    input.perUserLimit !== undefined &&
    (!Number.isSafeInteger(input.perUserLimit) || input.perUserLimit < 1 || input.perUserLimit > 1_000_000)
  ) {
    return 'per_user_limit_invalid';
  }
  if (input.expiresAt != null && Number.isNaN(input.expiresAt.getTime())) return 'expires_invalid';
  return undefined;
}

export interface PromoWithUsage extends PromoCode {
  /** Redemptions recorded for orders (cancelled orders give theirs back). */
  redemptions: number;
}

/** Promo codes: checkout validation, race-safe redemption inside the order transaction, and CRUD for admins. */
export class PromoService {
  constructor(private readonly db: Executor) {}

  /** The code, matched case-insensitively. */
  async byCode(code: string): Promise<PromoCode | undefined> {
    const trimmed = code.trim();
    if (trimmed.length === 0 || trimmed.length > 32) return undefined;
    const [row] = await this.db
      .select()
      .from(promoCodes)
      .where(sql`lower(${promoCodes.code}) = lower(${trimmed})`);
    return row;
  }

  async byId(id: number): Promise<PromoCode | undefined> {
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
    const [row] = await this.db.select().from(promoCodes).where(eq(promoCodes.id, id));
    return row;
  }

  /** How many times `userId` redeemed the code (one redemption per order). */
  async usesBy(promoId: number, userId: number): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(promoRedemptions)
      .where(and(eq(promoRedemptions.promoCodeId, promoId), eq(promoRedemptions.userId, userId)));
    return row?.n ?? 0;
  }

  /**
   * Checks `code` for this user, product and price without using it: the discount and final price,
   * or the exact reason it is refused. The check is repeated atomically by {@link claim} at confirmation.
   */
  async validate(
    code: string,
    userId: number,
    productId: number,
    price: number,
    now = new Date(),
  ): Promise<PromoCheck> {
    const promo = await this.byCode(code);
    const userUses = promo ? await this.usesBy(promo.id, userId) : 0;
    const reason = promoRefusal(promo, { userId, productId, userUses, now });
    if (reason || !promo) return { ok: false, reason: reason ?? 'unknown' };
    const discount = discountFor(promo, price);
    return { ok: true, promo, discount, finalPrice: price - discount };
  }

  /**
   * Takes one use of the code. Call it inside the order transaction (construct the service with the
   * transaction) and roll back when it refuses. One conditional `UPDATE … SET uses_count = uses_count + 1
   * … RETURNING` takes the last use atomically and locks the code's row until commit; the per-user
   * count is read after that lock is held, so it sees every committed redemption of this code and
   * two concurrent checkouts of one user cannot both pass the per-user limit.
   */
  async claim(code: string, userId: number, productId: number, price: number): Promise<PromoCheck> {
    const found = await this.byCode(code);
    if (!found) return { ok: false, reason: 'unknown' };
    const [promo] = await this.db
      .update(promoCodes)
      .set({ usesCount: sql`${promoCodes.usesCount} + 1` })
      .where(
        and(
          eq(promoCodes.id, found.id),
          eq(promoCodes.isActive, true),
          sql`(${promoCodes.maxUses} is null or ${promoCodes.usesCount} < ${promoCodes.maxUses})`,
          sql`(${promoCodes.expiresAt} is null or ${promoCodes.expiresAt} > now())`,
          sql`(${promoCodes.productId} is null or ${promoCodes.productId} = ${productId})`,
          sql`(${promoCodes.ownerUserId} is null or ${promoCodes.ownerUserId} = ${userId})`,
        ),
      )
      .returning();
    if (!promo) {
      const current = await this.byId(found.id);
      const userUses = current ? await this.usesBy(current.id, userId) : 0;
      const reason = promoRefusal(current, { userId, productId, userUses, now: new Date() });
      return { ok: false, reason: reason ?? 'used_up' };
    }
    if ((await this.usesBy(promo.id, userId)) >= promo.perUserLimit) {
      return { ok: false, reason: 'already_used_by_you' };
    }
    const discount = discountFor(promo, price);
    return { ok: true, promo, discount, finalPrice: price - discount };
  }

  /** Records the redemption of a claimed code by an order (same transaction as {@link claim}). */
  async recordRedemption(promoId: number, userId: number, orderId: number): Promise<void> {
    await this.db.insert(promoRedemptions).values({ promoCodeId: promoId, userId, orderId });
  }

  /**
   * Gives back the use an order took (the order was cancelled): deletes its redemption and
   * decrements the counter. Call inside the cancelling transaction.
   */
  async releaseForOrder(orderId: number): Promise<void> {
    const released = await this.db
      .delete(promoRedemptions)
      .where(eq(promoRedemptions.orderId, orderId))
      .returning({ promoId: promoRedemptions.promoCodeId });
    for (const { promoId } of released) {
      await this.db
        .update(promoCodes)
        .set({ usesCount: sql`greatest(${promoCodes.usesCount} - 1, 0)` })
        .where(eq(promoCodes.id, promoId));
    }
  }

  /** Creates a code; a code that differs from an existing one only in letter case is `code_taken`. */
  async create(input: PromoInput): Promise<PromoSaveResult> {
    const error = checkInput(input, input.kind);
    if (error) return { ok: false, reason: error };
    try {
      const [promo] = await this.db
        .insert(promoCodes)
        .values({
          code: input.code.trim(),
          kind: input.kind,
          value: input.value,
          productId: input.productId ?? null,
          expiresAt: input.expiresAt ?? null,
          maxUses: input.maxUses ?? null,
          perUserLimit: input.perUserLimit ?? 1,
          isActive: input.isActive ?? true,
          ownerUserId: input.ownerUserId ?? null,
        })
        .returning();
      if (!promo) throw new Error('promo insert returned no row');
      return { ok: true, promo };
    } catch (e) {
      if (isUniqueViolation(e, 'promo_codes_code_lower_uq')) return { ok: false, reason: 'code_taken' };
      if (isForeignKeyViolation(e)) return { ok: false, reason: 'product_unknown' };
      throw e;
    }
  }

  /**
   * Changes the given fields and bumps updated_on. Lowering max_uses below the uses already taken
   * is refused as `max_uses_invalid` (the database's CHECK keeps uses_count ≤ max_uses).
   */
  async update(id: number, patch: Partial<PromoInput>): Promise<PromoSaveResult> {
    const current = await this.byId(id);
    if (!current) return { ok: false, reason: 'not_found' };
    const kind = patch.kind ?? current.kind;
    const error = checkInput({ ...patch, value: patch.value ?? current.value }, kind);
    if (error) return { ok: false, reason: error };
    if (patch.maxUses != null && patch.maxUses < current.usesCount)
      return { ok: false, reason: 'max_uses_invalid' };
    const set: Partial<typeof promoCodes.$inferInsert> = {};
    if (patch.code !== undefined) set.code = patch.code.trim();
    if (patch.kind !== undefined) set.kind = patch.kind;
    if (patch.value !== undefined) set.value = patch.value;
    if (patch.productId !== undefined) set.productId = patch.productId;
    if (patch.expiresAt !== undefined) set.expiresAt = patch.expiresAt;
    if (patch.maxUses !== undefined) set.maxUses = patch.maxUses;
    if (patch.perUserLimit !== undefined) set.perUserLimit = patch.perUserLimit;
    if (patch.isActive !== undefined) set.isActive = patch.isActive;
    if (patch.ownerUserId !== undefined) set.ownerUserId = patch.ownerUserId;
    try {
      const [promo] = await this.db
        .update(promoCodes)
        .set({ ...set, updatedOn: sql`now()` })
        .where(eq(promoCodes.id, id))
        .returning();
      return promo ? { ok: true, promo } : { ok: false, reason: 'not_found' };
    } catch (e) {
      if (isUniqueViolation(e, 'promo_codes_code_lower_uq')) return { ok: false, reason: 'code_taken' };
      if (isForeignKeyViolation(e)) return { ok: false, reason: 'product_unknown' };
      if (isCheckViolation(e)) return { ok: false, reason: 'max_uses_invalid' };
      throw e;
    }
  }

  async setActive(id: number, active: boolean): Promise<PromoCode | undefined> {
    const [promo] = await this.db
      .update(promoCodes)
      .set({ isActive: active, updatedOn: sql`now()` })
      .where(eq(promoCodes.id, id))
      .returning();
    return promo;
  }

  /** Deletes a code; orders keep the code's text and their discount (promo_code_id becomes null). */
  async delete(id: number): Promise<boolean> {
    const rows = await this.db
      .delete(promoCodes)
      .where(eq(promoCodes.id, id))
      .returning({ id: promoCodes.id });
    return rows.length > 0;
  }

  /** Codes with their usage, oldest first, for the admin list. Personal codes are included. */
  async list(page = 0, perPage = 10): Promise<Page<PromoWithUsage>> {
    const [totalRow] = await this.db.select({ n: count() }).from(promoCodes);
    const total = totalRow?.n ?? 0;
    const pages = Math.max(1, Math.ceil(total / perPage));
    const at = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
    const rows = await this.db
      .select({
        promo: promoCodes,
        redemptions: sql<number>`(select count(*)::int from promo_redemptions r where r.promo_code_id = "promo_codes"."id")`,
      })
      .from(promoCodes)
      .orderBy(asc(promoCodes.id))
      .limit(perPage)
      .offset(at * perPage);
    return {
      items: rows.map((r) => ({ ...r.promo, redemptions: Number(r.redemptions) })),
      total,
      page: at,
      pages,
    };
  }
}
