import { and, count, eq, gte, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { sandboxSentMessages } from "../db/schema";

/**
 * What the product sent through the sandbox, one row per accepted message, for the /sandbox page and for
 * tests. The payload is the body as received (a phone number excepted: see business.ts).
 */

export type SentChannel = "oa_cs" | "oa_template" | "oa_group" | "zns";

export interface SentMessageInput {
  channel: SentChannel;
  /** OA user id, group id, or a masked phone number: never a raw phone number. */
  recipient: string;
  messageId: string;
  payload: unknown;
  at: Date;
}

export async function recordSent(db: Database, input: SentMessageInput): Promise<void> {
  await db.insert(sandboxSentMessages).values({
    channel: input.channel,
    recipient: input.recipient,
    messageId: input.messageId,
    payload: input.payload,
    createdAt: input.at,
  });
}

/** How many messages of `channel` went at or after `since` (to `recipient`, when given). */
export async function countSentSince(
  db: Database,
  input: { channel: SentChannel; since: Date; recipient?: string },
): Promise<number> {
  const [row] = await db
    .select({ sent: count() })
    .from(sandboxSentMessages)
    .where(
      and(
        eq(sandboxSentMessages.channel, input.channel),
        gte(sandboxSentMessages.createdAt, input.since),
        input.recipient === undefined ? undefined : eq(sandboxSentMessages.recipient, input.recipient),
      ),
    );
  return row?.sent ?? 0;
}

/**
 * The sandbox's receipt for one of its messages reached the product's webhook: its record moves on, never
 * back (a late "delivered" after "seen" changes nothing).
 */
export async function recordReceipt(
  db: Database,
  messageId: string,
  receipt: "delivered" | "seen",
): Promise<void> {
  await db
    .update(sandboxSentMessages)
    .set({
      receipt: receipt === "seen" ? "seen" : sql`coalesce(${sandboxSentMessages.receipt}, 'delivered')`,
    })
    .where(eq(sandboxSentMessages.messageId, messageId));
}
