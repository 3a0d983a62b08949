CREATE TABLE "categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" varchar(50) NOT NULL,
	"title_en" varchar(50),
	"emoji" varchar(16),
	"photo" text,
	"position" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_on" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_on" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "product_title_en" varchar(50);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "title_en" varchar(50);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "description_en" varchar(100);--> statement-breakpoint
-- Existing services move into one default category (the admin renames it), so nothing disappears.
INSERT INTO "categories" ("title", "title_en", "emoji", "position") VALUES ('Все услуги', 'All services', NULL, 0);--> statement-breakpoint
-- A product inserted without a category (a script, an older tool) goes to the first category by position.
CREATE FUNCTION phoenix_default_category() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT "id" FROM "categories" ORDER BY "position", "id" LIMIT 1 $$;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "category_id" integer;--> statement-breakpoint
UPDATE "products" SET "category_id" = phoenix_default_category();--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "category_id" SET DEFAULT phoenix_default_category();--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "category_id" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "categories_title_lower_uq" ON "categories" USING btree (lower("title"));--> statement-breakpoint
CREATE INDEX "categories_position_idx" ON "categories" USING btree ("position","id");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "products_title_en_lower_uq" ON "products" USING btree (lower("title_en"));--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "products" USING btree ("category_id","id");--> statement-breakpoint
-- Full-text search (/search, inline mode): Russian morphology on the Russian texts, English on the English ones.
CREATE INDEX "products_search_ru_idx" ON "products" USING gin (to_tsvector('russian', "title" || ' ' || "description"));--> statement-breakpoint
CREATE INDEX "products_search_en_idx" ON "products" USING gin (to_tsvector('english', coalesce("title_en", '') || ' ' || coalesce("description_en", '')));
