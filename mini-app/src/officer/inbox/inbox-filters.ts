/**
 * The inbox's filters live in its address (/can-bo?status=received&due=overdue&q=…): a reload, a
 * bookmark or the way back from a dossier shows the same list. Anything unreadable is ignored rather
 * than sent to the server to be refused.
 */

import { type DossierStatus, dossierStatusSchema } from "@dvc/shared/dossier/status";
import { procedureCodeSchema } from "@dvc/shared/procedures/definition";
import type { InboxFilters } from "../api/officer-api";
import { officerPaths } from "../router";

export type DueFilter = "overdue" | "soon";

/** Tabs with counts: the statuses a dossier can still move on from, in the national order. */
export const OPEN_STATUSES: readonly DossierStatus[] = [
  "submitted",
  "received",
  "processing",
  "supplement_requested",
  "payment_requested",
  "result_ready",
];

/** Finished dossiers are hidden unless asked for (the server counts only open ones). */
export const FINISHED_STATUSES: readonly DossierStatus[] = ["refused", "stopped", "returned", "withdrawn"];

/** The server's limit on `q` (officerInboxQuerySchema). */
export const MAX_CODE_QUERY_LENGTH = 64;

export function filtersFromSearch(search: URLSearchParams): InboxFilters {
  const status = dossierStatusSchema.safeParse(search.get("status"));
  const due = search.get("due");
  const procedure = procedureCodeSchema.safeParse(search.get("procedure"));
  const q = (search.get("q") ?? "").trim().slice(0, MAX_CODE_QUERY_LENGTH);
  return {
    status: status.success ? status.data : undefined,
    due: due === "overdue" || due === "soon" ? due : undefined,
    procedure: procedure.success ? procedure.data : undefined,
    q: q === "" ? undefined : q,
  };
}

/** The inbox's address with `change` applied; `undefined` removes a filter. */
export function inboxHref(current: InboxFilters, change: Partial<InboxFilters>): string {
  const next = { ...current, ...change };
  const params = new URLSearchParams();
  for (const key of ["status", "due", "procedure", "q"] as const) {
    const value = next[key];
    if (value !== undefined && value !== "") params.set(key, value);
  }
  const text = params.toString();
  return text === "" ? officerPaths.inbox : `${officerPaths.inbox}?${text}`;
}

export function hasFilters(filters: InboxFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}
