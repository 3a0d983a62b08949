import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { categories, products } from '../db/schema/index.js';
import type { MessageKey } from '../text/locale-keys.js';

export type Category = typeof categories.$inferSelect;

export const CATEGORY_TITLE_MAX = 50;
/** An emoji is one to a few code points (flags, skin tones, ZWJ sequences). */
export const CATEGORY_EMOJI_MAX = 8;

export type CategoryFieldError = 'title_empty' | 'title_too_long' | 'title_taken' | 'emoji_invalid';

const CATEGORY_ERROR_KEY: Record<CategoryFieldError, MessageKey> = {
  title_empty: 'category-error-title-empty',
  title_too_long: 'category-error-title-too-long',
  title_taken: 'category-error-title-taken',
  emoji_invalid: 'category-error-emoji-invalid',
};

/** Fluent key of a category validation error (its text takes `titleMax`). */
export const categoryErrorKey = (error: CategoryFieldError): MessageKey => CATEGORY_ERROR_KEY[error];

export type CategoryCheck<T> = { ok: true; value: T } | { ok: false; error: CategoryFieldError };

/** A category title (either language): trimmed, inner spaces collapsed, 1–50 characters. */
export function validateCategoryTitle(raw: string): CategoryCheck<string> {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value.length === 0) return { ok: false, error: 'title_empty' };
  if ([...value].length > CATEGORY_TITLE_MAX) return { ok: false, error: 'title_too_long' };
  return { ok: true, value };
}

/** An emoji shown before the title: a few code points with no letters, digits or spaces. */
export function validateCategoryEmoji(raw: string): CategoryCheck<string> {
  const value = raw.trim();
  const points = [...value];
  if (points.length === 0 || points.length > CATEGORY_EMOJI_MAX || /[\p{L}\p{N}\s<>&]/u.test(value)) {
    return { ok: false, error: 'emoji_invalid' };
  }
  if (!/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(value))
    return { ok: false, error: 'emoji_invalid' };
  return { ok: true, value };
}

export interface CategoryPatch {
  title?: string;
  /** null removes the English title (English readers then see the Russian one). */
  titleEn?: string | null;
  emoji?: string | null;
}

export type CategoryResult =
  | { ok: true; category: Category }
  | { ok: false; reason: 'invalid'; field: 'title' | 'titleEn' | 'emoji'; error: CategoryFieldError }
  | { ok: false; reason: 'not_found' };

/** A category with how many services it holds (all, and those on sale). */
export interface CategoryWithCounts extends Category {
  products: number;
  activeProducts: number;
}

export type DeleteCategoryResult =
  | { ok: true; moved: number }
  | { ok: false; reason: 'not_found' | 'target_not_found' | 'has_products' | 'last_category' };

function validatePatch(
  patch: CategoryPatch,
):
  | { ok: true; value: CategoryPatch }
  | { ok: false; field: 'title' | 'titleEn' | 'emoji'; error: CategoryFieldError } {
  const value: CategoryPatch = {};
  if (patch.title !== undefined) {
    const r = validateCategoryTitle(patch.title);
    if (!r.ok) return { ok: false, field: 'title', error: r.error };
    value.title = r.value;
  }
  if (patch.titleEn !== undefined) {
    if (patch.titleEn === null) value.titleEn = null;
    else {
      const r = validateCategoryTitle(patch.titleEn);
      if (!r.ok) return { ok: false, field: 'titleEn', error: r.error };
      value.titleEn = r.value;
    }
  }
  if (patch.emoji !== undefined) {
    if (patch.emoji === null) value.emoji = null;
    else {
      const r = validateCategoryEmoji(patch.emoji);
      if (!r.ok) return { ok: false, field: 'emoji', error: r.error };
      value.emoji = r.value;
    }
  }
  return { ok: true, value };
}

/** The catalog's categories as the admin panel manages them (customers browse through CatalogService). */
export class CategoryService {
  constructor(private readonly db: Executor) {}

  /** Every category in the customers' order (position, then age), with its product counts. */
  async listWithCounts(): Promise<CategoryWithCounts[]> {
    return this.db
      .select({
        category: categories,
        // Qualified by hand: in a one-table query Drizzle leaves column names bare, and a bare "id"
        // inside the subquery would be the product's.
        products:
          sql<number>`(select count(*) from products p where p.category_id = "categories"."id")`.mapWith(
            Number,
          ),
        activeProducts:
          sql<number>`(select count(*) from products p where p.category_id = "categories"."id" and p.is_active)`.mapWith(
            Number,
          ),
      })
      .from(categories)
      .orderBy(asc(categories.position), asc(categories.id))
      .then((rows) =>
        rows.map((r) => ({ ...r.category, products: r.products, activeProducts: r.activeProducts })),
      );
  }

  async byId(id: number): Promise<Category | undefined> {
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
    const [row] = await this.db.select().from(categories).where(eq(categories.id, id));
    return row;
  }

  async withCounts(id: number): Promise<CategoryWithCounts | undefined> {
    return (await this.listWithCounts()).find((c) => c.id === id);
  }

  /** Whether another category already has this title in any letter case (checked at the wizard's step). */
  async titleTaken(title: string, exceptId?: number): Promise<boolean> {
    const [row] = await this.db
      .select({ id: categories.id })
      .from(categories)
      .where(
        and(
          sql`lower(${categories.title}) = lower(${title.trim()})`,
          exceptId === undefined ? undefined : ne(categories.id, exceptId),
        ),
      )
      .limit(1);
    return row !== undefined;
  }

  /** A new category at the end of the list; the unique index on lower(title) decides a duplicate. */
  async create(input: {
    title: string;
    titleEn?: string | null;
    emoji?: string | null;
  }): Promise<CategoryResult> {
    const checked = validatePatch(input);
    if (!checked.ok) return { ok: false, reason: 'invalid', field: checked.field, error: checked.error };
    const v = checked.value;
    try {
      const [category] = await this.db
        .insert(categories)
        .values({
          title: v.title!,
          titleEn: v.titleEn ?? null,
          emoji: v.emoji ?? null,
          position: sql`(select coalesce(max(${categories.position}) + 1, 0) from ${categories})`,
        })
        .returning();
      if (!category) throw new Error('category insert returned no row');
      return { ok: true, category };
    } catch (error) {
      if (isUniqueViolation(error, 'categories_title_lower_uq'))
        return { ok: false, reason: 'invalid', field: 'title', error: 'title_taken' };
      throw error;
    }
  }

  async update(id: number, patch: CategoryPatch): Promise<CategoryResult> {
    const checked = validatePatch(patch);
    if (!checked.ok) return { ok: false, reason: 'invalid', field: checked.field, error: checked.error };
    try {
      const [category] = await this.db
        .update(categories)
        .set({ ...checked.value, updatedOn: sql`now()` })
        .where(eq(categories.id, id))
        .returning();
      return category ? { ok: true, category } : { ok: false, reason: 'not_found' };
    } catch (error) {
      if (isUniqueViolation(error, 'categories_title_lower_uq'))
        return { ok: false, reason: 'invalid', field: 'title', error: 'title_taken' };
      throw error;
    }
  }

  /** Shows the category and its services to customers, or hides them all; undefined when it does not exist. */
  async setActive(id: number, active: boolean): Promise<Category | undefined> {
    const [category] = await this.db
      .update(categories)
      .set({ isActive: active, updatedOn: sql`now()` })
      .where(eq(categories.id, id))
      .returning();
    return category;
  }

  /**
   * Swaps the category with its neighbour above (`up`) or below in the customers' order. One
   * transaction: the positions are renumbered 0…n-1 first, so equal or sparse positions still move.
   * Returns false when the category does not exist or is already at that end.
   */
  async move(id: number, direction: 'up' | 'down'): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: categories.id })
        .from(categories)
        .orderBy(asc(categories.position), asc(categories.id))
        .for('update');
      const order = rows.map((r) => r.id);
      const at = order.indexOf(id);
      const other = direction === 'up' ? at - 1 : at + 1;
      if (at < 0 || other < 0 || other >= order.length) return false;
      [order[at], order[other]] = [order[other] as number, order[at] as number];
      for (const [position, categoryId] of order.entries()) {
        await tx.update(categories).set({ position }).where(eq(categories.id, categoryId));
      }
      return true;
    });
  }

  /**
   * Deletes a category. With services in it, `moveTo` (another category) must be given: they move
   * there in the same transaction, so no service is lost. The last category is never deleted.
   */
  async delete(id: number, moveTo?: number): Promise<DeleteCategoryResult> {
    return this.db.transaction(async (tx) => {
      const all = await tx.select({ id: categories.id }).from(categories).for('update');
      if (!all.some((c) => c.id === id)) return { ok: false, reason: 'not_found' } as const;
      if (all.length === 1) return { ok: false, reason: 'last_category' } as const;
      const [held] = await tx.select({ n: count() }).from(products).where(eq(products.categoryId, id));
      let moved = 0;
      if ((held?.n ?? 0) > 0) {
        if (moveTo === undefined) return { ok: false, reason: 'has_products' } as const;
        if (moveTo === id || !all.some((c) => c.id === moveTo))
          return { ok: false, reason: 'target_not_found' } as const;
        const rows = await tx
          .update(products)
          .set({ categoryId: moveTo, updatedOn: sql`now()` })
          .where(eq(products.categoryId, id))
          .returning({ id: products.id });
        moved = rows.length;
      }
      // A product added to it meanwhile fails the delete (products.category_id is ON DELETE RESTRICT).
      await tx.delete(categories).where(eq(categories.id, id));
      return { ok: true, moved } as const;
    });
  }
}
