/** Procedure search for Home (typed Hono RPC: the route exists). Definitions: procedure-definition.ts. */
import type { ProcedureSummary } from "@dvc/shared/api/procedures";
import { call, client } from "../api";

/** The server's limit on `q` (procedureListQuerySchema). */
export const MAX_PROCEDURE_QUERY_LENGTH = 200;

/** Procedures matching how a citizen wrote it (no diacritics, synonyms); the whole catalog when empty. */
export async function searchProcedures(query: string, signal?: AbortSignal): Promise<ProcedureSummary[]> {
  const q = query.trim().slice(0, MAX_PROCEDURE_QUERY_LENGTH);
  const body = await call(
    (init) => client.api.procedures.$get({ query: q === "" ? {} : { q } }, { init }),
    signal,
  );
  return body.procedures;
}
