import { and, asc, count, eq, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { products } from '../db/schema/index.js';
import type { MessageKey } from '../text/locale-keys.js';

export type Product = typeof products.$inferSelect;

export const TITLE_MAX = 50;
export const DESCRIPTION_MAX = 100;
/** Prices are whole roubles; the upper bound keeps them inside a PostgreSQL integer. */
export const PRICE_MAX = 100_000_000;
export const DEADLINE_MAX_DAYS = 3650;

/**
 * Why a product field was refused. The admin wizard (issue D) shows `productErrorKey(error)`
 * with `productErrorVars(error)`, so every screen words a rule the same way.
 */
export type ProductFieldError =
  | 'title_empty'
  | 'title_too_long'
  | 'title_taken'
  | 'description_empty'
  | 'description_too_long'
  | 'price_invalid'
  | 'deadline_invalid'
  | 'image_invalid';

export type ProductField = 'title' | 'description' | 'price' | 'deadlineDays' | 'image';

export type FieldCheck<T> = { ok: true; value: T } | { ok: false; error: ProductFieldError };

const PRODUCT_ERROR_KEY: Record<ProductFieldError, MessageKey> = {
  title_empty: 'catalog-error-title-empty',
  title_too_long: 'catalog-error-title-too-long',
  title_taken: 'catalog-error-title-taken',
  description_empty: 'catalog-error-description-empty',
  description_too_long: 'catalog-error-description-too-long',
  price_invalid: 'catalog-error-price-invalid',
  deadline_invalid: 'catalog-error-deadline-invalid',
  image_invalid: 'catalog-error-image-invalid',
};

/** Fluent key of a product validation error, e.g. `catalog-error-title-too-long`. */
export const productErrorKey = (error: ProductFieldError): MessageKey => PRODUCT_ERROR_KEY[error];

/** Variables for {@link productErrorKey}'s text (the limits it names). */
export const productErrorVars = (): Record<string, number> => ({
  titleMax: TITLE_MAX,
  descriptionMax: DESCRIPTION_MAX,
  priceMax: PRICE_MAX,
  deadlineMax: DEADLINE_MAX_DAYS,
});

/** Title: trimmed, 1–50 characters (uniqueness is checked by the database on save). */
export function validateTitle(raw: string): FieldCheck<string> {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value.length === 0) return { ok: false, error: 'title_empty' };
  if ([...value].length > TITLE_MAX) return { ok: false, error: 'title_too_long' };
  return { ok: true, value };
}

/** Description: trimmed, 1–100 characters. */
export function validateDescription(raw: string): FieldCheck<string> {
  const value = raw.trim();
  if (value.length === 0) return { ok: false, error: 'description_empty' };
  if ([...value].length > DESCRIPTION_MAX) return { ok: false, error: 'description_too_long' };
  return { ok: true, value };
}

/** Price in whole roubles ≥ 0. Accepts a number or text such as `15 000` or `15000`. */
export function validatePrice(raw: string | number): FieldCheck<number> {
  const text = typeof raw === 'number' ? String(raw) : raw.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(text)) return { ok: false, error: 'price_invalid' };
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value > PRICE_MAX) return { ok: false, error: 'price_invalid' };
  return { ok: true, value };
}

/** Deadline in whole days, 1 … 3650. */
export function validateDeadline(raw: string | number): FieldCheck<number> {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  if (!/^\d+$/.test(text)) return { ok: false, error: 'deadline_invalid' };
  const value = Number(text);
  if (value < 1 || value > DEADLINE_MAX_DAYS) return { ok: false, error: 'deadline_invalid' };
  return { ok: true, value };
}

/** Image: a Telegram file_id (or null to remove the photo). */
export function validateImage(raw: string | null): FieldCheck<string | null> {
  if (raw === null) return { ok: true, value: null };
  const value = raw.trim();
  if (!/^[A-Za-z0-9_-]{10,255}$/.test(value) && !/^https?:\/\/\S+$/.test(value)) {
    return { ok: false, error: 'image_invalid' };
  }
  return { ok: true, value };
}

export interface ProductInput {
  title: string;
  description: string;
  price: number;
  deadlineDays: number;
  image?: string | null;
  isActive?: boolean;
}

export type ProductResult =
  | { ok: true; product: Product }
  | { ok: false; reason: 'invalid'; field: ProductField; error: ProductFieldError }
  | { ok: false; reason: 'not_found' };

type Checked = Partial<Omit<ProductInput, 'isActive'>>;

/** Validates every given field; the first refusal wins. */
export function validateProductPatch(
  patch: Partial<ProductInput>,
): { ok: true; value: Checked } | { ok: false; field: ProductField; error: ProductFieldError } {
  const value: Checked = {};
  if (patch.title !== undefined) {
    const r = validateTitle(patch.title);
    if (!r.ok) return { ok: false, field: 'title', error: r.error };
    value.title = r.value;
  }
  if (patch.description !== undefined) {
    const r = validateDescription(patch.description);
    if (!r.ok) return { ok: false, field: 'description', error: r.error };
    value.description = r.value;
  }
  if (patch.price !== undefined) {
    const r = validatePrice(patch.price);
    if (!r.ok) return { ok: false, field: 'price', error: r.error };
    value.price = r.value;
  }
  if (patch.deadlineDays !== undefined) {
    const r = validateDeadline(patch.deadlineDays);
    if (!r.ok) return { ok: false, field: 'deadlineDays', error: r.error };
    value.deadlineDays = r.value;
  }
  if (patch.image !== undefined) {
    const r = validateImage(patch.image);
    if (!r.ok) return { ok: false, field: 'image', error: r.error };
    value.image = r.value;
  }
  return { ok: true, value };
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Clamped into 0 … pages-1. */
  page: number;
  pages: number;
}

function clamp(page: number, total: number, perPage: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  return { page: Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1), pages };
}

/** The studio's services: what customers browse (active ones) and what admins manage (all). */
export class CatalogService {
  constructor(private readonly db: Executor) {}

  /** Active products, oldest first, `perPage` per page (page is 0-based). */
  async listActive(page = 0, perPage = 1): Promise<Product[]> {
    return this.db
      .select()
      .from(products)
      .where(eq(products.isActive, true))
      .orderBy(asc(products.id))
      .limit(perPage)
      .offset(Math.max(0, page) * perPage);
  }

  async countActive(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(products).where(eq(products.isActive, true));
    return row?.n ?? 0;
  }

  /** Built once per service: a page of active products with their count, as a prepared statement. */
  private activePageStatement?: ReturnType<CatalogService['buildActivePage']>;

  private buildActivePage() {
    return this.db
      .select({ product: products, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(products)
      .where(eq(products.isActive, true))
      .orderBy(asc(products.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare('catalog_active_page');
  }

  /**
   * One page of active products with the page clamped to what exists (a stale button may point past
   * the end). One statement: the rows carry the total (`count(*) over ()`); only a page past the end
   * costs a second look, at the last page.
   */
  async pageActive(page: number, perPage = 1): Promise<Page<Product>> {
    this.activePageStatement ??= this.buildActivePage();
    const wanted = Math.max(0, Math.trunc(page) || 0);
    const rows = await this.activePageStatement.execute({ limit: perPage, offset: wanted * perPage });
    if (rows.length > 0) {
      const total = rows[0]?.total ?? rows.length;
      return { items: rows.map((r) => r.product), total, ...clamp(wanted, total, perPage) };
    }
    const total = await this.countActive();
    const at = clamp(wanted, total, perPage);
    return { items: total === 0 ? [] : await this.listActive(at.page, perPage), total, ...at };
  }

  /** 0-based position of an active product in {@link listActive}'s order, or undefined. */
  async activeIndexOf(id: number): Promise<number | undefined> {
    if (!(await this.byIdActive(id))) return undefined;
    const [row] = await this.db
      .select({ n: count() })
      .from(products)
      .where(and(eq(products.isActive, true), lt(products.id, id)));
    return row?.n ?? 0;
  }

  /** Every product, active or not, for the admin screens (oldest first, like the catalog). */
  async listAll(page = 0, perPage = 10): Promise<Product[]> {
    return this.db
      .select()
      .from(products)
      .orderBy(asc(products.id))
      .limit(perPage)
      .offset(Math.max(0, page) * perPage);
  }

  async countAll(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(products);
    return row?.n ?? 0;
  }

  async pageAll(page: number, perPage = 10): Promise<Page<Product>> {
    const total = await this.countAll();
    const at = clamp(page, total, perPage);
    return { items: total === 0 ? [] : await this.listAll(at.page, perPage), total, ...at };
  }

  async byId(id: number): Promise<Product | undefined> {
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
    const [row] = await this.db.select().from(products).where(eq(products.id, id));
    return row;
  }

  /** The product if it exists and is on sale. */
  async byIdActive(id: number): Promise<Product | undefined> {
    const product = await this.byId(id);
    return product?.isActive ? product : undefined;
  }

  /**
   * Whether a product other than `exceptId` already has `title`, whatever the letter case (the
   * rule of the products_title_lower_uq index): the wizard refuses the title at its own step.
   */
  async titleTaken(title: string, exceptId?: number): Promise<boolean> {
    const [row] = await this.db
      .select({ id: products.id })
      .from(products)
      .where(
        and(
          sql`lower(${products.title}) = lower(${title.trim()})`,
          exceptId === undefined ? undefined : ne(products.id, exceptId),
        ),
      )
      .limit(1);
    return row !== undefined;
  }

  /**
   * Creates a product after validating every field. A duplicate title (in any letter case) is refused as
   * `{ reason: 'invalid', field: 'title', error: 'title_taken' }` (the unique index decides,
   * so two admins saving the same title at once still get one product).
   */
  async create(input: ProductInput): Promise<ProductResult> {
    const checked = validateProductPatch(input);
    if (!checked.ok) return { ok: false, reason: 'invalid', field: checked.field, error: checked.error };
    const v = checked.value;
    try {
      const [product] = await this.db
        .insert(products)
        .values({
          title: v.title!,
          description: v.description!,
          price: v.price!,
          deadlineDays: v.deadlineDays!,
          image: v.image ?? null,
          isActive: input.isActive ?? true,
        })
        .returning();
      if (!product) throw new Error('product insert returned no row');
      return { ok: true, product };
    } catch (error) {
      if (isUniqueViolation(error, 'products_title_lower_uq')) {
        return { ok: false, reason: 'invalid', field: 'title', error: 'title_taken' };
      }
      throw error;
    }
  }

  /** Changes the given fields (validated like {@link create}) and bumps updated_on. */
  async update(id: number, patch: Partial<ProductInput>): Promise<ProductResult> {
    const checked = validateProductPatch(patch);
    if (!checked.ok) return { ok: false, reason: 'invalid', field: checked.field, error: checked.error };
    const set: Partial<typeof products.$inferInsert> = { ...checked.value };
    if (patch.isActive !== undefined) set.isActive = patch.isActive;
    try {
      const [product] = await this.db
        .update(products)
        .set({ ...set, updatedOn: sql`now()` })
        .where(eq(products.id, id))
        .returning();
      return product ? { ok: true, product } : { ok: false, reason: 'not_found' };
    } catch (error) {
      if (isUniqueViolation(error, 'products_title_lower_uq')) {
        return { ok: false, reason: 'invalid', field: 'title', error: 'title_taken' };
      }
      throw error;
    }
  }

  /** Puts a product on sale or hides it from the catalog; undefined when it does not exist. */
  async setActive(id: number, active: boolean): Promise<Product | undefined> {
    const [product] = await this.db
      .update(products)
      .set({ isActive: active, updatedOn: sql`now()` })
      .where(eq(products.id, id))
      .returning();
    return product;
  }

  /**
   * Deletes a product for good. Orders keep their snapshot (title, price) and lose only the link
   * (orders.product_id is ON DELETE SET NULL); promo codes limited to it are deleted with it.
   */
  async delete(id: number): Promise<boolean> {
    const rows = await this.db.delete(products).where(eq(products.id, id)).returning({ id: products.id });
    return rows.length > 0;
  }
}
