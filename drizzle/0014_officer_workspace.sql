CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"officer_id" uuid NOT NULL,
	"commune_code" text,
	"action" text NOT NULL,
	"dossier_code" text,
	"detail" jsonb,
	"address_hash" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officer_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"officer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officer_status_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"officer_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"dossier_code" text NOT NULL,
	"event_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "officer_status_requests_key" UNIQUE("officer_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "officers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"commune_code" text,
	"disabled_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "officers_username_unique" UNIQUE("username")
);
--> statement-breakpoint
DROP INDEX "dossiers_commune_status_idx";--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_sessions" ADD CONSTRAINT "officer_sessions_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_status_requests" ADD CONSTRAINT "officer_status_requests_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_commune_idx" ON "audit_log" USING btree ("commune_code","at");--> statement-breakpoint
CREATE INDEX "audit_log_dossier_idx" ON "audit_log" USING btree ("dossier_code") WHERE "audit_log"."dossier_code" is not null;--> statement-breakpoint
CREATE INDEX "officer_sessions_officer_idx" ON "officer_sessions" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "officers_commune_idx" ON "officers" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "dossiers_commune_status_due_idx" ON "dossiers" USING btree ("commune_code","status","due_at","code");--> statement-breakpoint
CREATE INDEX "dossiers_commune_open_due_idx" ON "dossiers" USING btree ("commune_code","due_at","code") WHERE "dossiers"."status" not in ('refused', 'withdrawn', 'stopped', 'returned');