import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every version of every procedure definition ever served. A draft or dossier stores (code, version) and
 * is always read and validated against that exact definition, so editing the catalog never breaks one
 * in progress. Rows are immutable once written.
 */
export const procedureVersions = pgTable(
  "procedure_versions",
  {
    code: text("code").notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").notNull(),
    /** sha256 of the canonical JSON: a changed definition must come with a new version. */
    checksum: text("checksum").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.code, table.version] })],
);

/** The current version of each procedure in the catalog, with the columns lists filter on. */
export const procedures = pgTable(
  "procedures",
  {
    code: text("code").primaryKey(),
    currentVersion: integer("current_version").notNull(),
    title: text("title").notNull(),
    sector: text("sector").notNull(),
    online: boolean("online").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("procedures_sector_idx").on(table.sector)],
);
