import type { Database } from "../../db/client";
import { auditLog } from "../../db/schema";

/** What a one-stop system's calls leave in the audit log (leaders read them beside officers' actions). */
export type IntegrationAuditAction = "dossier.status" | "integration.pull";

/**
 * One audit row for a one-stop system's call, in the caller's transaction: officer_id null, the key
 * named by integration_key_id (the leader's audit page shows the system's name).
 */
export async function recordIntegrationAudit(
  tx: Database,
  entry: {
    keyId: string;
    action: IntegrationAuditAction;
    /** Null: a pull that returned nothing (no commune's data was read). */
    communeCode: string | null;
    dossierCode?: string;
    detail: Record<string, string | number | null>;
    addressHash: string;
    at: Date;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    officerId: null,
    integrationKeyId: entry.keyId,
    communeCode: entry.communeCode,
    action: entry.action,
    dossierCode: entry.dossierCode ?? null,
    detail: entry.detail,
    addressHash: entry.addressHash,
    at: entry.at,
  });
}
