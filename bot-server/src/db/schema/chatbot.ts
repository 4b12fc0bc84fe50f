import { sql } from "drizzle-orm";
import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    /** Who handed it back (an officer id, or "system" when no officer answered in time); never a name. */
    closedBy: text("closed_by"),
    /** An officer's first reply: a handover nobody picked up goes back to the bot after 2 working hours. */
    pickedUpAt: timestamp("picked_up_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("chat_handovers_one_open_idx").on(table.oaUserId).where(sql`${table.closedAt} is null`),
    index("chat_handovers_queue_idx").on(table.communeCode, table.openedAt),
  ],
);

/**
 * A conversation's messages as the officer reads them: what the resident wrote, what the bot and the
 * officers answered. The text is sealed (a resident may type a CCCD or a phone number) under this row's
 * id, and deleted with the chat's retention (events/retention.ts).
 */
export const chatMessages = pgTable(
  "chat_messages",
  {
    id: uuid("id").primaryKey(),
    /** Insertion order: messages of one instant (a reply and its question) keep the order they happened in. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    oaUserId: text("oa_user_id")
      .notNull()
      .references(() => residents.oaUserId, { onDelete: "cascade" }),
    author: text("author", { enum: ["resident", "bot", "officer"] }).notNull(),
    /** The officer who wrote it (author "officer"). */
    officerId: uuid("officer_id"),
    /** "text", or what a resident sent that is not text ("image", "sticker", …): then no text. */
    kind: text("kind").notNull().default("text"),
    textSealed: text("text_sealed"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("chat_messages_resident_idx").on(table.oaUserId, table.seq)],
);
