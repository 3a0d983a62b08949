CREATE TABLE "owner_ticket_alerts" (
	"telegram_id" bigint PRIMARY KEY NOT NULL,
	"enabled_at" timestamp with time zone DEFAULT now() NOT NULL
);
