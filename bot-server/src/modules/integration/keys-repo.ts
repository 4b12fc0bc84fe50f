import { and, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communes, integrationEvents, integrationKeys } from "../../db/schema";

export type IntegrationKeyRow = typeof integrationKeys.$inferSelect;
export type IntegrationEventRow = typeof integrationEvents.$inferSelect;

/** The key whose keyed hash is one of `hashes` (the current data key's first, then older ones). */
export async function findKeyByHashes(
  db: Database,
  hashes: readonly string[],
): Promise<IntegrationKeyRow | undefined> {
  if (hashes.length === 0) return undefined;
  const rows = await db
    .select()
    .from(integrationKeys)
    .where(inArray(integrationKeys.keyHash, [...hashes]));
  return rows[0];
}

/**
 * Marks the key used (at most once a minute: every request of a busy system would otherwise rewrite
 * one row); after a data-key rotation its hash is rewritten under the current key at once, since only a
 * request carrying the key can re-derive it (the key itself is never stored).
 */
export async function touchKey(db: Database, id: string, keyHash: string, at: Date): Promise<void> {
  await db
    .update(integrationKeys)
    .set({ lastUsedAt: at, keyHash })
    .where(
      and(
        eq(integrationKeys.id, id),
        or(
          ne(integrationKeys.keyHash, keyHash),
          isNull(integrationKeys.lastUsedAt),
          lt(integrationKeys.lastUsedAt, new Date(at.getTime() - 60_000)),
        ),
      ),
    );
}

export async function insertKey(db: Database, row: typeof integrationKeys.$inferInsert): Promise<void> {
  await db.insert(integrationKeys).values(row);
}

/** Whether a key of this name is still in use (names must be unambiguous for revoke-integration-key). */
export async function activeKeyNamed(db: Database, name: string): Promise<boolean> {
  const [row] = await db
    .select({ id: integrationKeys.id })
    .from(integrationKeys)
    .where(and(eq(integrationKeys.name, name), isNull(integrationKeys.revokedAt)))
    .limit(1);
  return row !== undefined;
}

/** Revokes the active keys of this name; how many were revoked. */
export async function revokeKeysNamed(db: Database, name: string, at: Date): Promise<number> {
  const rows = await db
    .update(integrationKeys)
    .set({ revokedAt: at })
    .where(and(eq(integrationKeys.name, name), isNull(integrationKeys.revokedAt)))
    .returning({ id: integrationKeys.id });
  return rows.length;
}

/** The codes among `codes` that are no commune of the reference data. */
export async function unknownCommunes(db: Database, codes: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ code: communes.code })
    .from(communes)
    .where(inArray(communes.code, [...codes]));
  const known = new Set(rows.map((row) => row.code));
  return codes.filter((code) => !known.has(code));
}

/**
 * Serialises the requests carrying one (key, eventId) until the transaction ends: two copies sent at once
 * are then one move and one replay, never two moves or a 409 from the status machine.
 */
export async function lockEventId(tx: Database, keyId: string, eventId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`integration:${keyId}:${eventId}`}, 0))`,
  );
}

export async function findEvent(
  tx: Database,
  keyId: string,
  eventId: string,
): Promise<IntegrationEventRow | undefined> {
  const [row] = await tx
    .select()
    .from(integrationEvents)
    .where(and(eq(integrationEvents.keyId, keyId), eq(integrationEvents.eventId, eventId)));
  return row;
}

export async function insertIntegrationEvent(
  tx: Database,
  row: typeof integrationEvents.$inferInsert,
): Promise<void> {
  await tx.insert(integrationEvents).values(row);
}
