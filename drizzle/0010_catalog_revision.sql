CREATE TABLE "catalog_revision" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint NOT NULL,
	CONSTRAINT "catalog_revision_one_row" CHECK ("catalog_revision"."id" = 1)
);
--> statement-breakpoint
-- Moves the revision forward: a microsecond clock reading, never less than the last value plus one.
CREATE FUNCTION phoenix_catalog_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "catalog_revision" ("id", "revision")
    VALUES (1, (extract(epoch from clock_timestamp()) * 1000000)::bigint)
    ON CONFLICT ("id") DO UPDATE SET "revision" = greatest("catalog_revision"."revision" + 1, excluded."revision");
  RETURN NULL;
END $$;--> statement-breakpoint
-- Deferred to the commit: the row is locked last in a transaction, so two admins' catalog edits
-- queue on it instead of deadlocking with the rows they touched first.
CREATE CONSTRAINT TRIGGER "products_catalog_revision" AFTER INSERT OR UPDATE OR DELETE ON "products"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION phoenix_catalog_touched();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "categories_catalog_revision" AFTER INSERT OR UPDATE OR DELETE ON "categories"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION phoenix_catalog_touched();--> statement-breakpoint
-- TRUNCATE has no row triggers (the sandbox wipes its tables this way).
CREATE TRIGGER "products_catalog_revision_truncate" AFTER TRUNCATE ON "products"
  FOR EACH STATEMENT EXECUTE FUNCTION phoenix_catalog_touched();--> statement-breakpoint
CREATE TRIGGER "categories_catalog_revision_truncate" AFTER TRUNCATE ON "categories"
  FOR EACH STATEMENT EXECUTE FUNCTION phoenix_catalog_touched();--> statement-breakpoint
INSERT INTO "catalog_revision" ("id", "revision") VALUES (1, (extract(epoch from clock_timestamp()) * 1000000)::bigint);
