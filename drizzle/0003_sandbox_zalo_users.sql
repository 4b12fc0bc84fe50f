CREATE TABLE "sandbox_zalo_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_zalo_users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"avatar_url" text,
	"phone_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sandbox_zalo_tokens" ADD CONSTRAINT "sandbox_zalo_tokens_user_id_sandbox_zalo_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."sandbox_zalo_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sandbox_zalo_tokens_user_idx" ON "sandbox_zalo_tokens" USING btree ("user_id");