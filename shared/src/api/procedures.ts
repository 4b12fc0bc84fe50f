import { z } from "zod";
import { agencySchema, legalTimeSchema, procedureCodeSchema, sectorSchema } from "../procedures/definition";
import { pgNaturalQuerySchema } from "./bounds";

export const procedureListQuerySchema = z.object({
  q: z.string().trim().max(200, "Từ khoá tìm kiếm tối đa 200 ký tự").optional(),
  sector: sectorSchema.optional(),
  /** Only procedures that can be filed online in the app. */
  online: z.enum(["true", "false"]).optional(),
});
export type ProcedureListQuery = z.infer<typeof procedureListQuerySchema>;

export const procedureSummarySchema = z.object({
  code: procedureCodeSchema,
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  sector: sectorSchema,
  agency: agencySchema,
  online: z.boolean(),
  legalTime: legalTimeSchema,
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

export const procedureListResponseSchema = z.object({ procedures: z.array(procedureSummarySchema) });
export type ProcedureListResponse = z.infer<typeof procedureListResponseSchema>;

export const procedureDetailQuerySchema = z.object({
  /** A draft or dossier asks for the version it began on. */
  version: pgNaturalQuerySchema.min(1, "Phiên bản phải là số nguyên dương").optional(),
});
