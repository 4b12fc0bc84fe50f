import {
  type CommuneDetail,
  type CommuneSearchResponse,
  type CommuneSummary,
  communeTypeSchema,
  foldVietnamese,
  HANOI_PROVINCE_CODE,
  tokenize,
} from "@dvc/shared";
import type { CommuneRow, PredecessorRow, ProvinceRow } from "./repo";

/** Enough for any province's full list (the largest has under 200 communes) yet bounded. */
const MAX_RESULTS = 200;
/** Words that say what kind of unit, not which one: "phuong bach mai" should rank like "bach mai". */
const UNIT_WORDS = new Set(["xa", "phuong", "dac", "khu", "quan", "huyen", "thi", "tran"]);
/** Vietnamese order, as localeCompare(…, "vi") gives it; built once rather than per comparison. */
const byVietnameseName = new Intl.Collator("vi");

/** What the index is built from: the rows seedAdminUnits wrote (db/seed/admin-units.ts). */
export interface AdminUnitRows {
  provinces: ProvinceRow[];
  communes: (CommuneRow & { searchText: string })[];
  predecessors: PredecessorRow[];
}

/** Provinces, communes and their pre-2025 names, searched and looked up without a database query. */
export interface CommuneIndex {
  search(query: { q?: string | undefined; province?: string | undefined }): CommuneSearchResponse;
  /** undefined for an unknown code. */
  get(code: string): CommuneDetail | undefined;
}

interface Entry {
  row: CommuneRow;
  type: CommuneSummary["type"];
  searchText: string;
  /** The folded new name, and the same without unit words, for ranking. */
  foldedName: string;
  bareName: string;
  predecessors: PredecessorRow[];
}

/**
 * Communes and their old names change only with a release (the seed runs at start), so the server
 * answers them from memory: ~3,300 communes and ~700 old names are well under a megabyte. The search
 * is the one the database ran (every folded token in the commune's search text, within one province,
 * first 200 by code), ranked the same way.
 */
export function buildCommuneIndex(rows: AdminUnitRows): CommuneIndex {
  const provinceNames = new Map(rows.provinces.map((p) => [p.code, p.name]));
  const predecessorsOf = new Map<string, PredecessorRow[]>();
  for (const p of rows.predecessors) {
    const list = predecessorsOf.get(p.communeCode);
    if (list) list.push(p);
    else predecessorsOf.set(p.communeCode, [p]);
  }
  const byCode = new Map<string, Entry>();
  const byProvince = new Map<string, Entry[]>();
  // Codes are five digits: plain string order is the database's `order by code`.
  for (const row of [...rows.communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    const foldedName = foldVietnamese(row.name);
    const entry: Entry = {
      row: { code: row.code, name: row.name, type: row.type, provinceCode: row.provinceCode },
      type: communeTypeSchema.parse(row.type),
      searchText: row.searchText,
      foldedName,
      bareName: withoutUnitWords(foldedName),
      predecessors: predecessorsOf.get(row.code) ?? [],
    };
    byCode.set(row.code, entry);
    const list = byProvince.get(row.provinceCode);
    if (list) list.push(entry);
    else byProvince.set(row.provinceCode, [entry]);
  }

  return {
    search(query) {
      const tokens = tokenize(query.q ?? "");
      const significant = tokens.filter((token) => !UNIT_WORDS.has(token));
      const searchTokens = significant.length > 0 ? significant : tokens;
      const matching: Entry[] = [];
      for (const entry of byProvince.get(query.province ?? HANOI_PROVINCE_CODE) ?? []) {
        if (matching.length === MAX_RESULTS) break;
        if (searchTokens.every((token) => entry.searchText.includes(token))) matching.push(entry);
      }
      const phrase = searchTokens.join(" ");
      const ranked = matching
        .map((entry) => ({
          summary: toSummary(entry, searchTokens),
          rank: rankOf(entry, phrase, searchTokens),
        }))
        .sort((a, b) => a.rank - b.rank || byVietnameseName.compare(a.summary.name, b.summary.name));
      return { communes: ranked.map(({ summary }) => summary) };
    },
    get(code) {
      const entry = byCode.get(code);
      const provinceName = entry && provinceNames.get(entry.row.provinceCode);
      if (!entry || provinceName === undefined) return undefined;
      return {
        code: entry.row.code,
        name: entry.row.name,
        type: entry.type,
        provinceCode: entry.row.provinceCode,
        provinceName,
        predecessors: entry.predecessors.map((p) => ({
          code: p.oldCode,
          name: p.oldName,
          district: p.oldDistrict,
          scope: p.scope,
        })),
      };
    },
  };
}

function withoutUnitWords(folded: string): string {
  return folded
    .split(" ")
    .filter((word) => !UNIT_WORDS.has(word))
    .join(" ");
}

/** Old names are listed only when the query asked for something (an empty query lists the province). */
function toSummary(entry: Entry, tokens: string[]): CommuneSummary {
  const matchedOldNames =
    tokens.length === 0
      ? []
      : entry.predecessors
          .filter((p) => tokens.every((token) => p.searchText.includes(token)))
          .map((p) => (p.oldDistrict ? `${p.oldName} (${p.oldDistrict})` : p.oldName));
  return {
    code: entry.row.code,
    name: entry.row.name,
    type: entry.type,
    provinceCode: entry.row.provinceCode,
    matchedOldNames,
  };
}

/** 0: new name is the phrase; 1: new name contains the phrase; 2: all words in the new name; 3: old names only. */
function rankOf(entry: Entry, phrase: string, tokens: string[]): number {
  if (tokens.length === 0) return 0;
  if (entry.bareName === phrase) return 0;
  if (entry.foldedName.includes(phrase)) return 1;
  if (tokens.every((token) => entry.foldedName.includes(token))) return 2;
  return 3;
}
