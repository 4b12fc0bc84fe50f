import type { NoticeDeliveryState } from "@dvc/shared";
import { and, asc, desc, eq, inArray, like, lt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { deliveries } from "../../db/schema";
import type { DeliveryKind } from "./message";

/** One message about a dossier as its timeline shows it. */
export interface NoticeOfDossier {
  /** The message's key, `dossier:<code>:<status event id>` (dossiers/outbox-hook.ts). */
  key: string;
  state: NoticeDeliveryState;
}

/** How far each message about a dossier got (the caller has already checked who may see it). */
export async function noticesOfDossier(db: Database, dossierCode: string): Promise<NoticeOfDossier[]> {
  const rows = await db
    .select({ key: deliveries.idempotencyKey, status: deliveries.status })
    .from(deliveries)
    .where(eq(deliveries.dossierCode, dossierCode))
    .orderBy(asc(deliveries.id));
  return rows.map((row) => ({ key: row.key, state: noticeState(row.status) }));
}

function noticeState(status: (typeof deliveries.$inferSelect)["status"]): NoticeDeliveryState {
  switch (status) {
    case "queued":
    case "sending":
      return "queued";
    case "sent":
    case "delivered":
    case "seen":
    case "in_app":
      return status;
    default:
      return "failed";
  }
}

export interface DeadLetter {
  id: number;
  kind: DeliveryKind;
  status: "dead" | "failed";
  dossierCode: string | null;
  lastError: string | null;
  attempts: number;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * Messages that will not reach anyone (OB-8): retries exhausted (`dead`) or refused for good (`failed`),
 * newest first, paged by id. The officer screens list them per commune (officer-workspace issue).
 */
export async function listDeadLetters(
  db: Database,
  { limit = 50, beforeId }: { limit?: number; beforeId?: number } = {},
): Promise<DeadLetter[]> {
  const rows = await db
    .select({
      id: deliveries.id,
      kind: deliveries.kind,
      status: deliveries.status,
      dossierCode: deliveries.dossierCode,
      lastError: deliveries.lastError,
      attempts: deliveries.attempts,
      createdAt: deliveries.createdAt,
      finishedAt: deliveries.finishedAt,
    })
    .from(deliveries)
    .where(
      and(
        inArray(deliveries.status, ["dead", "failed"]),
        beforeId === undefined ? undefined : lt(deliveries.id, beforeId),
      ),
    )
    .orderBy(desc(deliveries.id))
    .limit(Math.min(Math.max(limit, 1), 500));
  return rows.filter((row): row is DeadLetter => row.status === "dead" || row.status === "failed");
}

/** Whether any message was recorded under a key prefix (e.g. the replies to one inbound event). */
export async function hasDeliveriesWithPrefix(db: Database, prefix: string): Promise<boolean> {
  const rows = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(like(deliveries.idempotencyKey, `${prefix.replace(/[\\%_]/g, "\\$&")}%`))
    .limit(1);
  return rows.length > 0;
}

/** Finished messages: nothing will send or change them any more. */
const FINISHED = ["sent", "delivered", "seen", "in_app", "failed", "expired", "dead"] as const;

/**
 * Deletes finished chat replies (the bot's and officers') created before `cutoff`: what was said in a
 * conversation is kept no longer than needed (events/retention.ts). Status messages stay with their
 * dossier's timeline. Returns how many went.
 */
export async function purgeChatReplies(db: Database, cutoff: Date): Promise<number> {
  const rows = await db
    .delete(deliveries)
    .where(
      and(
        inArray(deliveries.kind, ["chatbot_reply", "officer_reply"]),
        inArray(deliveries.status, [...FINISHED]),
        lt(deliveries.createdAt, cutoff),
      ),
    )
    .returning({ id: deliveries.id });
  return rows.length;
}
