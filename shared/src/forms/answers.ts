import { z } from "zod";

/**
 * The shapes answers take once normalised (forms/engine builds the exact schema per definition).
 * Dates are ISO "YYYY-MM-DD" local Vietnam dates; phones are "84…"; text is trimmed NFC.
 */

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng năm-tháng-ngày");

export const addressAnswerSchema = z.object({
  provinceCode: z.string().regex(/^\d{2}$/),
  communeCode: z.string().regex(/^\d{5}$/),
  detail: z.string(),
});
export type AddressAnswer = z.infer<typeof addressAnswerSchema>;

export const SEXES = [
  { value: "nam", label: "Nam" },
  { value: "nu", label: "Nữ" },
] as const;

export const personAnswerSchema = z
  .object({
    fullName: z.string(),
    dateOfBirth: isoDateSchema,
    sex: z.enum(["nam", "nu"]),
    ethnicity: z.string(),
    nationality: z.string(),
    cccd: z.string(),
    residence: addressAnswerSchema,
  })
  .partial();
export type PersonAnswer = z.infer<typeof personAnswerSchema>;

/** An uploaded file, referenced by the id the upload route returned. */
export const attachmentRefSchema = z.object({
  fileId: z.string().min(1),
  name: z.string(),
  sizeBytes: z.number().int().min(0),
  mimeType: z.string(),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/** Raw answers as the app sends them: field id → value (validated by the engine against the definition). */
export const answersSchema = z.record(z.string(), z.unknown());
export type Answers = z.infer<typeof answersSchema>;
