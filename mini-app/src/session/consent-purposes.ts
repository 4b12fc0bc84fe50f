/**
 * Which purposes the citizen ticked on this phone, so the app does only what was agreed (e.g. it keeps
 * answers for next time only under "prefill_profile"). The server checks consent too; this is the
 * app's own restraint, and it does nothing when it does not know.
 */
import type { ConsentPurpose } from "@dvc/shared/api/citizen-profile";
import { storage } from "../platform/zalo";

const key = (citizenId: string) => `dvc.consentPurposes.v1.${citizenId}`;

export function rememberConsentPurposes(citizenId: string, purposes: readonly ConsentPurpose[]): void {
  storage.setItem(key(citizenId), JSON.stringify(purposes));
}

export function hasConsentPurpose(citizenId: string, purpose: ConsentPurpose): boolean {
  try {
    const value: unknown = JSON.parse(storage.getItem(key(citizenId)) ?? "[]");
    return Array.isArray(value) && value.includes(purpose);
  } catch {
    return false;
  }
}
