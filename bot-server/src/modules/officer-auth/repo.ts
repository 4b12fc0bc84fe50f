import type { OfficerRole } from "@dvc/shared";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communes, officerSessions, officers } from "../../db/schema";

export type OfficerRow = typeof officers.$inferSelect;

export async function findOfficerByUsername(db: Database, username: string): Promise<OfficerRow | undefined> {
  const [row] = await db.select().from(officers).where(eq(officers.username, username));
  return row;
}

export async function insertOfficer(
  db: Database,
  officer: { username: string; passwordHash: string; role: OfficerRole; communeCode: string | null },
): Promise<OfficerRow | undefined> {
  const [row] = await db.insert(officers).values(officer).onConflictDoNothing().returning();
  return row;
}

/** Disables an account and ends its sessions; false when no such username. */
export async function disableOfficer(db: Database, username: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(officers)
      .set({ disabledAt: now })
      .where(and(eq(officers.username, username), isNull(officers.disabledAt)))
      .returning({ id: officers.id });
    if (!row) return (await findOfficerByUsername(tx, username)) !== undefined;
    await tx.delete(officerSessions).where(eq(officerSessions.officerId, row.id));
    return true;
  });
}

/** Sets a new password (and enables the account again); every session ends. False when unknown. */
export async function setPassword(db: Database, username: string, passwordHash: string, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(officers)
      .set({ passwordHash, passwordChangedAt: now, disabledAt: null })
      .where(eq(officers.username, username))
      .returning({ id: officers.id });
    if (!row) return false;
    await tx.delete(officerSessions).where(eq(officerSessions.officerId, row.id));
    return true;
  });
}

export async function insertSession(
  db: Database,
  session: { tokenHash: string; officerId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(officerSessions).values({
    tokenHash: session.tokenHash,
    officerId: session.officerId,
    createdAt: session.now,
    lastUsedAt: session.now,
    expiresAt: session.expiresAt,
  });
}

export async function deleteSessionByHash(db: Database, tokenHash: string): Promise<void> {
  await db.delete(officerSessions).where(eq(officerSessions.tokenHash, tokenHash));
}

/** The live session's officer: not expired, not idle past `idleSince`, account enabled. */
export async function findLiveSession(db: Database, tokenHash: string, now: Date, idleSince: Date) {
  const [row] = await db
    .select({
      lastUsedAt: officerSessions.lastUsedAt,
      officer: {
        id: officers.id,
        username: officers.username,
        role: officers.role,
        communeCode: officers.communeCode,
      },
    })
    .from(officerSessions)
    .innerJoin(officers, eq(officers.id, officerSessions.officerId))
    .where(
      and(
        eq(officerSessions.tokenHash, tokenHash),
        gt(officerSessions.expiresAt, now),
        gt(officerSessions.lastUsedAt, idleSince),
        isNull(officers.disabledAt),
      ),
    );
  return row;
}

export async function touchSession(db: Database, tokenHash: string, now: Date): Promise<void> {
  await db
    .update(officerSessions)
    .set({ lastUsedAt: now })
    .where(and(eq(officerSessions.tokenHash, tokenHash), lt(officerSessions.lastUsedAt, sql`${now}`)));
}

export async function communeExists(db: Database, code: string): Promise<boolean> {
  const [row] = await db.select({ code: communes.code }).from(communes).where(eq(communes.code, code));
  return row !== undefined;
}
