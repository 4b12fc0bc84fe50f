import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { foldVietnamese } from "@dvc/shared";
import { z } from "zod";
import { REFERENCE_DATA_DIR } from "../../lib/paths";

/**
 * Reads the committed copy of ../shared/data/vn-admin-2025 (GSO lists, dvhcvn/20250701 mapping, MIT):
 * 34 provinces, 3,321 communes, and Hà Nội's 126 units with the pre-2025 units merged into each.
 */

const DIR = join(REFERENCE_DATA_DIR, "vn-admin-2025");

const provinceRow = z.object({
  province_code: z.string().regex(/^\d{2}$/),
  name: z.string().min(1),
  type: z.string().min(1),
});
const communeRow = z.object({
  commune_code: z.string().regex(/^\d{5}$/),
  name: z.string().min(1),
  type: z.enum(["Xã", "Phường", "Đặc khu"]),
  province_code: z.string().regex(/^\d{2}$/),
});
const hanoiFile = z.object({
  province_code: z.literal("01"),
  units: z.array(
    z.object({
      code: z.string().regex(/^\d{5}$/),
      name: z.string(),
      merged_from: z.array(
        z.object({
          old_code: z.string(),
          old_name: z.string(),
          old_district: z.string().nullable().optional(),
          scope: z.enum(["full", "partial"]),
        }),
      ),
    }),
  ),
});

export interface AdminUnitsData {
  checksum: string;
  provinces: { code: string; name: string; type: string }[];
  communes: { code: string; provinceCode: string; name: string; type: string; searchText: string }[];
  predecessors: {
    communeCode: string;
    oldCode: string;
    oldName: string;
    oldDistrict: string | null;
    scope: string;
    searchText: string;
  }[];
}

export function readAdminUnits(): AdminUnitsData {
  const provincesCsv = readFileSync(join(DIR, "provinces_34.csv"), "utf8");
  const communesCsv = readFileSync(join(DIR, "communes_3321.csv"), "utf8");
  const hanoiJson = readFileSync(join(DIR, "hanoi_126_communes_wards.json"), "utf8");
  const checksum = createHash("sha256")
    .update(provincesCsv)
    .update(communesCsv)
    .update(hanoiJson)
    .digest("hex");

  const provinces = parseCsv(provincesCsv).map((row) => {
    const p = provinceRow.parse(row);
    return { code: p.province_code, name: p.name.normalize("NFC"), type: p.type };
  });
  const hanoi = hanoiFile.parse(JSON.parse(hanoiJson));
  const predecessors = hanoi.units.flatMap((unit) =>
    unit.merged_from.map((old) => ({
      communeCode: unit.code,
      oldCode: old.old_code,
      oldName: old.old_name.normalize("NFC"),
      oldDistrict: old.old_district?.normalize("NFC") ?? null,
      scope: old.scope,
      searchText: foldVietnamese(`${old.old_name} ${old.old_district ?? ""}`),
    })),
  );
  const oldNamesOf = new Map<string, string[]>();
  for (const p of predecessors)
    oldNamesOf.set(p.communeCode, [...(oldNamesOf.get(p.communeCode) ?? []), p.oldName]);

  const communes = parseCsv(communesCsv).map((row) => {
    const c = communeRow.parse(row);
    const name = c.name.normalize("NFC");
    return {
      code: c.commune_code,
      provinceCode: c.province_code,
      name,
      type: c.type,
      searchText: foldVietnamese([name, ...(oldNamesOf.get(c.commune_code) ?? [])].join(" ")),
    };
  });
  return { checksum, provinces, communes, predecessors };
}

/** The files are plain comma-separated values without quoting (checked: no field contains a comma). */
function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (!header) return [];
  const columns = header.split(",");
  return lines.map((line) =>
    Object.fromEntries(line.split(",").map((value, i) => [columns[i] ?? `c${i}`, value.trim()])),
  );
}
