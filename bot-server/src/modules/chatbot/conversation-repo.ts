import { desc, eq } from "drizzle-orm";
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
