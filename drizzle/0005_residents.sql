CREATE TABLE "residents" (
	"oa_user_id" text PRIMARY KEY NOT NULL,
	"user_id_by_app" text,
	"citizen_id" uuid,
	"following" boolean DEFAULT false NOT NULL,
	"followed_at" timestamp with time zone,
	"unfollowed_at" timestamp with time zone,
	"last_interaction_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbound_events" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "residents_user_id_by_app_idx" ON "residents" USING btree ("user_id_by_app");