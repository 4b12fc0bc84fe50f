import { bigserial, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * What the product sent to the Zalo sandbox (OA messages, template messages, group posts), recorded by
 * the sandbox exactly as Zalo received it so the /sandbox page can show it. Sandbox mode only.
 */
export const sandboxSentMessages = pgTable("sandbox_sent_messages", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  channel: text("channel").notNull(),
  recipient: text("recipient").notNull(),
  /** The message id the sandbox answered with (`data.message_id` / `data.msg_id`). */
  messageId: text("message_id"),
  payload: jsonb("payload").notNull(),
  /** How far the sandbox's receipts got, as the resident's phone would show it: null = sent only. */
  receipt: text("receipt", { enum: ["delivered", "seen"] }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
