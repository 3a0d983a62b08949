CREATE TABLE "broadcast_channel_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"chat" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"holder" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"message_id" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "broadcast_channel_posts_run_id_unique" UNIQUE("run_id")
);
--> statement-breakpoint
CREATE TABLE "owner_alert_opt_outs" (
	"telegram_id" bigint NOT NULL,
	"event" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owner_alert_opt_outs_telegram_id_event_pk" PRIMARY KEY("telegram_id","event")
);
--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "channel_chat" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "tickets" SET "sla_since" = "created_at";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_reply_reminded_message_id" integer;--> statement-breakpoint
ALTER TABLE "broadcast_channel_posts" ADD CONSTRAINT "broadcast_channel_posts_run_id_broadcast_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."broadcast_runs"("id") ON DELETE cascade ON UPDATE no action;