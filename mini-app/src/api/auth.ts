/**
 * Sign-in routes: Zalo access token → session, and the sandbox's pretend Zalo users (web preview only;
 * the sandbox routes do not exist in production, where they answer 404).
 */
import { type SignInResponse, signInResponseSchema } from "@dvc/shared/api/citizen-auth";
import { z } from "zod";
import { request, requestRaw } from "./http";

export function signInWithZalo(accessToken: string, signal?: AbortSignal): Promise<SignInResponse> {
  return request("/api/auth/zalo", signInResponseSchema, {
    method: "POST",
    json: { accessToken },
    auth: false,
    signal,
  });
}

/** Ends the session on the server; the caller forgets the token whatever happens. */
export async function endSession(): Promise<void> {
  await requestRaw("/api/auth/session", { method: "DELETE" });
}

/** A pretend Zalo account of the sandbox (the phone comes masked: "098****321"). */
export const sandboxCitizenSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullish(),
});
export type SandboxCitizen = z.infer<typeof sandboxCitizenSchema>;

export async function listSandboxCitizens(signal?: AbortSignal): Promise<SandboxCitizen[]> {
  const body = await request("/sandbox/api/citizens", z.object({ citizens: z.array(sandboxCitizenSchema) }), {
    auth: false,
    signal,
  });
  return body.citizens;
}

export async function createSandboxCitizen(input: { name: string; phone?: string }): Promise<SandboxCitizen> {
  const body = await request("/sandbox/api/citizens", z.object({ citizen: sandboxCitizenSchema }), {
    method: "POST",
    json: input,
    auth: false,
  });
  return body.citizen;
}

export async function sandboxAccessToken(citizenId: string): Promise<string> {
  const body = await request(
    `/sandbox/api/citizens/${encodeURIComponent(citizenId)}/access-token`,
    z.object({ accessToken: z.string().min(1) }),
    { method: "POST", auth: false },
  );
  return body.accessToken;
}

export async function sandboxPhoneToken(citizenId: string): Promise<string> {
  const body = await request(
    `/sandbox/api/citizens/${encodeURIComponent(citizenId)}/phone-token`,
    z.object({ token: z.string().min(1) }),
    { method: "POST", auth: false },
  );
  return body.token;
}
