/** The commune's audit log (GET /api/officer/audit): leaders only; the server refuses anyone else (403). */
import { type OfficerAuditResponse, officerAuditResponseSchema } from "@dvc/shared/api/officer";
import { withQuery } from "../../api/http";
import { officerRequest } from "./officer-http";

export type AuditEntry = OfficerAuditResponse["entries"][number];

/** The server's page size: a shorter page is the last one. */
export const AUDIT_PAGE_SIZE = 100;

/** One page, newest first; `before` is the previous page's last `at`, `dossier` a dossier code. */
export function getAuditLog(
  filter: { before?: string | undefined; beforeId?: number | undefined; dossier?: string | undefined },
  signal?: AbortSignal,
): Promise<OfficerAuditResponse> {
  return officerRequest(
    withQuery("/api/officer/audit", {
      before: filter.before,
      beforeId: filter.beforeId === undefined ? undefined : String(filter.beforeId),
      dossier: filter.dossier,
    }),
    officerAuditResponseSchema,
    { signal },
  );
}
