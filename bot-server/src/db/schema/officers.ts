import { OFFICER_ROLES } from "@dvc/shared";
import { sql } from "drizzle-orm";
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { communes } from "./units";

/**
 * A person who works the officer area. `officer` and `leader` belong to one commune; `admin` works for
 * the province and has none. Signs in with a username and a password (argon2id hash, never the
 * password). A disabled account keeps its row: the audit log names it.
 */
export const officers = pgTable(
  "officers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Lower case, as typed at sign-in after trimming. */
    username: text("username").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: OFFICER_ROLES }).notNull(),
    communeCode: text("commune_code").references(() => communes.code),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("officers_commune_idx").on(table.communeCode)],
);

/** Officer sign-ins: 30 min idle, 12 h in all (officer-auth/session.ts). Only the token's hash is kept. */
export const officerSessions = pgTable(
  "officer_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    officerId: uuid("officer_id")
      .notNull()
      .references(() => officers.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("officer_sessions_officer_idx").on(table.officerId)],
);

/**
 * Who did or saw what (issue 11 §4): every view of a citizen's personal data and every action by an
 * officer, written in the transaction of what it records. No personal data in it: ids and codes only;
 * the address is a keyed hash (Sealer.lookupHash), as in the rate limits.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Who acted: an officer, or (null here) the one-stop system named by integrationKeyId. */
    officerId: uuid("officer_id").references(() => officers.id),
    /** A one-stop system's signed call (modules/integration); null for an officer's action. */
    integrationKeyId: uuid("integration_key_id"),
    /** The commune whose data it was: leaders read their commune's log by it. Null: province-wide. */
    communeCode: text("commune_code"),
    action: text("action").notNull(),
    dossierCode: text("dossier_code"),
    /** Codes and ids that say more (the status moved to, the file id); never text a person typed. */
    detail: jsonb("detail"),
    addressHash: text("address_hash"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("audit_log_commune_idx").on(table.communeCode, table.at),
    index("audit_log_dossier_idx").on(table.dossierCode).where(sql`${table.dossierCode} is not null`),
  ],
);

/**
 * Idempotency of an officer's status change (`Idempotency-Key`): the same key from the same officer
 * replays the first answer instead of moving the dossier twice; a different body under it is refused.
 */
export const officerStatusRequests = pgTable(
  "officer_status_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    officerId: uuid("officer_id")
      .notNull()
      .references(() => officers.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    dossierCode: text("dossier_code").notNull(),
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("officer_status_requests_key").on(table.officerId, table.idempotencyKey)],
);
