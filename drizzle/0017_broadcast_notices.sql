CREATE TABLE "notice_images" (
	"notice_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"notice_id" uuid NOT NULL,
	"officer_id" uuid,
	"step" text NOT NULL,
	"comment" text,
	"detail" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_subscriptions" (
	"oa_user_id" text PRIMARY KEY NOT NULL,
	"commune_code" text,
	"source" text NOT NULL,
	"tagged_as" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_code" text,
	"author_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"summary" text,
	"procedure_code" text,
	"group_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"to_followers" boolean DEFAULT true NOT NULL,
	"scheduled_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"image_attachment_id" text,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"return_comment" text,
	"started_at" timestamp with time zone,
	"fanout_cursor" text,
	"enqueued_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oa_groups" (
	"group_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"group_link" text,
	"commune_code" text,
	"status" text DEFAULT 'enabled' NOT NULL,
	"synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "notice_id" uuid;--> statement-breakpoint
ALTER TABLE "notice_images" ADD CONSTRAINT "notice_images_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_steps" ADD CONSTRAINT "notice_steps_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_steps" ADD CONSTRAINT "notice_steps_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_subscriptions" ADD CONSTRAINT "notice_subscriptions_oa_user_id_residents_oa_user_id_fk" FOREIGN KEY ("oa_user_id") REFERENCES "public"."residents"("oa_user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_subscriptions" ADD CONSTRAINT "notice_subscriptions_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_author_id_officers_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_reviewed_by_officers_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oa_groups" ADD CONSTRAINT "oa_groups_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notice_steps_notice_idx" ON "notice_steps" USING btree ("notice_id","id");--> statement-breakpoint
CREATE INDEX "notice_subscriptions_commune_idx" ON "notice_subscriptions" USING btree ("commune_code","oa_user_id");--> statement-breakpoint
CREATE INDEX "notices_commune_idx" ON "notices" USING btree ("commune_code","created_at");--> statement-breakpoint
CREATE INDEX "notices_due_idx" ON "notices" USING btree ("scheduled_at") WHERE "notices"."status" in ('approved', 'sending');--> statement-breakpoint
CREATE INDEX "oa_groups_commune_idx" ON "oa_groups" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "deliveries_notice_idx" ON "deliveries" USING btree ("notice_id","status") WHERE "deliveries"."notice_id" is not null;