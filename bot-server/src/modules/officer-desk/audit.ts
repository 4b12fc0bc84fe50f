import type { Officer } from "@dvc/shared";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { auditLog } from "../../db/schema";

/** What the audit log records (issue 11 §4): views of personal data and every action. */
export type AuditAction =
  | "dossier.view"
  | "dossier.status"
  | "dossier.apology"
  | "dossier.file"
  | "dossier.result_file"
  | "conversation.view"
  | "conversation.reply"
  | "conversation.hand_back"
  // Broadcast notices (issue 13): every step of a notice and of the groups registry.
  | "notice.draft"
  | "notice.edit"
  | "notice.submit"
  | "notice.approve"
  | "notice.return"
  | "notice.cancel"
  | "notice.resend"
  | "group.create"
  | "group.assign"
  | "group.sync";

/** One audit row, in the caller's transaction: what it records and the record commit together. */
export async function recordAudit(
  tx: Database,
  entry: {
    officer: Officer;
    action: AuditAction;
    /** Null: the province queue's conversations (no commune known). */
    communeCode: string | null;
    dossierCode?: string;
    detail?: Record<string, string | number | null>;
    addressHash: string;
    at: Date;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    officerId: entry.officer.id,
    communeCode: entry.communeCode,
    action: entry.action,
    dossierCode: entry.dossierCode ?? null,
    detail: entry.detail ?? null,
    addressHash: entry.addressHash,
    at: entry.at,
  });
}

/** Whether this officer's view of this conversation was recorded since `since`. */
export async function viewedSince(tx: Database, officerId: string, handoverId: string, since: Date) {
  const [row] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.officerId, officerId),
        eq(auditLog.action, "conversation.view"),
        gt(auditLog.at, since),
        sql`${auditLog.detail} ->> 'handoverId' = ${handoverId}`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
