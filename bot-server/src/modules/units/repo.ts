import { and, asc, eq, inArray, like, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communePredecessors, communes, provinces } from "../../db/schema";

export interface CommuneRow {
  code: string;
  name: string;
  type: string;
  provinceCode: string;
}

export interface PredecessorRow {
  communeCode: string;
  oldCode: string;
  oldName: string;
  oldDistrict: string | null;
  scope: string;
  searchText: string;
}

/** Communes of a province whose folded names (new or pre-2025) contain every folded token. */
export async function findCommunesMatching(
  db: Database,
  provinceCode: string,
  tokens: string[],
  limit: number,
): Promise<CommuneRow[]> {
  const conditions: SQL[] = [eq(communes.provinceCode, provinceCode)];
  // Tokens come from foldVietnamese: letters, digits and spaces only, so no LIKE wildcard can slip in.
  for (const token of tokens) conditions.push(like(communes.searchText, `%${token}%`));
  return db
    .select({
      code: communes.code,
      name: communes.name,
      type: communes.type,
      provinceCode: communes.provinceCode,
    })
    .from(communes)
    .where(and(...conditions))
    .orderBy(asc(communes.code))
    .limit(limit);
}

export async function findPredecessors(db: Database, communeCodes: string[]): Promise<PredecessorRow[]> {
  if (communeCodes.length === 0) return [];
  return db.select().from(communePredecessors).where(inArray(communePredecessors.communeCode, communeCodes));
}

export async function findCommune(db: Database, code: string) {
  const [row] = await db
    .select({
      code: communes.code,
      name: communes.name,
      type: communes.type,
      provinceCode: communes.provinceCode,
      provinceName: provinces.name,
    })
    .from(communes)
    .innerJoin(provinces, eq(provinces.code, communes.provinceCode))
    .where(eq(communes.code, code));
  return row;
}
