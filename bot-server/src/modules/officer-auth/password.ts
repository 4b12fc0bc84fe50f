import { hash, verify } from "@node-rs/argon2";

/** Algorithm.Argon2id of @node-rs/argon2, a const enum that cannot be imported under verbatimModuleSyntax. */
const ARGON2ID = 2;

/**
 * Officer passwords: argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane; ASVS 2.4.1, the
 * Password Storage Cheat Sheet). The parameters live in the hash string, so raising them later only
 * needs `needsRehash` at the next sign-in.
 */
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

/** A hash of nothing anyone knows: an unknown username costs the same time as a wrong password. */
let decoy: Promise<string> | undefined;

/** True when `password` matches `stored`; with no stored hash, spends the same time and says false. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hashPassword(`decoy-${Math.random()}`);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash is a refusal, not a server error.
    return false;
  }
}
