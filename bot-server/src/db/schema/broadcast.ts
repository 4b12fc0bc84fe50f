import { NOTICE_CATEGORIES, NOTICE_STATUSES } from "@dvc/shared";
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { officers } from "./officers";
import { residents } from "./residents";
import { communes } from "./units";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * The OA's GMF groups (zalo-oa.md §0/§5), synced from `getgroupsofoa`/`getgroup` or created from the
 * officer area, each assigned to one commune by an admin (null: not yet assigned, no notice goes there).
 * The id is Zalo's opaque hex string and stays a string.
 */
export const oaGroups = pgTable(
  "oa_groups",
  {
    groupId: text("group_id").primaryKey(),
    name: text("name").notNull(),
    description: text("description"),
    groupLink: text("group_link"),
    communeCode: text("commune_code").references(() => communes.code),
    /** Zalo's status from the last sync ("enabled", …); "gone" when the last sync no longer listed it. */
    status: text("status").notNull().default("enabled"),
    syncedAt: timestamp("synced_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("oa_groups_commune_idx").on(table.communeCode)],
);

/**
 * A follower's commune for notices: set in the Mini App ("Thông báo" tab) or told to the bot. The OA tag
 * naming the commune is kept in step by the tag sync (`taggedAs` = the tag last applied at Zalo), so
 * the OA's own console shows the same audiences. Fan-out reads this table, not Zalo's follower list,
 * whose offset stops near 10,000 (zalo-oa.md §6 [U]).
 */
export const noticeSubscriptions = pgTable(
  "notice_subscriptions",
  {
    oaUserId: text("oa_user_id")
      .primaryKey()
      .references(() => residents.oaUserId, { onDelete: "cascade" }),
    /** Null: the follower stopped; the row stays until the tag sync has taken the old tag off at Zalo. */
    communeCode: text("commune_code").references(() => communes.code),
    source: text("source", { enum: ["mini_app", "bot"] }).notNull(),
    /** The OA tag applied at Zalo for this follower; differs from the commune's tag until synced. */
    taggedAs: text("tagged_as"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("notice_subscriptions_commune_idx").on(table.communeCode, table.oaUserId)],
);

/**
 * A notice to a commune's residents (issue 13): drafted by an officer, approved by a leader of the
 * same commune (an admin for a province-wide one, `communeCode` null), then fanned out through the
 * delivery engine at `scheduledAt`. Public text only: no personal data in any column.
 */
export const notices = pgTable(
  "notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeCode: text("commune_code").references(() => communes.code),
    authorId: uuid("author_id")
      .notNull()
      .references(() => officers.id),
    status: text("status", { enum: NOTICE_STATUSES }).notNull().default("draft"),
    category: text("category", { enum: NOTICE_CATEGORIES }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** What chat carries when title + body pass Zalo's 2,000 characters; null otherwise. */
    summary: text("summary"),
    /** The Mini App procedure the notice's button opens. */
    procedureCode: text("procedure_code"),
    /** Who it goes to besides the Mini App list and the board: the chosen groups, and followers or not. */
    groupIds: text("group_ids").array().notNull().default(sql`'{}'::text[]`),
    toFollowers: boolean("to_followers").notNull().default(true),
    /** Null: as soon as it is approved. */
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Zalo's attachment id of the image, uploaded when the fan-out starts (ids expire, §2 [U]). */
    imageAttachmentId: text("image_attachment_id"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewedBy: uuid("reviewed_by").references(() => officers.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    returnComment: text("return_comment"),
    /** Fan-out: started, the last follower enqueued (resumes after it), finished enqueuing. */
    startedAt: timestamp("started_at", { withTimezone: true }),
    fanoutCursor: text("fanout_cursor"),
    enqueuedAt: timestamp("enqueued_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Bumped by every change: an edit or a review against an older version is a 409. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("notices_commune_idx").on(table.communeCode, table.createdAt),
    index("notices_due_idx").on(table.scheduledAt).where(sql`${table.status} in ('approved', 'sending')`),
  ],
);

/** A notice's image as the officer uploaded it (JPEG/PNG ≤ 1 MB): the board and the app show it. */
export const noticeImages = pgTable("notice_images", {
  noticeId: uuid("notice_id")
    .primaryKey()
    .references(() => notices.id, { onDelete: "cascade" }),
  contentType: text("content_type").notNull(),
  bytes: bytea("bytes").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every step of a notice, for its page; the audit log records the same steps for the commune. */
export const noticeSteps = pgTable(
  "notice_steps",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => notices.id, { onDelete: "cascade" }),
    officerId: uuid("officer_id").references(() => officers.id),
    /** draft, edit, submit, approve, return, cancel, start, finish, resend. */
    step: text("step").notNull(),
    comment: text("comment"),
    detail: jsonb("detail"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("notice_steps_notice_idx").on(table.noticeId, table.id)],
);
