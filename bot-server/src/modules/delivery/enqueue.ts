import type { Database } from "../../db/client";
import { deliveries } from "../../db/schema";
import { type DeliveryMessage, TIME_TO_LIVE_MS } from "./message";
import type { StoredPayload } from "./payload";

/**
 * Records a message in the caller's transaction (OB-1): it commits or rolls back with the change that
 * caused it, and the delivery worker sends it afterwards. The key names the logical message, so a
 * second enqueue of it (a retried request, a replayed event) records nothing: true only the first time.
 */
export async function enqueue(tx: Database, message: DeliveryMessage, now = new Date()): Promise<boolean> {
  const inserted = await tx
    .insert(deliveries)
    .values({
      idempotencyKey: message.key,
      kind: message.kind,
      ...rowOf(message),
      expiresAt: expiry(message, now),
    })
    .onConflictDoNothing({ target: deliveries.idempotencyKey })
    .returning({ id: deliveries.id });
  return inserted.length > 0;
}

/**
 * Records many messages in one statement, in the caller's transaction (the broadcast fan-out's batches):
 * the same rule as `enqueue`, a key already recorded records nothing. How many rows were new.
 */
export async function enqueueMany(
  tx: Database,
  messages: readonly DeliveryMessage[],
  now = new Date(),
): Promise<number> {
  if (messages.length === 0) return 0;
  const inserted = await tx
    .insert(deliveries)
    .values(
      messages.map((message) => ({
        idempotencyKey: message.key,
        kind: message.kind,
        ...rowOf(message),
        expiresAt: expiry(message, now),
      })),
    )
    .onConflictDoNothing({ target: deliveries.idempotencyKey })
    .returning({ id: deliveries.id });
  return inserted.length;
}

function expiry(message: DeliveryMessage, now: Date): Date {
  if ((message.kind === "follower_notice" || message.kind === "group_notice") && message.expiresAt)
    return message.expiresAt;
  return new Date(now.getTime() + TIME_TO_LIVE_MS[message.kind]);
}

type RowFields = Pick<
  typeof deliveries.$inferInsert,
  "oaUserId" | "citizenId" | "groupId" | "noticeId" | "dossierCode" | "orderingKey" | "payload"
>;

function rowOf(message: DeliveryMessage): RowFields {
  switch (message.kind) {
    case "chatbot_reply":
    case "officer_reply":
      return {
        oaUserId: message.oaUserId,
        // A conversation's bubbles leave one at a time, in the order they were written.
        orderingKey: `oa:${message.oaUserId}`,
        payload: { text: message.text, buttons: [...(message.buttons ?? [])] } satisfies StoredPayload,
      };
    case "dossier_status":
    case "supplement_request":
      return {
        citizenId: message.citizenId,
        dossierCode: message.dossierCode,
        // "Tiếp nhận" must not overtake "Đã nộp".
        orderingKey: `dossier:${message.dossierCode}`,
        payload: {
          status: message.status,
          procedureTitle: message.procedureTitle,
          dueAt: message.dueAt.toISOString(),
          ...(message.supplementMessage ? { supplementMessage: message.supplementMessage } : {}),
          ...(message.officerNote ? { officerNote: message.officerNote } : {}),
          ...(message.apology ? { apology: true } : {}),
        } satisfies StoredPayload,
      };
    case "group_notice":
      return {
        groupId: message.groupId,
        noticeId: message.noticeId ?? null,
        payload: {
          text: message.text,
          buttons: [],
          ...(message.imageAttachmentId ? { imageAttachmentId: message.imageAttachmentId } : {}),
        } satisfies StoredPayload,
      };
    case "follower_notice":
      return {
        oaUserId: message.oaUserId,
        noticeId: message.noticeId ?? null,
        payload: { text: message.text, buttons: [...(message.buttons ?? [])] } satisfies StoredPayload,
      };
  }
}
