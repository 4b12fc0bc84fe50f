import { bigserial, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { citizens } from "./citizens";

/**
 * Consent records (Nghị định 13/2023/NĐ-CP Art. 11: informed, per purpose, printable). Nothing with a
 * CCCD or phone number is stored for a citizen without a live row here.
 */
export const consents = pgTable(
  "consents",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    citizenId: uuid("citizen_id")
      .notNull()
      .references(() => citizens.id, { onDelete: "cascade" }),
    purposes: text("purposes").array().notNull(),
    noticeVersion: text("notice_version").notNull(),
    channel: text("channel").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (table) => [index("consents_citizen_idx").on(table.citizenId)],
);

/** The profile that prefills every form: sealed JSON, plus keyed hashes for look-ups by CCCD or phone. */
export const citizenProfiles = pgTable("citizen_profiles", {
  citizenId: uuid("citizen_id")
    .primaryKey()
    .references(() => citizens.id, { onDelete: "cascade" }),
  sealed: text("sealed").notNull(),
  cccdHash: text("cccd_hash"),
  phoneHash: text("phone_hash"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Fixed-window counters shared by every node (no in-process state): key = limit name + subject. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);
