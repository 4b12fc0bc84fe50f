import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { chatConversations, chatHandovers, dossiers } from "../../db/schema";

export type Conversation = typeof chatConversations.$inferSelect;
export type Handover = typeof chatHandovers.$inferSelect;

/**
 * The resident's conversation row, created if missing and locked for the rest of the transaction:
 * one resident's messages are decided one at a time, so the "two turns not understood" count and the
 * handover cannot race between workers.
 */
export async function lockConversation(tx: Database, oaUserId: string): Promise<Conversation> {
  await tx.insert(chatConversations).values({ oaUserId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(chatConversations)
    .where(eq(chatConversations.oaUserId, oaUserId))
    .for("update");
  if (!row) throw new Error("conversation row vanished inside its transaction");
  return row;
}

export async function setLowConfidenceTurns(tx: Database, oaUserId: string, turns: number): Promise<void> {
  await tx
    .update(chatConversations)
    .set({ lowConfidenceTurns: turns, updatedAt: new Date() })
    .where(eq(chatConversations.oaUserId, oaUserId));
}

/** Joins the officers' queue (one open handover per resident) and silences the bot. */
export async function openHandover(
  tx: Database,
  input: { oaUserId: string; communeCode: string | null; reason: Handover["reason"] },
): Promise<void> {
  await tx.insert(chatHandovers).values(input).onConflictDoNothing();
  await tx
    .update(chatConversations)
    .set({ mode: "handover", lowConfidenceTurns: 0, updatedAt: new Date() })
    .where(eq(chatConversations.oaUserId, input.oaUserId));
}

/**
 * An officer hands the conversation back to the bot. Scoped to the officer's commune (SEC-1); a
 * handover with no known commune may be taken by any commune's officer. False when nothing was open.
 */
export async function handBackConversation(
  db: Database,
  input: { oaUserId: string; officerId: string; communeCode: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(chatHandovers)
      .set({ closedAt: new Date(), closedBy: input.officerId })
      .where(
        and(
          eq(chatHandovers.oaUserId, input.oaUserId),
          isNull(chatHandovers.closedAt),
          sql`(${chatHandovers.communeCode} = ${input.communeCode} or ${chatHandovers.communeCode} is null)`,
        ),
      )
      .returning({ id: chatHandovers.id });
    if (closed.length === 0) return false;
    await tx
      .update(chatConversations)
      .set({ mode: "bot", lowConfidenceTurns: 0, updatedAt: new Date() })
      .where(eq(chatConversations.oaUserId, input.oaUserId));
    return true;
  });
}

/** The commune's open handovers, oldest first (plus those with no commune yet). */
export async function listOpenHandovers(db: Database, communeCode: string): Promise<Handover[]> {
  return db
    .select()
    .from(chatHandovers)
    .where(
      and(
        isNull(chatHandovers.closedAt),
        sql`(${chatHandovers.communeCode} = ${communeCode} or ${chatHandovers.communeCode} is null)`,
      ),
    )
    .orderBy(asc(chatHandovers.openedAt));
}

/** Which commune should answer a resident: that of the latest dossier their citizen filed, if any. */
export async function communeOfCitizen(db: Database, citizenId: string | null): Promise<string | null> {
  if (!citizenId) return null;
  const [row] = await db
    .select({ communeCode: dossiers.communeCode })
    .from(dossiers)
    .where(eq(dossiers.citizenId, citizenId))
    .orderBy(desc(dossiers.submittedAt))
    .limit(1);
  return row?.communeCode ?? null;
}
