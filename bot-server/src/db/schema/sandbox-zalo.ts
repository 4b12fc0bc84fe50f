import { boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The sandbox's pretend Zalo accounts (sandbox mode only): what Zalo itself would hold about a user of
 * our Mini App. The phone number is sealed like every phone number we store (house rule), even though
 * these people are made up: someone may type their real number into the sandbox.
 */
export const sandboxZaloUsers = pgTable("sandbox_zalo_users", {
  /** The per-app user id, a numeric string like Zalo's (never a JS number: it exceeds 2^53). */
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  avatarUrl: text("avatar_url"),
  phoneSealed: text("phone_sealed").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Tokens the sandbox issued for a sandbox user: `access` (what zmp-sdk getAccessToken returns) and
 * `phone` (what getPhoneNumber returns: single use, ~2 minutes). Only the SHA-256 of a token is kept.
 */
export const sandboxZaloTokens = pgTable(
  "sandbox_zalo_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    kind: text("kind", { enum: ["access", "phone"] }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => sandboxZaloUsers.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("sandbox_zalo_tokens_user_idx").on(table.userId)],
);

/**
 * The sandbox's pretend OA followers (the residents typed as on the /sandbox chat page): what Zalo knows
 * about a user of the OA. `userIdByApp` may point at a sandbox Mini App user, so that person's dossiers
 * are theirs in the chat too. `lastInteractionAt` drives the 7-day window the sandbox enforces.
 */
export const sandboxOaUsers = pgTable("sandbox_oa_users", {
  /** The OA-scoped user id (sender.id / follower.id), a numeric string. */
  id: text("id").primaryKey(),
  userIdByApp: text("user_id_by_app"),
  displayName: text("display_name").notNull(),
  following: boolean("following").notNull().default(false),
  lastInteractionAt: timestamp("last_interaction_at", { withTimezone: true }),
  tags: jsonb("tags").$type<string[]>().notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** OA tokens the sandbox's OAuth issued: `access` (25 h) and single-use `refresh`; hashes only. */
export const sandboxOaTokens = pgTable("sandbox_oa_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  kind: text("kind", { enum: ["access", "refresh"] }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What each resident sent, as the sandbox's Zalo delivered it and the webhook accepted it: Zalo keeps a
 * conversation on the phone, and the page shows it from here. The event is sealed: what a resident
 * types may be a real CCCD or phone number, even in a sandbox.
 */
export const sandboxChatEvents = pgTable(
  "sandbox_chat_events",
  {
    id: text("id").primaryKey(),
    oaUserId: text("oa_user_id").notNull(),
    eventSealed: text("event_sealed").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("sandbox_chat_events_user_idx").on(table.oaUserId, table.sentAt)],
);

/** The OA's GMF groups in the sandbox (group ids are strings like Zalo's). */
export const sandboxOaGroups = pgTable("sandbox_oa_groups", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  description: text("description"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Files uploaded to the sandbox OA (image → attachment_id, file → token); bytes are not kept. */
export const sandboxOaUploads = pgTable("sandbox_oa_uploads", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["image", "file", "gif"] }).notNull(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
