CREATE TABLE "broadcast_clicks" (
	"id" serial PRIMARY KEY NOT NULL,
	"broadcast_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"product_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broadcast_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"vars" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"holder" text,
	"error" text,
	"message_id" integer,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "broadcast_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"broadcast_id" integer NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"progress_chat_id" bigint,
	"progress_message_id" integer,
	"progress_final" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text DEFAULT 'manual' NOT NULL,
	"campaign" text,
	"created_by" bigint,
	"text" text,
	"photo" text,
	"buttons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audience" jsonb DEFAULT '{"kind":"all"}'::jsonb NOT NULL,
	"schedule_kind" text DEFAULT 'now' NOT NULL,
	"cron" text,
	"next_run_at" timestamp with time zone,
	"state" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_sends" (
	"key" text NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_sends_key_user_id_pk" PRIMARY KEY("key","user_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_settings" (
	"campaign" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"delay" integer NOT NULL,
	"discount" integer DEFAULT 10 NOT NULL,
	"text" text,
	"enabled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text,
	"expires_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_announcements" (
	"product_id" integer PRIMARY KEY NOT NULL,
	"is_active" boolean NOT NULL,
	"announcements" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "broadcast_clicks" ADD CONSTRAINT "broadcast_clicks_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_clicks" ADD CONSTRAINT "broadcast_clicks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_clicks" ADD CONSTRAINT "broadcast_clicks_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_deliveries" ADD CONSTRAINT "broadcast_deliveries_run_id_broadcast_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."broadcast_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_deliveries" ADD CONSTRAINT "broadcast_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_runs" ADD CONSTRAINT "broadcast_runs_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_sends" ADD CONSTRAINT "campaign_sends_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_announcements" ADD CONSTRAINT "product_announcements_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "broadcast_clicks_broadcast_idx" ON "broadcast_clicks" USING btree ("broadcast_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "broadcast_deliveries_recipient_uq" ON "broadcast_deliveries" USING btree ("run_id","user_id");--> statement-breakpoint
CREATE INDEX "broadcast_deliveries_pending_idx" ON "broadcast_deliveries" USING btree ("id") WHERE "broadcast_deliveries"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "broadcast_deliveries_inflight_idx" ON "broadcast_deliveries" USING btree ("holder") WHERE "broadcast_deliveries"."state" in ('claimed', 'sending');--> statement-breakpoint
CREATE INDEX "broadcast_deliveries_run_idx" ON "broadcast_deliveries" USING btree ("run_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "broadcast_runs_occurrence_uq" ON "broadcast_runs" USING btree ("broadcast_id","scheduled_for");--> statement-breakpoint
CREATE INDEX "broadcasts_due_idx" ON "broadcasts" USING btree ("next_run_at") WHERE "broadcasts"."state" = 'scheduled';--> statement-breakpoint
CREATE UNIQUE INDEX "broadcasts_campaign_uq" ON "broadcasts" USING btree ("campaign") WHERE "broadcasts"."kind" = 'campaign';