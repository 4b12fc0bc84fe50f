import {
  type CommuneDetail,
  type CommuneSearchResponse,
  type CommuneSummary,
  communeTypeSchema,
  foldVietnamese,
  HANOI_PROVINCE_CODE,
  tokenize,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import {
  type CommuneRow,
  findCommune,
  findCommunesMatching,
  findPredecessors,
  type PredecessorRow,
} from "./repo";

/** Enough for any province's full list (the largest has under 200 communes) yet bounded. */
const MAX_RESULTS = 200;
/** Words that say what kind of unit, not which one: "phuong bach mai" should rank like "bach mai". */
const UNIT_WORDS = new Set(["xa", "phuong", "dac", "khu", "quan", "huyen", "thi", "tran"]);

/**
 * Search by the new name or by a pre-2025 ward/commune name, without diacritics. Communes whose new
 * name matches come first, then those found through an old name (with the old names that matched).
 */
export async function searchCommunes(
  db: Database,
  query: { q?: string | undefined; province?: string | undefined },
): Promise<CommuneSearchResponse> {
  const provinceCode = query.province ?? HANOI_PROVINCE_CODE;
  const tokens = tokenize(query.q ?? "");
  const significant = tokens.filter((token) => !UNIT_WORDS.has(token));
  const searchTokens = significant.length > 0 ? significant : tokens;
  const rows = await findCommunesMatching(db, provinceCode, searchTokens, MAX_RESULTS);
  const predecessors =
    searchTokens.length > 0
      ? await findPredecessors(
          db,
          rows.map((row) => row.code),
        )
      : [];
  const phrase = searchTokens.join(" ");
  const ranked = rows
    .map((row) => toSummary(row, predecessors, searchTokens))
    .map((summary) => ({ summary, rank: rankOf(summary, phrase, searchTokens) }))
    .sort((a, b) => a.rank - b.rank || a.summary.name.localeCompare(b.summary.name, "vi"));
  return { communes: ranked.map(({ summary }) => summary) };
}

export async function getCommune(db: Database, code: string): Promise<CommuneDetail> {
  const row = await findCommune(db, code);
  if (!row) throw new AppError("NOT_FOUND", "Không tìm thấy xã/phường với mã này.");
  const predecessors = await findPredecessors(db, [code]);
  return {
    code: row.code,
    name: row.name,
    type: communeTypeSchema.parse(row.type),
    provinceCode: row.provinceCode,
    provinceName: row.provinceName,
    predecessors: predecessors.map((p) => ({
      code: p.oldCode,
      name: p.oldName,
      district: p.oldDistrict,
      scope: p.scope,
    })),
  };
}

function toSummary(row: CommuneRow, predecessors: PredecessorRow[], tokens: string[]): CommuneSummary {
  const matchedOldNames = predecessors
    .filter((p) => p.communeCode === row.code && tokens.every((token) => p.searchText.includes(token)))
    .map((p) => (p.oldDistrict ? `${p.oldName} (${p.oldDistrict})` : p.oldName));
  return {
    code: row.code,
    name: row.name,
    type: communeTypeSchema.parse(row.type),
    provinceCode: row.provinceCode,
    matchedOldNames,
  };
}

/** 0: new name is the phrase; 1: new name contains the phrase; 2: all words in the new name; 3: old names only. */
function rankOf(summary: CommuneSummary, phrase: string, tokens: string[]): number {
  if (tokens.length === 0) return 0;
  const name = foldVietnamese(summary.name);
  const bare = name
    .split(" ")
    .filter((word) => !UNIT_WORDS.has(word))
    .join(" ");
  if (bare === phrase) return 0;
  if (name.includes(phrase)) return 1;
  if (tokens.every((token) => name.includes(token))) return 2;
  return 3;
}
