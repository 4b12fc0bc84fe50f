import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { residents } from "./residents";

/**
 * The chatbot's memory of one conversation with a resident: whether the bot may answer (`bot`) or an
 * officer has it (`handover`), and how many turns in a row it did not understand (two → handover).
 */
export const chatConversations = pgTable("chat_conversations", {
  oaUserId: text("oa_user_id")
    .primaryKey()
    .references(() => residents.oaUserId, { onDelete: "cascade" }),
  mode: text("mode", { enum: ["bot", "handover"] })
    .notNull()
    .default("bot"),
  lowConfidenceTurns: integer("low_confidence_turns").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The commune officers' queue: a conversation handed to a human. One open row per resident at most;
 * an officer closes it to hand the conversation back to the bot.
 */
export const chatHandovers = pgTable(
  "chat_handovers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    oaUserId: text("oa_user_id")
      .notNull()
      .references(() => residents.oaUserId, { onDelete: "cascade" }),
    /** The commune whose officers should answer; null when the resident has no known commune yet. */
    communeCode: text("commune_code"),
    reason: text("reason", { enum: ["asked", "not_understood"] }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Who handed it back (an officer id); never a name. */
    closedBy: text("closed_by"),
  },
  (table) => [
    uniqueIndex("chat_handovers_one_open_idx").on(table.oaUserId).where(sql`${table.closedAt} is null`),
    index("chat_handovers_queue_idx").on(table.communeCode, table.openedAt),
  ],
);

/**
 * Every message the product sends to a resident, under a key that names why it is sent (e.g. the
 * inbound event it answers): a replayed event finds its reply already here and does not send twice.
 * The delivery-engine issue turns this table into the outbox its worker drains.
 */
export const outboundMessages = pgTable(
  "outbound_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    channel: text("channel", { enum: ["oa_cs"] }).notNull(),
    recipient: text("recipient").notNull(),
    /** What is sent (text and buttons). Replies carry no CCCD or phone number by construction. */
    payload: jsonb("payload").notNull(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    zaloMessageId: text("zalo_message_id"),
    /** OaError kind of the last failure (never Zalo's message text). */
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [index("outbound_messages_recipient_idx").on(table.recipient, table.id)],
);
