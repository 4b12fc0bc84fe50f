CREATE TABLE "inbound_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"event_name" text NOT NULL,
	"source" text NOT NULL,
	"app_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"raw_body" text NOT NULL,
	"status" text NOT NULL,
	"event_timestamp" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "inbound_events_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE INDEX "inbound_events_status_idx" ON "inbound_events" USING btree ("status","id");