import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Which version of each reference data set was last written, so start-up skips an unchanged seed. */
export const dataSeeds = pgTable("data_seeds", {
  name: text("name").primaryKey(),
  checksum: text("checksum").notNull(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
});
