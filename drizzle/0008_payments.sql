CREATE TYPE "public"."payment_state" AS ENUM('unpaid', 'deposit_paid', 'paid', 'refund_requested', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."invoice_kind" AS ENUM('full', 'deposit', 'remainder');--> statement-breakpoint
CREATE TYPE "public"."invoice_state" AS ENUM('open', 'paid', 'void');--> statement-breakpoint
CREATE TYPE "public"."refund_state" AS ENUM('pending', 'requested', 'refunded');--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" serial PRIMARY KEY NOT NULL,
	"payload" varchar(64) NOT NULL,
	"order_id" integer NOT NULL,
	"kind" "invoice_kind" NOT NULL,
	"currency" varchar(3) NOT NULL,
	"amount" integer NOT NULL,
	"state" "invoice_state" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invoices_payload_unique" UNIQUE("payload"),
	CONSTRAINT "invoices_amount_check" CHECK ("invoices"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"invoice_id" integer NOT NULL,
	"currency" varchar(3) NOT NULL,
	"amount" integer NOT NULL,
	"telegram_payment_charge_id" text NOT NULL,
	"provider_payment_charge_id" text,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refund_state" "refund_state",
	"refunded_at" timestamp with time zone,
	CONSTRAINT "payments_telegram_payment_charge_id_unique" UNIQUE("telegram_payment_charge_id")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_state" "payment_state" DEFAULT 'unpaid' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_order_idx" ON "invoices" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id");