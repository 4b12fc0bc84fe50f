import type { Database } from "../../db/client";
import type { Sealer } from "../../lib/crypto";
import { hasLiveConsent } from "./consent-repo";
import { readProfile } from "./profile-repo";

/**
 * The phone number a citizen may be told about their dossiers on (ZNS), as stored ("84…"): only under a
 * live consent to "status_notifications" (Nghị định 13/2023 Art. 11: the purpose they agreed to).
 * Null otherwise, or when no number is stored.
 */
export async function phoneForNotifications(
  db: Database,
  sealer: Sealer,
  citizenId: string,
): Promise<string | null> {
  if (!(await hasLiveConsent(db, citizenId, "status_notifications"))) return null;
  return (await readProfile(db, sealer, citizenId)).phone;
}
