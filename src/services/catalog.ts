import { and, asc, count, eq, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors.js';
import { categories, products } from '../db/schema/index.js';
import type { MessageKey } from '../text/locale-keys.js';

export type Product = typeof products.$inferSelect;

/** What the customer screens show of a service (list row, card, search result, inline result). */
export type CatalogItem = Pick<
  Product,
  | 'id'
  | 'title'
  | 'titleEn'
  | 'description'
  | 'descriptionEn'
  | 'price'
  | 'deadlineDays'
  | 'image'
  | 'categoryId'
>;

/** A category as customers see it: its titles, emoji and how many services are on sale in it. */
export interface CategoryEntry {
  id: number;
  title: string;
  titleEn: string | null;
  emoji: string | null;
  count: number;
}

/** The texts of a product or category in the reader's language: English when set, else Russian. */
export const localizedTitle = (item: { title: string; titleEn: string | null }, locale: string): string =>
  locale === 'en' && item.titleEn ? item.titleEn : item.title;

export const localizedDescription = (
  item: { description: string; descriptionEn: string | null },
  locale: string,
): string => (locale === 'en' && item.descriptionEn ? item.descriptionEn : item.description);

/**
 * One screen of browsing: the visible categories (active, with services on sale), and the page of
 * the category shown: the one asked for, or the only one when there is just one.
 */
export interface CatalogView {
  categories: CategoryEntry[];
  /** The category whose services are listed; undefined: the categories screen. */
  category: CategoryEntry | undefined;
  /** A category was asked for and exists but is disabled. */
  categoryDisabled: boolean;
  /** A category was asked for and does not exist. */
  categoryMissing: boolean;
  items: CatalogItem[];
  total: number;
  page: number;
  pages: number;
}

export type CardLookup =
  | { status: 'ok'; product: CatalogItem }
  | { status: 'unavailable' }
  | { status: 'not_found' };

/** Words of a search query: letters and digits only (no tsquery or LIKE syntax gets through). */
export function searchWords(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .slice(0, 8)
    .map((w) => [...w].slice(0, 40).join(''));
}

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
  | 'image_invalid'
  | 'category_invalid';

export type ProductField =
  | 'title'
  | 'description'
  | 'titleEn'
  | 'descriptionEn'
  | 'price'
  | 'deadlineDays'
  | 'image'
  | 'categoryId';

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
  category_invalid: 'catalog-error-category-invalid',
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
  /** null: English readers see the Russian text. */
  titleEn?: string | null;
  descriptionEn?: string | null;
  /** Left out on create: the first category by position (the column's default). */
  categoryId?: number;
  price: number;
  deadlineDays: number;
  image?: string | null;
  isActive?: boolean;
}

export type ProductResult =
  | { ok: true; product: Product }
  | { ok: false; reason: 'invalid'; field: ProductField; error: ProductFieldError }
  | { ok: false; reason: 'not_found' };

type Checked = Partial<Omit<ProductInput, 'isActive' | 'categoryId'>>;

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
  if (patch.titleEn !== undefined) {
    if (patch.titleEn === null) value.titleEn = null;
    else {
      const r = validateTitle(patch.titleEn);
      if (!r.ok) return { ok: false, field: 'titleEn', error: r.error };
      value.titleEn = r.value;
    }
  }
  if (patch.descriptionEn !== undefined) {
    if (patch.descriptionEn === null) value.descriptionEn = null;
    else {
      const r = validateDescription(patch.descriptionEn);
      if (!r.ok) return { ok: false, field: 'descriptionEn', error: r.error };
      value.descriptionEn = r.value;
    }
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

/** A constraint the database refused a product save with, as the wizard's field error. */
function refusalOf(error: unknown): ProductResult | undefined {
  if (isUniqueViolation(error, 'products_title_lower_uq'))
    return { ok: false, reason: 'invalid', field: 'title', error: 'title_taken' };
  if (isUniqueViolation(error, 'products_title_en_lower_uq'))
    return { ok: false, reason: 'invalid', field: 'titleEn', error: 'title_taken' };
  if (isForeignKeyViolation(error))
    return { ok: false, reason: 'invalid', field: 'categoryId', error: 'category_invalid' };
  return undefined;
}

const ITEM_JSON = (p: string) =>
  sql.raw(`json_build_object('id', ${p}.id, 'title', ${p}.title, 'titleEn', ${p}.title_en,
    'description', ${p}.description, 'descriptionEn', ${p}.description_en, 'price', ${p}.price,
    'deadlineDays', ${p}.deadline_days, 'image', ${p}.image, 'categoryId', ${p}.category_id)`);

/** Browsing screens and cards kept in memory per catalog revision, at most. */
const KEPT_MAX = 1000;

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

  /** The product if it exists and is on sale: active, in an active category. */
  async byIdActive(id: number): Promise<Product | undefined> {
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
    const [row] = await this.db
      .select({ product: products })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(and(eq(products.id, id), eq(products.isActive, true), eq(categories.isActive, true)));
    return row?.product;
  }

  private cardStatement?: ReturnType<CatalogService['buildCard']>;

  private buildCard() {
    return this.db
      .select({
        id: products.id,
        title: products.title,
        titleEn: products.titleEn,
        description: products.description,
        descriptionEn: products.descriptionEn,
        price: products.price,
        deadlineDays: products.deadlineDays,
        image: products.image,
        categoryId: products.categoryId,
        onSale: sql<boolean>`${products.isActive} and ${categories.isActive}`,
        revision: sql<string | null>`(select r.revision::text from catalog_revision r)`,
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(eq(products.id, sql.placeholder('id')))
      .prepare('catalog_card');
  }

  /**
   * A service's card for a customer (one prepared statement): `unavailable` when the service or its
   * category is disabled, `not_found` when there is no such service. With the catalog `revision` the
   * caller has just read, a card read at that revision comes from memory (as {@link browse} does).
   */
  async card(id: number, revision?: string): Promise<CardLookup> {
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return { status: 'not_found' };
    const key = `card:${id}`;
    const kept = this.recall<CardLookup>(key, revision);
    if (kept) return kept;
    this.cardStatement ??= this.buildCard();
    const [row] = await this.cardStatement.execute({ id });
    if (!row) return { status: 'not_found' };
    const { onSale, revision: readAt, ...product } = row;
    const found: CardLookup = onSale ? { status: 'ok', product } : { status: 'unavailable' };
    if (readAt !== null) this.remember(readAt, key, found);
    return found;
  }

  private browseStatement?: ReturnType<CatalogService['buildBrowse']>;

  private buildBrowse() {
    const cat = sql`${sql.placeholder('category')}::int`;
    const limit = sql`${sql.placeholder('limit')}::int`;
    const offset = sql`${sql.placeholder('offset')}::int`;
    const payload = sql<string>`(
      with cats as (
        select c.id, c.title, c.title_en, c.emoji, c.position,
          (select count(*)::int from products p where p.category_id = c.id and p.is_active) as n
        from categories c where c.is_active
      ),
      shown as (select * from cats where n > 0),
      target as (
        select coalesce(
          (select id from cats where id = ${cat}),
          case when ${cat} = 0 and (select count(*) from shown) = 1 then (select id from shown) end
        ) as id
      ),
      total as (select coalesce((select n from cats where id = (select id from target)), 0) as n),
      items as (
        select p.* from products p
        where p.category_id = (select id from target) and p.is_active
        order by p.id
        limit ${limit}
        offset least(${offset}, (greatest((select n from total) - 1, 0) / ${limit}) * ${limit})
      )
      select json_build_object(
        'categories', coalesce((select json_agg(json_build_object('id', id, 'title', title,
          'titleEn', title_en, 'emoji', emoji, 'count', n) order by position, id) from shown), '[]'::json),
        'target', (select id from target),
        'exists', exists(select 1 from categories where id = ${cat}),
        'total', (select n from total),
        'items', coalesce((select json_agg(${ITEM_JSON('items')} order by items.id) from items), '[]'::json),
        'revision', (select r.revision::text from catalog_revision r)
      )::text
    )`;
    return this.db.select({ payload }).from(sql`(select 1) as one`).prepare('catalog_browse');
  }

  /**
   * What customers browse, read at {@link keptRevision} of the catalog: browsing screens by category,
   * page and page size, and cards by id.
   */
  private readonly kept = new Map<string, unknown>();
  private keptRevision: string | undefined;

  /** A value kept under `key`, when the caller's revision is the one it was read at. */
  private recall<T>(key: string, revision: string | undefined): T | undefined {
    return revision !== undefined && revision === this.keptRevision
      ? (this.kept.get(key) as T | undefined)
      : undefined;
  }

  /** Keeps a value read at `revision` (what the statement itself saw); another revision empties the memory. */
  private remember(revision: string, key: string, value: unknown): void {
    if (revision !== this.keptRevision) {
      this.kept.clear();
      this.keptRevision = revision;
    }
    // Bounded: keys are category × page and card ids (a forged button may ask anything; those clamp).
    if (this.kept.size >= KEPT_MAX) this.kept.clear();
    this.kept.set(key, value);
  }

  /**
   * One browsing screen in one prepared statement: the visible categories with their counts and,
   * for `categoryId` (0: none asked, then the only visible category if there is just one), one page of
   * its services on sale. The page is clamped to what exists (a stale button may point past the end).
   *
   * `revision`: the catalog revision the caller has just read (the "who is this" statement reads it
   * on every update). A screen read at that same revision is answered from memory without a
   * statement; the catalog changed since — on this instance or another — means a new read. Screens
   * are kept only under the revision the statement itself saw (same snapshot as the rows), so a read
   * racing an edit can never be kept as newer than it is. The returned view is shared: do not change it.
   */
  async browse(
    categoryId: number,
    page: number,
    perPage: number,
    revision?: string,
  ): Promise<Readonly<CatalogView>> {
    const category =
      Number.isSafeInteger(categoryId) && categoryId > 0 && categoryId <= 2_147_483_647 ? categoryId : 0;
    const wanted = Math.max(0, Math.trunc(page) || 0);
    const key = `${category}:${wanted}:${perPage}`;
    const kept = this.recall<Readonly<CatalogView>>(key, revision);
    if (kept) return kept;
    this.browseStatement ??= this.buildBrowse();
    const [row] = await this.browseStatement.execute({ category, limit: perPage, offset: wanted * perPage });
    const data = JSON.parse(row?.payload ?? '{}') as {
      categories: CategoryEntry[];
      target: number | null;
      exists: boolean;
      total: number;
      items: CatalogItem[];
      revision: string | null;
    };
    const shown = data.target === null ? undefined : data.categories.find((c) => c.id === data.target);
    const at = clamp(wanted, data.total, perPage);
    const view: CatalogView = {
      categories: data.categories,
      category:
        shown ??
        (data.target === null
          ? undefined
          : { id: data.target, title: '', titleEn: null, emoji: null, count: 0 }),
      categoryDisabled: category > 0 && data.target === null && data.exists,
      categoryMissing: category > 0 && !data.exists,
      items: data.items,
      total: data.total,
      ...at,
    };
    if (data.revision !== null) {
      this.remember(data.revision, key, view);
      // Also under what it turned out to be (the only category for "none asked", the clamped page),
      // so the same screen reached by its own button is found too.
      if (view.category && !view.categoryMissing && !view.categoryDisabled) {
        this.remember(data.revision, `${view.category.id}:${view.page}:${perPage}`, view);
      }
    }
    return view;
  }

  /**
   * Services on sale (in active categories) matching every word of `query`, in Russian or English:
   * PostgreSQL full text with each language's morphology ("лендинга" finds "Лендинг"), each word
   * also as a prefix, plus a case-insensitive substring match so a part of a word finds it too.
   * No words: every service on sale (inline mode's empty query). Ordered like the catalog.
   */
  async search(query: string, limit: number, offset = 0): Promise<{ items: CatalogItem[]; total: number }> {
    const words = searchWords(query);
    const text = sql`lower(p.title || ' ' || p.description || ' ' || coalesce(p.title_en, '') || ' ' || coalesce(p.description_en, ''))`;
    let match = sql`true`;
    if (words.length > 0) {
      const tsquery = words.map((w) => `${w}:*`).join(' & ');
      const likes = sql.join(
        words.map((w) => sql`${text} like ${`%${w}%`}`),
        sql` and `,
      );
      match = sql`(
        to_tsvector('russian', p.title || ' ' || p.description) @@ to_tsquery('russian', ${tsquery})
        or to_tsvector('english', coalesce(p.title_en, '') || ' ' || coalesce(p.description_en, '')) @@ to_tsquery('english', ${tsquery})
        or (${likes})
      )`;
    }
    const rows = await this.db.execute<{ item: CatalogItem; total: number }>(sql`
      select ${ITEM_JSON('p')} as item, count(*) over ()::int as total
      from products p join categories c on c.id = p.category_id
      where p.is_active and c.is_active and ${match}
      order by c.position, c.id, p.id
      limit ${Math.max(1, Math.trunc(limit))} offset ${Math.max(0, Math.trunc(offset))}`);
    const list = Array.isArray(rows) ? rows : (rows as { rows: { item: CatalogItem; total: number }[] }).rows;
    return {
      items: list.map((r) => (typeof r.item === 'string' ? JSON.parse(r.item) : r.item)),
      total: list[0]?.total ?? 0,
    };
  }

  /**
   * Whether a product other than `exceptId` already has `title` (in `language`), whatever the letter
   * case (the rule of the products_title_lower_uq and products_title_en_lower_uq indexes): the wizard refuses the title at its own step.
   */
  async titleTaken(title: string, exceptId?: number, language: 'ru' | 'en' = 'ru'): Promise<boolean> {
    const column = language === 'en' ? products.titleEn : products.title;
    const [row] = await this.db
      .select({ id: products.id })
      .from(products)
      .where(
        and(
          sql`lower(${column}) = lower(${title.trim()})`,
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
          titleEn: v.titleEn ?? null,
          descriptionEn: v.descriptionEn ?? null,
          ...(input.categoryId === undefined ? {} : { categoryId: input.categoryId }),
          price: v.price!,
          deadlineDays: v.deadlineDays!,
          image: v.image ?? null,
          isActive: input.isActive ?? true,
        })
        .returning();
      if (!product) throw new Error('product insert returned no row');
      return { ok: true, product };
    } catch (error) {
      const refused = refusalOf(error);
      if (refused) return refused;
      throw error;
    }
  }

  /** Changes the given fields (validated like {@link create}) and bumps updated_on. */
  async update(id: number, patch: Partial<ProductInput>): Promise<ProductResult> {
    const checked = validateProductPatch(patch);
    if (!checked.ok) return { ok: false, reason: 'invalid', field: checked.field, error: checked.error };
    const set: Partial<typeof products.$inferInsert> = { ...checked.value };
    if (patch.isActive !== undefined) set.isActive = patch.isActive;
    if (patch.categoryId !== undefined) set.categoryId = patch.categoryId;
    try {
      const [product] = await this.db
        .update(products)
        .set({ ...set, updatedOn: sql`now()` })
        .where(eq(products.id, id))
        .returning();
      return product ? { ok: true, product } : { ok: false, reason: 'not_found' };
    } catch (error) {
      const refused = refusalOf(error);
      if (refused) return refused;
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
