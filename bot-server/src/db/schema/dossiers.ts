import { sql } from "drizzle-orm";
import {
  bigserial,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { citizens } from "./citizens";
import { communes } from "./units";

/**
 * A draft: the answers being typed, saved on every change. `version` increases on every save; a save
 * carrying an older version is refused with the current draft (optimistic concurrency, 409).
 * Answers are sealed: they hold CCCDs and phone numbers.
 */
export const drafts = pgTable(
  "drafts",
  {
    id: uuid("id").primaryKey(),
    citizenId: uuid("citizen_id")
      .notNull()
      .references(() => citizens.id, { onDelete: "cascade" }),
    procedureCode: text("procedure_code").notNull(),
    procedureVersion: integer("procedure_version").notNull(),
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
    version: integer("version").notNull().default(0),
    answersSealed: text("answers_sealed").notNull(),
    currentStepId: text("current_step_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedDossierCode: text("submitted_dossier_code"),
  },
  (table) => [index("drafts_citizen_idx").on(table.citizenId)],
);

/** A submitted dossier (hồ sơ). It belongs to one commune, whose officers process it. */
export const dossiers = pgTable(
  "dossiers",
  {
    code: text("code").primaryKey(),
    citizenId: uuid("citizen_id").references(() => citizens.id, { onDelete: "set null" }),
    draftId: uuid("draft_id").notNull().unique(),
    procedureCode: text("procedure_code").notNull(),
    procedureVersion: integer("procedure_version").notNull(),
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
    status: text("status").notNull(),
    answersSealed: text("answers_sealed").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** Keyed hashes of the words of the names in the answers, for officers' search (dossiers/name-terms.ts). */
    nameTerms: text("name_terms"),
    /** The officer's supplement request: flagged field ids, message, time. */
    supplement: jsonb("supplement"),
    /** Idempotency of POST /api/dossiers: one key per citizen; the request's hash detects a changed body. */
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    /**
     * How it was filed (Decision 766/QĐ-TTg's online share): `online` through the Mini App, `counter` at
     * the one-stop desk (a one-stop system's dossier). Every dossier filed through the app is online.
     */
    channel: text("channel", { enum: ["online", "counter"] })
      .notNull()
      .default("online"),
    /** Who typed it (the self-submitted share): the citizen, or an officer on the citizen's behalf. */
    filedBy: text("filed_by", { enum: ["citizen", "officer"] })
      .notNull()
      .default("citizen"),
    /**
     * When its result was ready (first move to result_ready, or returned without one) and the working
     * days it took by the legal clock: written with that move, so the dashboard reads them without
     * walking the events (modules/dashboard). Null while unresolved.
     */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedWorkingDays: doublePrecision("resolved_working_days"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("dossiers_citizen_idempotency_key").on(table.citizenId, table.idempotencyKey),
    // The officer inbox (modules/officer-desk): a commune's dossiers by due date, all or of one status.
    index("dossiers_commune_status_due_idx").on(table.communeCode, table.status, table.dueAt, table.code),
    // Open ones only: returned and refused dossiers pile up for years and would be scanned first.
    index("dossiers_commune_open_due_idx")
      .on(table.communeCode, table.dueAt, table.code)
      .where(sql`${table.status} not in ('refused', 'withdrawn', 'stopped', 'returned')`),
    index("dossiers_citizen_idx").on(table.citizenId),
    // The dashboard (modules/dashboard): a commune's or the province's dossiers received in a range,
    // and resolved in a range.
    index("dossiers_commune_submitted_idx").on(table.communeCode, table.submittedAt),
    index("dossiers_submitted_idx").on(table.submittedAt),
    index("dossiers_commune_resolved_idx")
      .on(table.communeCode, table.resolvedAt)
      .where(sql`${table.resolvedAt} is not null`),
    // A one-stop system's pull (modules/integration): its communes' dossiers changed since, in cursor order.
    index("dossiers_commune_updated_idx").on(table.communeCode, table.updatedAt, table.code),
    index("dossiers_resolved_idx").on(table.resolvedAt).where(sql`${table.resolvedAt} is not null`),
  ],
);

/** The timeline: every status a dossier went through, who moved it and why. Append-only. */
export const dossierEvents = pgTable(
  "dossier_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dossierCode: text("dossier_code")
      .notNull()
      .references(() => dossiers.code, { onDelete: "cascade" }),
    status: text("status").notNull(),
    actor: text("actor").notNull(),
    note: text("note"),
    /** Previous answers, sealed, when a supplement changed them: history is kept. */
    previousAnswersSealed: text("previous_answers_sealed"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("dossier_events_dossier_idx").on(table.dossierCode)],
);

/**
 * Uploaded attachments. Bytes live behind the file-storage interface (database by default); the row
 * says who may read them: the owner, and once attached to a dossier, that commune's officers.
 */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerCitizenId: uuid("owner_citizen_id").references(() => citizens.id, { onDelete: "cascade" }),
    draftId: uuid("draft_id"),
    dossierCode: text("dossier_code"),
    fieldId: text("field_id"),
    /** Rows from before names were sealed; the start-up backfill seals them and clears this. */
    name: text("name"),
    /** The file's name as the citizen gave it ("CCCD 001095012345.png" is personal data), sealed. */
    nameSealed: text("name_sealed"),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("files_owner_idx").on(table.ownerCitizenId),
    index("files_dossier_idx").on(table.dossierCode),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** File bytes for the database storage backend (the default; a local folder is the other). */
export const fileBlobs = pgTable("file_blobs", {
  storageKey: text("storage_key").primaryKey(),
  data: bytea("data").notNull(),
});

/**
 * Bytes to delete from file storage: a row whose `files` row is gone is queued here in the same
 * statement or transaction that deleted it, so a crash between the database and the storage (a folder,
 * or later an object store) cannot leave a citizen's bytes behind. Drained right after the commit and by
 * housekeeping (storage/deletion-queue.ts).
 */
export const storageDeletions = pgTable("storage_deletions", {
  storageKey: text("storage_key").primaryKey(),
  queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
});
