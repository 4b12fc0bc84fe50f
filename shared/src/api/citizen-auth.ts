import { z } from "zod";

/** POST /api/auth/zalo: the Mini App's Zalo access token (getAccessToken); the server verifies it. */
export const zaloSignInRequestSchema = z.object({
  accessToken: z.string().trim().min(1, "Thiếu mã đăng nhập Zalo").max(2048),
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
