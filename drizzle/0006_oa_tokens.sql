CREATE TABLE "oa_tokens" (
	"oa_id" text PRIMARY KEY NOT NULL,
	"access_token_sealed" text,
	"access_expires_at" timestamp with time zone,
	"refresh_token_sealed" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
