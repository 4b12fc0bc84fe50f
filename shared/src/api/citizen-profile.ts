import { z } from "zod";
import { addressAnswerSchema, isoDateSchema } from "../forms/answers";
import { zaloTokenSchema } from "./citizen-auth";

/**
 * Consent before the first CCCD or phone number is stored (Nghị định 13/2023/NĐ-CP Art. 11; Luật 91/2025
 * from 1/1/2026): per purpose, recorded with the notice version, printable.
 */
export const CONSENT_PURPOSES = ["dossier_filing", "prefill_profile", "status_notifications"] as const;
export const consentPurposeSchema = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof consentPurposeSchema>;

/** Bump when the notice text changes: citizens are asked again. */
export const CONSENT_NOTICE_VERSION = "2026-11-v1";

export const consentRequestSchema = z.object({
  purposes: z.array(consentPurposeSchema).min(1, "Vui lòng chọn ít nhất một mục đích"),
  noticeVersion: z.literal(CONSENT_NOTICE_VERSION, {
    error: "Nội dung thông báo đã thay đổi, vui lòng đọc lại",
  }),
});

export const consentSchema = z.object({
  purposes: z.array(consentPurposeSchema),
  noticeVersion: z.string(),
  grantedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

/** What prefills every form. CCCD and phone are returned in full only to their owner. */
export const citizenProfileSchema = z.object({
  fullName: z.string().max(100).nullable(),
  dateOfBirth: isoDateSchema.nullable(),
  sex: z.enum(["nam", "nu"]).nullable(),
  ethnicity: z.string().max(50).nullable(),
  nationality: z.string().max(50).nullable(),
  cccd: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: addressAnswerSchema.nullable(),
  /** The commune the citizen deals with (chosen in the app). */
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable(),
});
export type CitizenProfile = z.infer<typeof citizenProfileSchema>;

/** PUT /api/profile: every field optional; null clears it. CCCD/phone are validated by shared/identity. */
export const profileUpdateSchema = citizenProfileSchema.partial();
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

/** POST /api/profile/phone: the one-time token from getPhoneNumber, exchanged server-side. */
export const phoneTokenRequestSchema = z.object({
  phoneToken: zaloTokenSchema,
  accessToken: zaloTokenSchema,
});
