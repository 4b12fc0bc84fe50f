CREATE TABLE "storage_deletions" (
	"storage_key" text PRIMARY KEY NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_chat_events" (
	"id" text PRIMARY KEY NOT NULL,
	"oa_user_id" text NOT NULL,
	"event_sealed" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_events" ALTER COLUMN "raw_body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "name_sealed" text;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD COLUMN "raw_body_sealed" text;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD COLUMN "event_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "sandbox_chat_events_user_idx" ON "sandbox_chat_events" USING btree ("oa_user_id","sent_at");