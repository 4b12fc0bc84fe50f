import { randomUUID } from "node:crypto";
import type { NoticeCategory } from "@dvc/shared";
import type { Database } from "../../bot-server/src/db/client";
import { noticeImages, notices, officers } from "../../bot-server/src/db/schema";

/**
 * Notices as residents see them once sent (the board page, the Mini App's "Thông báo" tab), written
 * straight into the product's tables: what these tests look at is the reading side, not how an officer
 * got the notice approved (the officer tests walk that).
 *
 *   const author = await seedNoticeAuthor(db, "00292");
 *   await seedPublishedNotice(db, { authorId: author.id, communeCode: "00292", title: "Cắt nước" });
 */

export async function seedNoticeAuthor(
  db: Database,
  communeCode: string,
): Promise<{ id: string; username: string }> {
  const username = `cb-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(officers)
    .values({ username, passwordHash: "not-a-real-hash", role: "officer", communeCode })
    .returning({ id: officers.id });
  if (!row) throw new Error("officer not inserted");
  return { id: row.id, username };
}

export interface PublishedNoticeInput {
  authorId: string;
  communeCode: string | null;
  title: string;
  body?: string;
  category?: NoticeCategory;
  procedureCode?: string | null;
  status?: "sending" | "sent" | "approved" | "draft" | "pending" | "cancelled";
  /** When the fan-out started (= published); default now. */
  startedAt?: Date;
  expiresAt?: Date;
  image?: { contentType: string; bytes: Uint8Array };
}

export async function seedPublishedNotice(db: Database, input: PublishedNoticeInput): Promise<string> {
  const now = new Date();
  const status = input.status ?? "sent";
  const started = status === "sending" || status === "sent";
  const [row] = await db
    .insert(notices)
    .values({
      communeCode: input.communeCode,
      authorId: input.authorId,
      status,
      category: input.category ?? "general",
      title: input.title,
      body: input.body ?? "Nội dung thông báo.",
      procedureCode: input.procedureCode ?? null,
      expiresAt: input.expiresAt ?? new Date(now.getTime() + 7 * 24 * 3_600_000),
      startedAt: started ? (input.startedAt ?? now) : null,
      enqueuedAt: started ? (input.startedAt ?? now) : null,
    })
    .returning({ id: notices.id });
  if (!row) throw new Error("notice not inserted");
  if (input.image) {
    await db.insert(noticeImages).values({ noticeId: row.id, ...input.image });
  }
  return row.id;
}
