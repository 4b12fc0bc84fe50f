import { randomBytes, randomUUID } from "node:crypto";
import type { Database } from "../../db/client";
import { SEALED } from "../../db/sealed-places";
import type { Sealer } from "../../lib/crypto";
import { activeKeyNamed, insertKey, revokeKeysNamed, unknownCommunes } from "./keys-repo";

export interface CreatedIntegrationKey {
  id: string;
  /** Shown once: only its keyed hash is kept. */
  apiKey: string;
  /** Shown once: kept sealed (the server needs it back to check signatures), never in clear. */
  secret: string;
}

/**
 * A new key for a one-stop system: 256-bit random key and secret. The key is stored as its keyed hash
 * (looked up by it), the secret sealed under DATA_ENCRYPTION_KEY bound to the key's row.
 */
export async function createIntegrationKey(
  db: Database,
  sealer: Sealer,
  input: { name: string; communeCodes: readonly string[]; now: Date },
): Promise<CreatedIntegrationKey | { error: "name_taken" } | { error: "commune_unknown"; codes: string[] }> {
  if (await activeKeyNamed(db, input.name)) return { error: "name_taken" };
  const unknown = await unknownCommunes(db, input.communeCodes);
  if (unknown.length > 0) return { error: "commune_unknown", codes: unknown };
  const id = randomUUID();
  const apiKey = `dvc_${randomBytes(24).toString("base64url")}`;
  const secret = randomBytes(32).toString("base64url");
  await insertKey(db, {
    id,
    name: input.name,
    keyHash: sealer.lookupHash(apiKey),
    secretSealed: sealer.seal(secret, SEALED.integrationSecret(id)),
    communeCodes: [...new Set(input.communeCodes)],
    createdAt: input.now,
  });
  return { id, apiKey, secret };
}

/** Revokes every active key of this name at once (a revoked key is a 401 on its next call). */
export async function revokeIntegrationKeys(db: Database, name: string, now: Date): Promise<number> {
  return revokeKeysNamed(db, name, now);
}
