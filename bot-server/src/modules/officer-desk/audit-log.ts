import type { OfficerAuditResponse } from "@dvc/shared";
import { and, desc, eq, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { auditLog, integrationKeys, officers } from "../../db/schema";

const PAGE = 100;

/** A leader's read of their commune's audit log, newest first, a page at a time (`before`). */
export async function communeAuditLog(
  db: Database,
  communeCode: string,
  filter: { before?: string | undefined; beforeId?: number | undefined; dossier?: string | undefined },
): Promise<OfficerAuditResponse> {
  const conditions: SQL[] = [eq(auditLog.communeCode, communeCode)];
  // Pages run on (at, id), the order they are listed in: an instant shared by several entries (an
  // action and the view after it) is split between pages without losing or repeating one.
  if (filter.before && filter.beforeId !== undefined) {
    conditions.push(sql`(${auditLog.at}, ${auditLog.id}) < (${new Date(filter.before)}, ${filter.beforeId})`);
  } else if (filter.before) conditions.push(lt(auditLog.at, new Date(filter.before)));
  if (filter.dossier) conditions.push(eq(auditLog.dossierCode, filter.dossier.toUpperCase()));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      // An officer's action, or a one-stop system's (officer_id null, integration_key_id set): named
      // "Hệ thống một cửa: <name>" so the leader sees who moved or read the dossier.
      username: sql<string>`coalesce(${officers.username}, 'Hệ thống một cửa: ' || ${integrationKeys.name}, 'Hệ thống')`,
      action: auditLog.action,
      dossierCode: auditLog.dossierCode,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(officers, eq(officers.id, auditLog.officerId))
    .leftJoin(integrationKeys, eq(integrationKeys.id, auditLog.integrationKeyId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(PAGE);
  return {
    entries: rows.map((row) => ({
      ...row,
      at: row.at.toISOString(),
      detail: (row.detail ?? null) as Record<string, string | number | null> | null,
    })),
  };
}
