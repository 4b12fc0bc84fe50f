import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * A one-stop system (Một cửa điện tử) allowed to call /api/integration/v1 (issue 14): made by
 * `npm run admin -- create-integration-key`, which shows the key and the secret once. The key is kept
 * only as a keyed hash (looked up by it). The secret signs every request (X-Signature: HMAC-SHA256), so
 * the server needs it back: it is kept sealed under DATA_ENCRYPTION_KEY, never in clear, never logged.
 */
export const integrationKeys = pgTable("integration_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  secretSealed: text("secret_sealed").notNull(),
  /** The communes whose dossiers it may read and move; any other dossier does not exist for it. */
  communeCodes: text("commune_codes").array().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/**
 * Idempotency of POST …/dossiers/:code/status by the caller's `eventId`: the first answer is kept and a
 * replay gets it again, with no second event or message; the same eventId with another body is refused.
 */
export const integrationEvents = pgTable(
  "integration_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    keyId: uuid("key_id")
      .notNull()
      .references(() => integrationKeys.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    requestHash: text("request_hash").notNull(),
    dossierCode: text("dossier_code").notNull(),
    responseStatus: integer("response_status").notNull(),
    responseBody: jsonb("response_body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("integration_events_key_event").on(table.keyId, table.eventId),
    index("integration_events_dossier_idx").on(table.dossierCode),
  ],
);
