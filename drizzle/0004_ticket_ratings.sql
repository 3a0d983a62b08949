CREATE TABLE "ticket_ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"ticket_id" integer NOT NULL,
	"rating" smallint NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_ratings_rating_check" CHECK ("ticket_ratings"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "ticket_ratings" ADD CONSTRAINT "ticket_ratings_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_ratings_ticket_idx" ON "ticket_ratings" USING btree ("ticket_id","rated_at");--> statement-breakpoint
-- Ratings given before this table existed become its first entries.
INSERT INTO "ticket_ratings" ("ticket_id", "rating", "rated_at")
SELECT "id", "rating", coalesce("closed_at", "updated_at") FROM "tickets" WHERE "rating" IS NOT NULL;
