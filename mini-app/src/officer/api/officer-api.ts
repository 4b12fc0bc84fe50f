/**
 * The officer area's calls: session, inbox, one dossier, moving it on, the apology for a late one; every
 * answer checked by its schema.
 */
import { IDEMPOTENCY_KEY_HEADER, type UploadedFile, uploadedFileSchema } from "@dvc/shared/api/dossiers";
import {
  type OfficerApology,
  type OfficerDossier,
  type OfficerInboxQuery,
  type OfficerInboxResponse,
  type OfficerSignInResponse,
  type OfficerStatusChange,
  officerDossierSchema,
  officerInboxResponseSchema,
  officerSignInResponseSchema,
} from "@dvc/shared/api/officer";
import { parseAnswer, requestRaw, withQuery } from "../../api/http";
import { officerRequest, officerRequestRaw } from "./officer-http";

/** A 5 MB scan over a slow line. */
const UPLOAD_TIMEOUT_MS = 60_000;

/** A move writes the event, the audit row and the citizen's message in one transaction: give it time. */
const STATUS_TIMEOUT_MS = 30_000;

export async function signInOfficer(username: string, password: string): Promise<OfficerSignInResponse> {
  const body = await requestRaw("/api/officer/session", {
    method: "POST",
    json: { username, password },
    auth: false,
  });
  return parseAnswer(body, officerSignInResponseSchema);
}

export async function signOutOfficer(): Promise<void> {
  await officerRequestRaw("/api/officer/session", { method: "DELETE" });
}

export type InboxFilters = Pick<OfficerInboxQuery, "status" | "q" | "due" | "procedure">;

export function getInbox(filters: InboxFilters, signal?: AbortSignal): Promise<OfficerInboxResponse> {
  return officerRequest(
    withQuery("/api/officer/dossiers", {
      status: filters.status,
      q: filters.q,
      due: filters.due,
      procedure: filters.procedure,
    }),
    officerInboxResponseSchema,
    { signal },
  );
}

export function getOfficerDossier(code: string, signal?: AbortSignal): Promise<OfficerDossier> {
  return officerRequest(`/api/officer/dossiers/${encodeURIComponent(code)}`, officerDossierSchema, {
    signal,
  });
}

/**
 * Moves the dossier. `idempotencyKey` belongs to this one action and is sent again on a retry, so a
 * retry after a lost answer replays the first move instead of making a second one.
 */
export function changeDossierStatus(
  code: string,
  change: OfficerStatusChange,
  idempotencyKey: string,
): Promise<OfficerDossier> {
  return officerRequest(`/api/officer/dossiers/${encodeURIComponent(code)}/status`, officerDossierSchema, {
    method: "POST",
    json: change,
    headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
    timeoutMs: STATUS_TIMEOUT_MS,
  });
}

/**
 * The apology letter and new appointment day for a late dossier, with the same once-only key as a
 * status change: the server writes the timeline step and the citizen's message in one transaction.
 */
export function sendApology(
  code: string,
  apology: OfficerApology,
  idempotencyKey: string,
): Promise<OfficerDossier> {
  return officerRequest(`/api/officer/dossiers/${encodeURIComponent(code)}/apology`, officerDossierSchema, {
    method: "POST",
    json: apology,
    headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
    timeoutMs: STATUS_TIMEOUT_MS,
  });
}

/**
 * The dossier's electronic result (PDF or an image, at most 5 MB), uploaded before the "result_ready"
 * move that names it by its `fileId`.
 */
export function uploadResultFile(code: string, file: Blob, name: string): Promise<UploadedFile> {
  const form = new FormData();
  form.append("file", file, name);
  return officerRequest(`/api/officer/dossiers/${encodeURIComponent(code)}/result-file`, uploadedFileSchema, {
    method: "POST",
    form,
    timeoutMs: UPLOAD_TIMEOUT_MS,
  });
}
