/** Dossiers: submit a draft (idempotent), list, one with its timeline, and answer a supplement request. */
import {
  type DossierDetail,
  type DossierSummary,
  dossierDetailSchema,
  dossierListResponseSchema,
  dossierSummarySchema,
  IDEMPOTENCY_KEY_HEADER,
} from "@dvc/shared/api/dossiers";
import { request } from "./http";

/** Generating a code and computing the due date is quick, but a busy server gets longer than a read. */
const SUBMIT_TIMEOUT_MS = 30_000;

/**
 * Files the draft as a dossier. `idempotencyKey` is made once per draft and sent again on every retry,
 * so a retry after a lost answer gets the same dossier back instead of a second one.
 */
export function submitDossier(draftId: string, idempotencyKey: string): Promise<DossierSummary> {
  return request("/api/dossiers", dossierSummarySchema, {
    method: "POST",
    json: { draftId },
    headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
    timeoutMs: SUBMIT_TIMEOUT_MS,
  });
}

export async function listDossiers(signal?: AbortSignal): Promise<DossierSummary[]> {
  return (await request("/api/dossiers", dossierListResponseSchema, { signal })).dossiers;
}

export function getDossier(code: string, signal?: AbortSignal): Promise<DossierDetail> {
  return request(`/api/dossiers/${encodeURIComponent(code)}`, dossierDetailSchema, { signal });
}

/** Sends only the flagged fields; answers with the dossier as it is now. */
export function submitSupplement(code: string, answers: Record<string, unknown>): Promise<DossierDetail> {
  return request(`/api/dossiers/${encodeURIComponent(code)}/supplement`, dossierDetailSchema, {
    method: "POST",
    json: { answers },
    timeoutMs: SUBMIT_TIMEOUT_MS,
  });
}
