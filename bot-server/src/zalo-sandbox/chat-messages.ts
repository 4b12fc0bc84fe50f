import { and, asc, desc, eq, gt, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client";
import { sandboxSentMessages } from "../db/schema";
import type { ReceiptView, SentMessageView } from "./page-contract";

/**
 * GET /sandbox/api/messages: what the product sent to the sandbox "Zalo", for the page to draw.
 *   ?recipient=<id>        one recipient (an OA user id, a group id or a phone number)
 *   ?channel=oa_group,zns  some channels only
 *   ?after=<id>            only rows after this id, oldest first: the page polls with the last id it
 *                          has, so each poll returns just what is new
 * Without `after` the newest rows come first (the page's first look).
 */

export const MESSAGES_PAGE_SIZE = 200;

export const messagesQuerySchema = z.object({
  recipient: z.string().min(1, "Người nhận không hợp lệ").max(64, "Người nhận không hợp lệ").optional(),
  channel: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, "Kênh không hợp lệ (ví dụ: oa_cs,oa_template)")
    .transform((list) => list.split(","))
    .optional(),
  after: z
    .string()
    .regex(/^\d{1,15}$/, "Tham số after phải là mã tin (một số)")
    .transform(Number)
    .optional(),
});

export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

export async function sentMessages(db: Database, query: MessagesQuery): Promise<SentMessageView[]> {
  const conditions: SQL[] = [];
  if (query.recipient !== undefined) conditions.push(eq(sandboxSentMessages.recipient, query.recipient));
  if (query.channel !== undefined) conditions.push(inArray(sandboxSentMessages.channel, query.channel));
  if (query.after !== undefined) conditions.push(gt(sandboxSentMessages.id, query.after));
  const rows = await db
    .select()
    .from(sandboxSentMessages)
    .where(and(...conditions))
    .orderBy(query.after === undefined ? desc(sandboxSentMessages.id) : asc(sandboxSentMessages.id))
    .limit(MESSAGES_PAGE_SIZE);
  // The time as the ISO text a Date becomes in JSON anyway: the same answer as before, typed for the page.
  return rows.map(({ receipt, ...row }) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    delivery: receipt ?? "sent",
  }));
}

/**
 * GET /sandbox/api/receipts?recipient=<id>: how far each of the last messages to one recipient got, as
 * the resident's phone would show it (the receipts the sandbox sent back, receipts.ts). The page asks
 * while some message it shows is not yet seen.
 */
export const receiptsQuerySchema = z.object({
  recipient: z.string().min(1, "Người nhận không hợp lệ").max(64, "Người nhận không hợp lệ"),
});

export async function receiptsOf(db: Database, recipient: string): Promise<ReceiptView[]> {
  const rows = await db
    .select({ id: sandboxSentMessages.id, receipt: sandboxSentMessages.receipt })
    .from(sandboxSentMessages)
    .where(eq(sandboxSentMessages.recipient, recipient))
    .orderBy(desc(sandboxSentMessages.id))
    .limit(MESSAGES_PAGE_SIZE);
  return rows.map((row) => ({ id: row.id, delivery: row.receipt ?? "sent" }));
}
