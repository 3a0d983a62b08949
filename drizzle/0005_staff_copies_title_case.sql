ALTER TABLE "products" DROP CONSTRAINT "products_title_unique";--> statement-breakpoint
ALTER TABLE "ticket_relays" ADD COLUMN "kind" text DEFAULT 'relay' NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_relays" ADD COLUMN "is_photo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Titles that differ only in letter case already exist: the oldest keeps its title, each later one
-- gets its id appended (cut to the 50 characters of the column), so no product is lost.
UPDATE "products" AS p SET "title" = left(p."title", 50 - length(' (#' || p."id" || ')')) || ' (#' || p."id" || ')'
WHERE EXISTS (SELECT 1 FROM "products" AS older WHERE lower(older."title") = lower(p."title") AND older."id" < p."id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_title_lower_uq" ON "products" USING btree (lower("title"));