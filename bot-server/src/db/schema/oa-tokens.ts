import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The OA's OAuth pair (zalo-oa.md §3): access token ~25 h, refresh token 3 months and single-use, so
 * each refresh must store the new pair atomically. Both are sealed (lib/crypto.ts): a database leak must
 * not yield a token that can message citizens. One row per OA. One refresh at a time across processes:
 * the refresher takes a short lease (`refresh_lease_until`) rather than holding a row lock during the
 * call to Zalo, so no database connection waits on the network (and the single-connection PGlite can
 * serve the sandbox's own OAuth endpoint meanwhile).
 */
export const oaTokens = pgTable("oa_tokens", {
  oaId: text("oa_id").primaryKey(),
  accessTokenSealed: text("access_token_sealed"),
  accessExpiresAt: timestamp("access_expires_at", { withTimezone: true }),
  refreshTokenSealed: text("refresh_token_sealed").notNull(),
  refreshLeaseUntil: timestamp("refresh_lease_until", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
