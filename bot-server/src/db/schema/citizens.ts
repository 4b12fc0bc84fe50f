import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A citizen who signed in through the Mini App. `zaloUserId` is the per-app id the Graph API returned. */
export const citizens = pgTable("citizens", {
  id: uuid("id").primaryKey().defaultRandom(),
  zaloUserId: text("zalo_user_id").notNull().unique(),
  name: text("name").notNull(),
  avatarUrl: text("avatar_url"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Server-side sessions (OWASP ASVS V7): an opaque 256-bit token is given to the app once; only its
 * SHA-256 is stored, so a database leak yields no usable token. Logout deletes the row.
 */
export const citizenSessions = pgTable(
  "citizen_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    citizenId: uuid("citizen_id")
      .notNull()
      .references(() => citizens.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("citizen_sessions_citizen_idx").on(table.citizenId)],
);
