import { z } from "zod";
import { formDefinitionSchema } from "../forms/definition";

/**
 * A procedure (thủ tục hành chính) as data: what the national portal publishes, rewritten for a citizen,
 * plus — when it can be filed online here — the simplified form. Facts come from dichvucong.gov.vn
 * records (../shared/data/vn-procedures) and ../shared/reference/vn-public-services.md.
 */

/** National procedure code as on dichvucong.gov.vn, e.g. 1.001193 (khai sinh). */
export const procedureCodeSchema = z.string().regex(/^\d\.\d{6}$/, "Mã thủ tục có dạng 1.001193");

export const SECTORS = [
  "Hộ tịch",
  "Chứng thực",
  "Cư trú",
  "Căn cước",
  "Hộ kinh doanh",
  "Xây dựng",
  "Bảo trợ xã hội",
  "Giảm nghèo",
] as const;
export const sectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof sectorSchema>;

/** Since 7/2025 citizen procedures are handled at commune level: by the People's Committee or the police. */
export const AGENCIES = {
  ubnd_xa: "Ủy ban nhân dân xã/phường",
  cong_an_xa: "Công an xã/phường",
} as const;
export const agencySchema = z.enum(["ubnd_xa", "cong_an_xa"]);
export type Agency = z.infer<typeof agencySchema>;

/**
 * Legal processing time. `same_day`: finished on the day of receipt when received before the cut-off
 * (15:00), else the next working day (e.g. khai sinh, kết hôn, chứng thực).
 */
export const legalTimeSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("working_days"),
      days: z.number().int().min(1).max(90),
      note: z.string().optional(),
    })
    .strict(),
  z.object({ kind: z.literal("same_day"), cutoff: z.literal("15:00"), note: z.string().optional() }).strict(),
]);
export type LegalTime = z.infer<typeof legalTimeSchema>;

export const CHANNELS = { online: "Trực tuyến", direct: "Trực tiếp", postal: "Bưu chính" } as const;
export const feeSchema = z
  .object({
    channel: z.enum(["online", "direct", "postal"]),
    /** null: set by the provincial People's Council (HĐND) and not published here. */
    amountVnd: z.number().int().min(0).nullable(),
    description: z.string().optional(),
  })
  .strict();
export type Fee = z.infer<typeof feeSchema>;

export const requiredDocumentSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** "always" | only in some cases (explained in `when`). */
    required: z.boolean(),
    when: z.string().optional(),
    /**
     * The officer retrieves it from the national population / civil-status databases: the citizen is not
     * asked for it (the data-first rule of Nghị định 104/2022/NĐ-CP and the 2025 eForms).
     */
    pulledFromDatabase: z.boolean().default(false),
    /** The attachment field of the form that collects it, when the citizen uploads it. */
    attachmentField: z.string().optional(),
  })
  .strict();
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

const commonShape = {
  code: procedureCodeSchema,
  /** Bumped on every change of the definition; drafts and dossiers keep the version they began on. */
  version: z.number().int().min(1),
  /** Short plain title a citizen recognises: "Đăng ký khai sinh". */
  title: z.string().min(1).max(80),
  officialName: z.string().min(1),
  /** One or two sentences: who needs it, what they get. */
  summary: z.string().min(1),
  sector: sectorSchema,
  agency: agencySchema,
  legalTime: legalTimeSchema,
  fees: z.array(feeSchema),
  documents: z.array(requiredDocumentSchema),
  results: z.array(z.string().min(1)).min(1),
  legalBasis: z.array(z.string().min(1)),
  portalUrl: z.url(),
  /** How people say it: synonyms, colloquial phrasings, without diacritics is fine (search folds). */
  keywords: z.array(z.string()),
};

/** Filed online through this app's form. */
export const fileableProcedureSchema = z
  .object({ ...commonShape, online: z.literal(true), form: formDefinitionSchema })
  .strict();

/** Information only: what to bring and where to go (in person, or on the national portal). */
export const infoProcedureSchema = z
  .object({ ...commonShape, online: z.literal(false), howToFile: z.string().min(1) })
  .strict();

export const procedureDefinitionSchema = z.discriminatedUnion("online", [
  fileableProcedureSchema,
  infoProcedureSchema,
]);
export type ProcedureDefinition = z.infer<typeof procedureDefinitionSchema>;
export type ProcedureDefinitionInput = z.input<typeof procedureDefinitionSchema>;
export type FileableProcedure = z.infer<typeof fileableProcedureSchema>;
