import type { CommuneDetail, CommuneSearchResponse } from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import { buildCommuneIndex, type CommuneIndex } from "./commune-index";
import { readAdminUnitRows } from "./repo";

/**
 * One index per database handle, read once: at start-up by loadCommuneIndex (server.ts), else on the
 * first search (a test's app over its own database). A failed read is forgotten, so the next request
 * tries again once the database is back.
 */
const indexes = new WeakMap<Database, Promise<CommuneIndex>>();

export function loadCommuneIndex(db: Database): Promise<CommuneIndex> {
  const known = indexes.get(db);
  if (known) return known;
  const loading = readAdminUnitRows(db).then(buildCommuneIndex);
  indexes.set(db, loading);
  loading.catch(() => {
    if (indexes.get(db) === loading) indexes.delete(db);
  });
  return loading;
}

/**
 * Search by the new name or by a pre-2025 ward/commune name, without diacritics. Communes whose new
 * name matches come first, then those found through an old name (with the old names that matched).
 */
export async function searchCommunes(
  db: Database,
  query: { q?: string | undefined; province?: string | undefined },
): Promise<CommuneSearchResponse> {
  return (await loadCommuneIndex(db)).search(query);
}

export async function getCommune(db: Database, code: string): Promise<CommuneDetail> {
  const detail = (await loadCommuneIndex(db)).get(code);
  if (!detail) throw new AppError("NOT_FOUND", "Không tìm thấy xã/phường với mã này.");
  return detail;
}
