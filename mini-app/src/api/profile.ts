/** Consent, the citizen's profile (what prefills forms) and "Dữ liệu của tôi": see, correct, export, delete. */
import {
  type CitizenProfile,
  CONSENT_NOTICE_VERSION,
  type ConsentPurpose,
  citizenProfileSchema,
  type ProfileUpdate,
} from "@dvc/shared/api/citizen-profile";
import { request, requestRaw } from "./http";

export function giveConsent(purposes: ConsentPurpose[]): Promise<unknown> {
  return requestRaw("/api/consents", {
    method: "POST",
    json: { purposes, noticeVersion: CONSENT_NOTICE_VERSION },
  });
}

export function getProfile(signal?: AbortSignal): Promise<CitizenProfile> {
  return request("/api/profile", citizenProfileSchema, { signal });
}

export function updateProfile(update: ProfileUpdate): Promise<CitizenProfile> {
  return request("/api/profile", citizenProfileSchema, { method: "PUT", json: update });
}

/**
 * Exchanges getPhoneNumber's one-time token on the server, which stores the number in the profile (it
 * needs the "prefill_profile" consent) and answers with the profile.
 */
export async function linkZaloPhone(phoneToken: string, accessToken: string): Promise<string | null> {
  const profile = await request("/api/profile/phone", citizenProfileSchema, {
    method: "POST",
    json: { phoneToken, accessToken },
  });
  return profile.phone;
}

/** Everything the server keeps about the citizen, as JSON to download. */
export function exportProfile(): Promise<unknown> {
  return requestRaw("/api/profile/export");
}

export async function deleteProfile(): Promise<void> {
  await requestRaw("/api/profile", { method: "DELETE" });
}
