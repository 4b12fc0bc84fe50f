CREATE TABLE "chat_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"oa_user_id" text NOT NULL,
	"author" text NOT NULL,
	"officer_id" uuid,
	"kind" text DEFAULT 'text' NOT NULL,
	"text_sealed" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_handovers" ADD COLUMN "picked_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_oa_user_id_residents_oa_user_id_fk" FOREIGN KEY ("oa_user_id") REFERENCES "public"."residents"("oa_user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_messages_resident_idx" ON "chat_messages" USING btree ("oa_user_id","seq");