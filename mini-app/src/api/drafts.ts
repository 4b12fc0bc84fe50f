/** Server drafts: created with the app's own id, saved with the version last seen (409 → why, and what now). */
import { conflictBodySchema, type Draft, draftListResponseSchema, draftSchema } from "@dvc/shared/api/drafts";
import { ApiError } from "../api";
import { request, requestRaw } from "./http";

/** 201 for a new draft, 200 when the id is already the citizen's (a retried create). */
export function createDraft(input: {
  id: string;
  procedureCode: string;
  communeCode: string;
}): Promise<Draft> {
  return request("/api/drafts", draftSchema, { method: "POST", json: input });
}

export async function listDrafts(signal?: AbortSignal): Promise<Draft[]> {
  return (await request("/api/drafts", draftListResponseSchema, { signal })).drafts;
}

export function getDraft(id: string, signal?: AbortSignal): Promise<Draft> {
  return request(`/api/drafts/${encodeURIComponent(id)}`, draftSchema, { signal });
}

export async function deleteDraft(id: string): Promise<void> {
  await requestRaw(`/api/drafts/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export interface DraftSave {
  version: number;
  answers: Record<string, unknown>;
  currentStepId: string | null;
}

export type SaveResult =
  | { ok: true; draft: Draft }
  /** Saved meanwhile from another phone: merge with `current`. */
  | { ok: false; reason: "stale_version"; current: Draft }
  /** Already filed (maybe from another phone): open the dossier. */
  | { ok: false; reason: "already_submitted"; submittedAs: string }
  /** The consent to file was withdrawn or never given: show the notice, then save again. */
  | { ok: false; reason: "consent_required"; message: string };

/** PUT with the version last seen; a 409 says why (`reason`) instead of failing. */
export async function saveDraft(id: string, save: DraftSave): Promise<SaveResult> {
  try {
    const draft = await request(`/api/drafts/${encodeURIComponent(id)}`, draftSchema, {
      method: "PUT",
      json: save,
    });
    return { ok: true, draft };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    const body = conflictBodySchema.safeParse(error.body);
    if (!body.success) throw error;
    const { reason, current, submittedAs, message } = body.data;
    if (reason === "stale_version" && current) return { ok: false, reason, current };
    if (reason === "already_submitted" && submittedAs) return { ok: false, reason, submittedAs };
    if (reason === "consent_required") return { ok: false, reason, message };
    throw error;
  }
}
