import { type DossierStatus, RESOLVING_STATUSES, resolutionWorkingDays } from "@dvc/shared";

/** What a move writes when it resolves the dossier; empty when it does not. */
export interface ResolutionPatch {
  resolvedAt?: Date;
  resolvedWorkingDays?: number;
}

/**
 * The resolution a move to `to` at `now` records (definition: RESOLVING_STATUSES in
 * shared/src/dashboard/indicators.ts): the first move to result_ready, or to returned when the dossier
 * never passed through result_ready. Already resolved → nothing (collecting the result later does not
 * move the instant the agency had it). Refused, withdrawn and stopped resolve nothing: no result.
 * Called by every move (the officer area's, the integration API's) inside its transaction.
 */
export function resolutionOf(
  row: { submittedAt: Date; resolvedAt: Date | null },
  to: DossierStatus,
  now: Date,
): ResolutionPatch {
  if (row.resolvedAt !== null || !RESOLVING_STATUSES.has(to)) return {};
  return { resolvedAt: now, resolvedWorkingDays: resolutionWorkingDays(row.submittedAt, now) };
}
