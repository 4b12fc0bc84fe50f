CREATE TABLE "integration_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"request_hash" text NOT NULL,
	"dossier_code" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_events_key_event" UNIQUE("key_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "integration_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"secret_sealed" text NOT NULL,
	"commune_codes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "integration_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "officer_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "channel" text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "filed_by" text DEFAULT 'citizen' NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "resolved_working_days" double precision;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "integration_key_id" uuid;--> statement-breakpoint
ALTER TABLE "integration_events" ADD CONSTRAINT "integration_events_key_id_integration_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."integration_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integration_events_dossier_idx" ON "integration_events" USING btree ("dossier_code");--> statement-breakpoint
CREATE INDEX "deliveries_unreachable_idx" ON "deliveries" USING btree ("created_at") WHERE "deliveries"."status" in ('in_app', 'failed', 'dead', 'expired') and "deliveries"."kind" in ('dossier_status', 'supplement_request');--> statement-breakpoint
CREATE INDEX "dossiers_commune_submitted_idx" ON "dossiers" USING btree ("commune_code","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_submitted_idx" ON "dossiers" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_commune_resolved_idx" ON "dossiers" USING btree ("commune_code","resolved_at") WHERE "dossiers"."resolved_at" is not null;--> statement-breakpoint
CREATE INDEX "dossiers_commune_updated_idx" ON "dossiers" USING btree ("commune_code","updated_at","code");--> statement-breakpoint
CREATE INDEX "dossiers_resolved_idx" ON "dossiers" USING btree ("resolved_at") WHERE "dossiers"."resolved_at" is not null;