import {
  buildSearchIndex,
  CATALOG,
  type ProcedureDefinition,
  type ProcedureListQuery,
  type ProcedureListResponse,
  type ProcedureSummary,
  procedureDefinitionSchema,
  searchIndex,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import { heldDefinition, rememberVersion } from "./definition-cache";
import { findDefinition } from "./repo";

/**
 * The index over the current catalog: built once per process from static data (same on every node).
 * The chatbot searches it too (chatbot/intent-procedure.ts).
 */
export const catalogSearchIndex = buildSearchIndex(
  CATALOG.map((p) => ({
    code: p.code,
    title: p.title,
    officialName: p.officialName,
    sector: p.sector,
    keywords: p.keywords,
  })),
);
const byCode = new Map(CATALOG.map((p) => [p.code, p]));
const MAX_RESULTS = 50;

/** Lists the catalog, or the best matches for how a citizen wrote it (no diacritics, a typo, synonyms). */
export function listProcedures(query: ProcedureListQuery): ProcedureListResponse {
  const online = query.online === undefined ? undefined : query.online === "true";
  const keep = (p: ProcedureDefinition) =>
    (query.sector === undefined || p.sector === query.sector) &&
    (online === undefined || p.online === online);
  const q = query.q?.trim() ?? "";
  const ranked =
    q === ""
      ? CATALOG.filter(keep)
      : searchIndex(catalogSearchIndex, q, {
          limit: MAX_RESULTS,
          ...(query.sector ? { sector: query.sector } : {}),
        })
          .map((hit) => byCode.get(hit.code))
          .filter((p): p is ProcedureDefinition => p !== undefined && keep(p));
  return { procedures: ranked.map(toSummary) };
}

/**
 * One definition, as stored: the current version, or the exact version a draft or dossier began on.
 * From memory when held (definition-cache.ts); a version read from the database is held from then on.
 */
export async function getProcedure(
  db: Database,
  code: string,
  version?: number,
): Promise<ProcedureDefinition> {
  const held = heldDefinition(db, code, version);
  if (held) return held;
  const stored = await findDefinition(db, code, version);
  if (stored === undefined) {
    throw new AppError(
      "NOT_FOUND",
      version === undefined
        ? "Không tìm thấy thủ tục với mã này."
        : `Không tìm thấy phiên bản ${version} của thủ tục này.`,
    );
  }
  const definition = procedureDefinitionSchema.parse(stored);
  rememberVersion(db, definition);
  return definition;
}

function toSummary(p: ProcedureDefinition): ProcedureSummary {
  return {
    code: p.code,
    version: p.version,
    title: p.title,
    summary: p.summary,
    sector: p.sector,
    agency: p.agency,
    online: p.online,
    legalTime: p.legalTime,
  };
}
