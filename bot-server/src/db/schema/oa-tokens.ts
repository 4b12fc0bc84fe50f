import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The OA's OAuth pair (zalo-oa.md §3): access token ~25 h, refresh token 3 months and single-use, so
 * each refresh must store the new pair atomically. Both are sealed (lib/crypto.ts): a database leak must
 * not yield a token that can message citizens. One row per OA; refreshes lock it (SELECT … FOR UPDATE).
 */
export const oaTokens = pgTable("oa_tokens", {
  oaId: text("oa_id").primaryKey(),
  accessTokenSealed: text("access_token_sealed"),
  accessExpiresAt: timestamp("access_expires_at", { withTimezone: true }),
  refreshTokenSealed: text("refresh_token_sealed").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
