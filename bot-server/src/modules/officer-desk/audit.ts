import type { Officer } from "@dvc/shared";
import type { Database } from "../../db/client";
import { auditLog } from "../../db/schema";

/** What the audit log records (issue 11 §4): views of personal data and every action. */
export type AuditAction =
  | "dossier.view"
  | "dossier.status"
  | "dossier.apology"
  | "dossier.file"
  | "conversation.view"
  | "conversation.reply"
  | "conversation.hand_back";

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
