import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communePredecessors, communes, provinces } from "../../db/schema";
import type { AdminUnitRows } from "./commune-index";

export interface ProvinceRow {
  code: string;
  name: string;
}

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

/**
 * Every province, commune and old name, for the in-memory index (commune-index.ts): three reads at
 * start instead of one per search. Predecessors come in the table's own order, as the per-search
 * query returned them, so a commune's old names are listed as before.
 */
export async function readAdminUnitRows(db: Database): Promise<AdminUnitRows> {
  const [provinceRows, communeRows, predecessorRows] = await Promise.all([
    db.select({ code: provinces.code, name: provinces.name }).from(provinces),
    db
      .select({
        code: communes.code,
        name: communes.name,
        type: communes.type,
        provinceCode: communes.provinceCode,
        searchText: communes.searchText,
      })
      .from(communes),
    db.select().from(communePredecessors),
  ]);
  return { provinces: provinceRows, communes: communeRows, predecessors: predecessorRows };
}

/** One commune with its province, read from the database (a draft's commune is checked where it is written). */
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
