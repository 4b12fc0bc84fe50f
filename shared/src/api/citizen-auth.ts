import { z } from "zod";

/**
 * A token Zalo gave the Mini App (access token, phone token). Opaque, but it travels in an HTTP header to
 * Zalo (graph-client.ts), so it can only be visible ASCII: a CR/LF, a NUL or an emoji is no Zalo token,
 * and refusing it here keeps it from failing as "Zalo is busy" when the header cannot even be built.
 */
export const zaloTokenSchema = z
  .string()
  .trim()
  .min(1, "Thiếu mã Zalo. Vui lòng đóng ứng dụng, mở lại rồi thử lại.")
  .max(2048, "Mã Zalo quá dài. Vui lòng đóng ứng dụng, mở lại rồi thử lại.")
  .regex(/^[\x21-\x7E]+$/, "Mã Zalo không hợp lệ. Vui lòng đóng ứng dụng, mở lại rồi thử lại.");

/** POST /api/auth/zalo: the Mini App's Zalo access token (getAccessToken); the server verifies it. */
export const zaloSignInRequestSchema = z.object({
  accessToken: zaloTokenSchema,
});

export const citizenSchema = z.object({
  id: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
});
export type Citizen = z.infer<typeof citizenSchema>;

/** The session token goes in `Authorization: Bearer <token>` on every later call. */
export const signInResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  citizen: citizenSchema,
  /** Whether the citizen has recorded consent to the current notice (else the app shows it first). */
  consentGiven: z.boolean(),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

/** GET /api/auth/me: who the session belongs to, and whether the notice still needs accepting. */
export const citizenMeResponseSchema = signInResponseSchema.pick({ citizen: true, consentGiven: true });
export type CitizenMeResponse = z.infer<typeof citizenMeResponseSchema>;
