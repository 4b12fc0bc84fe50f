import { z } from "zod";

/** Hà Nội, the province the product starts with (GSO code, Công văn 915/CTK-CSCL). */
export const HANOI_PROVINCE_CODE = "01";

export const provinceCodeSchema = z.string().regex(/^\d{2}$/, "Mã tỉnh gồm 2 chữ số");
export const communeCodeSchema = z.string().regex(/^\d{5}$/, "Mã xã/phường gồm 5 chữ số");

export const communeSearchQuerySchema = z.object({
  q: z.string().max(100, "Từ khoá tìm kiếm tối đa 100 ký tự").optional(),
  province: provinceCodeSchema.optional(),
});

export const communeTypeSchema = z.enum(["Xã", "Phường", "Đặc khu"]);

export const communeSummarySchema = z.object({
  code: communeCodeSchema,
  name: z.string(),
  type: communeTypeSchema,
  provinceCode: provinceCodeSchema,
  /** Pre-2025 wards/communes (with their old district) whose name matched the query. */
  matchedOldNames: z.array(z.string()),
});

export const communeSearchResponseSchema = z.object({
  communes: z.array(communeSummarySchema),
});

export const communeDetailSchema = communeSummarySchema.omit({ matchedOldNames: true }).extend({
  provinceName: z.string(),
  predecessors: z.array(
    z.object({ code: z.string(), name: z.string(), district: z.string().nullable(), scope: z.string() }),
  ),
});

export type CommuneSearchQuery = z.infer<typeof communeSearchQuerySchema>;
export type CommuneSummary = z.infer<typeof communeSummarySchema>;
export type CommuneSearchResponse = z.infer<typeof communeSearchResponseSchema>;
export type CommuneDetail = z.infer<typeof communeDetailSchema>;
