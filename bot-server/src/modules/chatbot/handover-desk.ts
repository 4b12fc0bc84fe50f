import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { chatConversations, chatHandovers, residents } from "../../db/schema";

/**
 * The officers' side of a handover, scoped in every query (SEC-1): a commune's officers see and act on
 * their commune's handovers; handovers with no known commune wait in the province queue, for admins.
 */
export type HandoverScope = { communeCode: string } | { province: true };

function inScope(scope: HandoverScope): SQL {
  return "communeCode" in scope
    ? eq(chatHandovers.communeCode, scope.communeCode)
    : sql`${chatHandovers.communeCode} is null`;
}

export interface OpenHandover {
  id: string;
  oaUserId: string;
  communeCode: string | null;
  reason: "asked" | "not_understood";
  openedAt: Date;
  pickedUpAt: Date | null;
  lastInteractionAt: Date | null;
}

const openHandoverColumns = {
  id: chatHandovers.id,
  oaUserId: chatHandovers.oaUserId,
  communeCode: chatHandovers.communeCode,
  reason: chatHandovers.reason,
  openedAt: chatHandovers.openedAt,
  pickedUpAt: chatHandovers.pickedUpAt,
  lastInteractionAt: residents.lastInteractionAt,
};

/** The queue: open handovers in scope, oldest first. */
export async function listQueue(db: Database, scope: HandoverScope): Promise<OpenHandover[]> {
  return db
    .select(openHandoverColumns)
    .from(chatHandovers)
    .innerJoin(residents, eq(residents.oaUserId, chatHandovers.oaUserId))
    .where(and(isNull(chatHandovers.closedAt), inScope(scope)))
    .orderBy(chatHandovers.openedAt);
}

/** One open handover in scope, locked for the caller's transaction; undefined when not (or no longer). */
export async function lockOpenHandover(
  tx: Database,
  scope: HandoverScope,
  id: string,
): Promise<OpenHandover | undefined> {
  const [row] = await tx
    .select(openHandoverColumns)
    .from(chatHandovers)
    .innerJoin(residents, eq(residents.oaUserId, chatHandovers.oaUserId))
    .where(and(eq(chatHandovers.id, id), isNull(chatHandovers.closedAt), inScope(scope)))
    .for("update", { of: chatHandovers });
  return row;
}

export async function markPickedUp(tx: Database, id: string, at: Date): Promise<void> {
  await tx
    .update(chatHandovers)
    .set({ pickedUpAt: at })
    .where(and(eq(chatHandovers.id, id), isNull(chatHandovers.pickedUpAt)));
}

/** Closes the handover and gives the conversation back to the bot. */
export async function closeHandover(
  tx: Database,
  handover: Pick<OpenHandover, "id" | "oaUserId">,
  closedBy: string,
  at: Date,
): Promise<void> {
  await tx.update(chatHandovers).set({ closedAt: at, closedBy }).where(eq(chatHandovers.id, handover.id));
  await tx
    .update(chatConversations)
    .set({ mode: "bot", lowConfidenceTurns: 0, updatedAt: at })
    .where(eq(chatConversations.oaUserId, handover.oaUserId));
}

/** Open handovers no officer answered, opened before `openedBefore` (any scope): the auto-return's work. */
export async function unansweredHandovers(db: Database, openedBefore: Date): Promise<OpenHandover[]> {
  return db
    .select(openHandoverColumns)
    .from(chatHandovers)
    .innerJoin(residents, eq(residents.oaUserId, chatHandovers.oaUserId))
    .where(
      and(
        isNull(chatHandovers.closedAt),
        isNull(chatHandovers.pickedUpAt),
        sql`${chatHandovers.openedAt} < ${openedBefore}`,
      ),
    );
}
