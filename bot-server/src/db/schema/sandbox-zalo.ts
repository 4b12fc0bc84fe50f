import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The sandbox's pretend Zalo accounts (sandbox mode only): what Zalo itself would hold about a user of
 * our Mini App. The phone number is sealed like every phone number we store (house rule), even though
 * these people are made up: someone may type their real number into the sandbox.
 */
export const sandboxZaloUsers = pgTable("sandbox_zalo_users", {
  /** The per-app user id, a numeric string like Zalo's (never a JS number: it exceeds 2^53). */
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  avatarUrl: text("avatar_url"),
  phoneSealed: text("phone_sealed").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Tokens the sandbox issued for a sandbox user: `access` (what zmp-sdk getAccessToken returns) and
 * `phone` (what getPhoneNumber returns: single use, ~2 minutes). Only the SHA-256 of a token is kept.
 */
export const sandboxZaloTokens = pgTable(
  "sandbox_zalo_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    kind: text("kind", { enum: ["access", "phone"] }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => sandboxZaloUsers.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("sandbox_zalo_tokens_user_idx").on(table.userId)],
);
