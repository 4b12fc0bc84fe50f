import { type CitizenProfile, citizenProfileSchema } from "@dvc/shared";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { citizenProfiles } from "../../db/schema";
import { SEALED } from "../../db/sealed-places";
import type { Sealer } from "../../lib/crypto";
import { EMPTY_PROFILE } from "./profile-rules";

/**
 * The profile is stored sealed as one JSON value (AES-256-GCM, lib/crypto.ts); CCCD and phone also get
 * a keyed hash of the normalised value (12 digits; "84…") so they can be looked up without decrypting
 * every row (PDP-2): look-ups elsewhere hash the same normalised form. No column holds either in plain text.
 */

/** The stored profile, or the empty one; `forUpdate` locks the row inside a transaction. */
export async function readProfile(
  db: Database,
  sealer: Sealer,
  citizenId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CitizenProfile> {
  const query = db
    .select({ sealed: citizenProfiles.sealed })
    .from(citizenProfiles)
    .where(eq(citizenProfiles.citizenId, citizenId));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) return { ...EMPTY_PROFILE };
  // Fields added to the profile later are absent from older rows: they start empty.
  const stored = sealer.openJson(row.sealed, SEALED.profile(citizenId)) as object;
  return citizenProfileSchema.parse({ ...EMPTY_PROFILE, ...stored });
}

export async function writeProfile(
  db: Database,
  sealer: Sealer,
  citizenId: string,
  profile: CitizenProfile,
  now = new Date(),
): Promise<void> {
  const values = {
    sealed: sealer.sealJson(profile, SEALED.profile(citizenId)),
    cccdHash: profile.cccd ? sealer.lookupHash(profile.cccd) : null,
    phoneHash: profile.phone ? sealer.lookupHash(profile.phone) : null,
    updatedAt: now,
  };
  await db
    .insert(citizenProfiles)
    .values({ citizenId, ...values })
    .onConflictDoUpdate({ target: citizenProfiles.citizenId, set: values });
}

export async function deleteProfile(db: Database, citizenId: string): Promise<void> {
  await db.delete(citizenProfiles).where(eq(citizenProfiles.citizenId, citizenId));
}
