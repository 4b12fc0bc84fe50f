import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { chatMessages } from "../../db/schema";
import { SEALED } from "../../db/sealed-places";
import type { Sealer } from "../../lib/crypto";

export type ChatAuthor = (typeof chatMessages.$inferSelect)["author"];

export interface TranscriptLine {
  id: string;
  author: ChatAuthor;
  officerId: string | null;
  kind: string;
  text: string | null;
  at: Date;
}

/** Appends one message to a resident's conversation, its text sealed under the row's own id. */
export async function recordChatMessage(
  tx: Database,
  sealer: Sealer,
  line: { oaUserId: string; author: ChatAuthor; officerId?: string; kind?: string; text?: string; at: Date },
): Promise<void> {
  const id = randomUUID();
  await tx.insert(chatMessages).values({
    id,
    oaUserId: line.oaUserId,
    author: line.author,
    officerId: line.officerId ?? null,
    kind: line.kind ?? "text",
    textSealed: line.text === undefined ? null : sealer.seal(line.text, SEALED.chatMessage(id)),
    at: line.at,
  });
}

/** The last `limit` messages of a conversation, oldest first, opened. */
export async function readTranscript(
  db: Database,
  sealer: Sealer,
  oaUserId: string,
  limit = 200,
): Promise<TranscriptLine[]> {
  const rows = await db
    .select()
    .from(chatMessages)
    .where(eq(chatMessages.oaUserId, oaUserId))
    // The newest `limit`, read newest first through the (resident, seq) index, then put in order.
    .orderBy(desc(chatMessages.seq))
    .limit(limit);
  return rows.reverse().map((row) => ({
    id: row.id,
    author: row.author,
    officerId: row.officerId,
    kind: row.kind,
    text: row.textSealed === null ? null : sealer.open(row.textSealed, SEALED.chatMessage(row.id)),
    at: row.at,
  }));
}
