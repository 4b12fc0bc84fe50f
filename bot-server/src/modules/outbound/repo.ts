import { and, asc, eq, inArray, like, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { outboundMessages } from "../../db/schema";
import { type OutboundMessage, RETRYABLE_KINDS } from "./messenger";

const storedPayloadSchema = z.object({
  text: z.string(),
  buttons: z.array(
    z.object({
      title: z.string(),
      type: z.enum(["oa.open.url", "oa.query.show"]),
      payload: z.string(),
    }),
  ),
});

/** Records a message unless its key exists; true when this call recorded it. */
export async function insertOutbound(db: Database, message: OutboundMessage): Promise<boolean> {
  const inserted = await db
    .insert(outboundMessages)
    .values({
      dedupeKey: message.dedupeKey,
      channel: "oa_cs",
      recipient: message.oaUserId,
      payload: { text: message.text, buttons: message.buttons ?? [] },
      status: "pending",
    })
    .onConflictDoNothing({ target: outboundMessages.dedupeKey })
    .returning({ id: outboundMessages.id });
  return inserted.length > 0;
}

/**
 * Takes one message for sending: pending, or left `sending` by a sender that died mid-way (a reply
 * twice is better than none), or failed for a reason that may pass. Undefined when there is nothing to send.
 */
export async function claimOutbound(db: Database, dedupeKey: string): Promise<OutboundMessage | undefined> {
  const [row] = await db
    .update(outboundMessages)
    .set({ status: "sending", attempts: sql`${outboundMessages.attempts} + 1` })
    .where(
      and(
        eq(outboundMessages.dedupeKey, dedupeKey),
        or(
          inArray(outboundMessages.status, ["pending", "sending"]),
          and(
            eq(outboundMessages.status, "failed"),
            inArray(outboundMessages.lastError, [...RETRYABLE_KINDS]),
          ),
        ),
      ),
    )
    .returning();
  if (!row) return undefined;
  const payload = storedPayloadSchema.parse(row.payload);
  return { dedupeKey: row.dedupeKey, oaUserId: row.recipient, text: payload.text, buttons: payload.buttons };
}

/** Keys recorded under a prefix (e.g. every reply to one inbound event), oldest first. */
export async function outboundKeysWithPrefix(db: Database, prefix: string): Promise<string[]> {
  const rows = await db
    .select({ key: outboundMessages.dedupeKey })
    .from(outboundMessages)
    .where(like(outboundMessages.dedupeKey, `${prefix.replace(/[\\%_]/g, "\\$&")}%`))
    .orderBy(asc(outboundMessages.id));
  return rows.map((row) => row.key);
}

export async function markOutboundSent(db: Database, dedupeKey: string, zaloMessageId: string) {
  await db
    .update(outboundMessages)
    .set({ status: "sent", zaloMessageId, sentAt: new Date(), lastError: null })
    .where(eq(outboundMessages.dedupeKey, dedupeKey));
}

export async function markOutboundFailed(db: Database, dedupeKey: string, reason: string) {
  await db
    .update(outboundMessages)
    .set({ status: "failed", lastError: reason })
    .where(eq(outboundMessages.dedupeKey, dedupeKey));
}
