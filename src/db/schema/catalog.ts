import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * Groups of services a customer browses first (issue L). Titles per language: `title_en` null means
 * English-speaking customers see the Russian title. Position orders them; a disabled category hides
 * every service in it (list, search, inline results, deep links, checkout).
 */
export const categories = pgTable(
  'categories',
  {
    id: serial('id').primaryKey(),
    title: varchar('title', { length: 50 }).notNull(),
    titleEn: varchar('title_en', { length: 50 }),
    emoji: varchar('emoji', { length: 16 }),
    /** Telegram file_id of a photo for the category's list (optional). */
    photo: text('photo'),
    position: integer('position').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    createdOn: timestamp('created_on', { withTimezone: true }).notNull().defaultNow(),
    updatedOn: timestamp('updated_on', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('categories_title_lower_uq').on(sql`lower(${t.title})`),
    index('categories_position_idx').on(t.position, t.id),
  ],
);

/** The studio's services. Seed: title ≤ 50 unique, description ≤ 100, image, price, "diedline" (days). */
export const products = pgTable(
  'products',
  {
    id: serial('id').primaryKey(),
    /** Unique whatever the letter case ("Лендинг" and "лендинг" are one service): products_title_lower_uq. */
    title: varchar('title', { length: 50 }).notNull(),
    description: varchar('description', { length: 100 }).notNull(),
    /** English texts; null: English-speaking customers see the Russian ones. Same limits as ru. */
    titleEn: varchar('title_en', { length: 50 }),
    descriptionEn: varchar('description_en', { length: 100 }),
    /**
     * Every service is in one category; a category with services cannot be deleted (they move first).
     * Left out on insert (a script, an older tool), the first category by position is taken.
     */
    categoryId: integer('category_id')
      .notNull()
      .default(sql`phoenix_default_category()`)
      .references(() => categories.id, { onDelete: 'restrict' }),
    /** Telegram file_id of the photo (the seed's IMG): Telegram stores the bytes. */
    image: text('image'),
    price: integer('price').notNull(),
    deadlineDays: integer('deadline_days').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdOn: timestamp('created_on', { withTimezone: true }).notNull().defaultNow(),
    updatedOn: timestamp('updated_on', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_price_check', sql`${t.price} >= 0`),
    check('products_deadline_check', sql`${t.deadlineDays} > 0`),
    uniqueIndex('products_title_lower_uq').on(sql`lower(${t.title})`),
    uniqueIndex('products_title_en_lower_uq').on(sql`lower(${t.titleEn})`),
    index('products_category_idx').on(t.categoryId, t.id),
  ],
);

/**
 * The catalog's revision: one row, moved forward at the commit of every transaction that changed
 * `products` or `categories` (deferred triggers of migration 0010, so any writer counts — the admin
 * panel, the sandbox seed, a script, a restore). The "who is this" statement reads it on every update,
 * which lets an instance answer browsing screens from memory and still see another instance's change
 * on the very next update. A microsecond clock reading, never less than the last value plus one, so
 * it never goes back even when the row is wiped and written again.
 */
export const catalogRevision = pgTable(
  'catalog_revision',
  {
    id: smallint('id').primaryKey().default(1),
    revision: bigint('revision', { mode: 'number' }).notNull(),
  },
  (t) => [check('catalog_revision_one_row', sql`${t.id} = 1`)],
);

export const promoKind = pgEnum('promo_kind', ['percent', 'fixed']);

export const promoCodes = pgTable(
  'promo_codes',
  {
    id: serial('id').primaryKey(),
    /** As the admin typed it; matched case-insensitively (unique on lower(code)). */
    code: varchar('code', { length: 32 }).notNull(),
    kind: promoKind('kind').notNull(),
    /** Percent 1–100, or a fixed amount in roubles ≥ 1. */
    value: integer('value').notNull(),
    /** Null: valid for every product. */
    productId: integer('product_id').references(() => products.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Null: unlimited. */
    maxUses: integer('max_uses'),
    perUserLimit: integer('per_user_limit').notNull().default(1),
    /** Counter bumped atomically with the limit check, so the last use cannot be taken twice. */
    usesCount: integer('uses_count').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    /** A personal code (e.g. a win-back offer) only this user may redeem. */
    ownerUserId: integer('owner_user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdOn: timestamp('created_on', { withTimezone: true }).notNull().defaultNow(),
    updatedOn: timestamp('updated_on', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('promo_codes_code_lower_uq').on(sql`lower(${t.code})`),
    check('promo_codes_value_check', sql`${t.value} >= 1 and (${t.kind} <> 'percent' or ${t.value} <= 100)`),
    check('promo_codes_uses_check', sql`${t.maxUses} is null or ${t.usesCount} <= ${t.maxUses}`),
    check('promo_codes_per_user_check', sql`${t.perUserLimit} >= 1`),
  ],
);

export const orderState = pgEnum('order_state', ['created', 'in_work', 'done', 'cancelled']);

/**
 * Where the order's money stands: `unpaid` (nothing paid yet — also every order placed to pay
 * later), `deposit_paid` (a part paid, the rest due), `paid`, `refund_requested` (a card payment the
 * owner refunds at the provider), `refunded`. Changed only together with a `payments` row.
 */
export const paymentState = pgEnum('payment_state', [
  'unpaid',
  'deposit_paid',
  'paid',
  'refund_requested',
  'refunded',
]);

/**
 * Seed: product FK, user FK, state (created / in work / done), created_on, updated_on.
 * Title, price, promo code and discount are snapshots: deleting a product or a promo code
 * never changes what an order says.
 */
export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    productId: integer('product_id').references(() => products.id, { onDelete: 'set null' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    state: orderState('state').notNull().default('created'),
    productTitle: varchar('product_title', { length: 50 }).notNull(),
    /** The English title when the service had one at checkout (null: English readers see the Russian one). */
    productTitleEn: varchar('product_title_en', { length: 50 }),
    price: integer('price').notNull(),
    deadlineDays: integer('deadline_days').notNull(),
    promoCodeId: integer('promo_code_id').references(() => promoCodes.id, { onDelete: 'set null' }),
    promoCode: varchar('promo_code', { length: 32 }),
    discount: integer('discount').notNull().default(0),
    finalPrice: integer('final_price').notNull(),
    email: text('email').notNull(),
    /** Idempotency key of one checkout: a double tap on Confirm inserts once. */
    checkoutKey: text('checkout_key').notNull().unique(),
    executorUserId: integer('executor_user_id').references(() => users.id),
    cancelReason: text('cancel_reason'),
    cancelledBy: text('cancelled_by', { enum: ['customer', 'staff'] }),
    createdOn: timestamp('created_on', { withTimezone: true }).notNull().defaultNow(),
    updatedOn: timestamp('updated_on', { withTimezone: true }).notNull().defaultNow(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    paymentState: paymentState('payment_state').notNull().default('unpaid'),
  },
  (t) => [
    index('orders_user_idx').on(t.userId, t.createdOn),
    index('orders_state_idx').on(t.state, t.createdOn),
    check('orders_final_price_check', sql`${t.finalPrice} >= 0 and ${t.discount} >= 0`),
  ],
);

export const promoRedemptions = pgTable(
  'promo_redemptions',
  {
    id: serial('id').primaryKey(),
    promoCodeId: integer('promo_code_id')
      .notNull()
      .references(() => promoCodes.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    orderId: integer('order_id')
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: 'cascade' }),
    createdOn: timestamp('created_on', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('promo_redemptions_user_idx').on(t.promoCodeId, t.userId)],
);
