import { index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * Administrative units after 1 July 2025: province → commune, no district (Nghị quyết 202/2025/QH15).
 * Codes are the General Statistics Office's (Công văn 915 and 1027/CTK-CSCL).
 */
export const provinces = pgTable("provinces", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  type: text("type").notNull(),
});

export const communes = pgTable(
  "communes",
  {
    code: text("code").primaryKey(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    name: text("name").notNull(),
    type: text("type").notNull(),
    /** Folded new name plus folded predecessor names, for diacritic-free search. */
    searchText: text("search_text").notNull(),
  },
  (table) => [index("communes_province_idx").on(table.provinceCode)],
);

/** Pre-2025 wards/communes merged (fully or partly) into a new commune: citizens still write these. */
export const communePredecessors = pgTable(
  "commune_predecessors",
  {
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code, { onDelete: "cascade" }),
    oldCode: text("old_code").notNull(),
    oldName: text("old_name").notNull(),
    oldDistrict: text("old_district"),
    /** "full" when the whole old unit went to this commune, "partial" when it was split. */
    scope: text("scope").notNull(),
    searchText: text("search_text").notNull(),
  },
  (table) => [primaryKey({ columns: [table.communeCode, table.oldCode] })],
);
