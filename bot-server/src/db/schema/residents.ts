import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { citizens } from "./citizens";

/**
 * A Zalo user as the OA sees them, built from webhook events by the event worker
 * (modules/events). Keyed by the OA-scoped id (`sender.id` / `follower.id`, zalo-oa.md §1), the id
 * every OA send API takes.
 */
export const residents = pgTable(
  "residents",
  {
    oaUserId: text("oa_user_id").primaryKey(),
    /** The per-app id Zalo adds to events; used to link a Mini App citizen (see linkCitizenRule). */
    userIdByApp: text("user_id_by_app"),
    citizenId: uuid("citizen_id").references(() => citizens.id, { onDelete: "set null" }),
    following: boolean("following").notNull().default(false),
    followedAt: timestamp("followed_at", { withTimezone: true }),
    unfollowedAt: timestamp("unfollowed_at", { withTimezone: true }),
    /** Last user → OA message: opens the 7-day window for consultation messages. */
    lastInteractionAt: timestamp("last_interaction_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("residents_user_id_by_app_idx").on(table.userIdByApp)],
);
