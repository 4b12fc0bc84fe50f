import { CONSENT_NOTICE_VERSION, CONSENT_PURPOSES, type Consent, type ConsentPurpose } from "@dvc/shared";
import { and, arrayContains, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { consents } from "../../db/schema";

/**
 * Whether the citizen has a live (not withdrawn) consent to the current notice covering `purpose`.
 * Nothing holding a CCCD or phone number is stored without one (PDP-1): callers answer 409 otherwise.
 *
 * `lock` (inside the transaction that stores): the consent row is held FOR SHARE until that transaction
 * ends, so a withdrawal (an UPDATE of the row) waits for it and then erases what it stored; a withdrawal
 * that committed first makes the row fail the `withdrawn_at is null` test when PostgreSQL re-checks it
 * under the lock. Either both the data and the consent exist, or neither: never one without the other.
 */
export async function hasLiveConsent(
  db: Database,
  citizenId: string,
  purpose: ConsentPurpose,
  options: { lock?: boolean } = {},
): Promise<boolean> {
  const query = db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.citizenId, citizenId),
        eq(consents.noticeVersion, CONSENT_NOTICE_VERSION),
        isNull(consents.withdrawnAt),
        arrayContains(consents.purposes, [purpose]),
      ),
    )
    .orderBy(desc(consents.grantedAt))
    .limit(1);
  const [row] = options.lock ? await query.for("share") : await query;
  return row !== undefined;
}

/** Whether any live consent to the current notice exists: the app shows the notice first when not. */
export async function hasAnyLiveConsent(db: Database, citizenId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.citizenId, citizenId),
        eq(consents.noticeVersion, CONSENT_NOTICE_VERSION),
        isNull(consents.withdrawnAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Records a consent as given in the Mini App: one row per act of consenting, kept as the printable proof. */
export async function recordConsent(
  db: Database,
  citizenId: string,
  purposes: readonly ConsentPurpose[],
  noticeVersion: string,
  now = new Date(),
): Promise<Consent> {
  const [row] = await db
    .insert(consents)
    .values({
      citizenId,
      purposes: [...new Set(purposes)],
      noticeVersion,
      channel: "mini_app",
      grantedAt: now,
    })
    .returning();
  if (!row) throw new Error("consent insert returned no row");
  return toConsent(row);
}

/** Every consent the citizen gave, newest first, withdrawn ones included (they are the history). */
export async function listConsents(db: Database, citizenId: string): Promise<Consent[]> {
  const rows = await db
    .select()
    .from(consents)
    .where(eq(consents.citizenId, citizenId))
    .orderBy(desc(consents.grantedAt), desc(consents.id));
  return rows.map(toConsent);
}

/** Withdraws every live consent (Nghị định 13/2023 Art. 12); returns how many were live. */
export async function withdrawConsents(db: Database, citizenId: string, now = new Date()): Promise<number> {
  const rows = await db
    .update(consents)
    .set({ withdrawnAt: now })
    .where(and(eq(consents.citizenId, citizenId), isNull(consents.withdrawnAt)))
    .returning({ id: consents.id });
  return rows.length;
}

function toConsent(row: typeof consents.$inferSelect): Consent {
  return {
    purposes: row.purposes.filter((purpose): purpose is ConsentPurpose =>
      (CONSENT_PURPOSES as readonly string[]).includes(purpose),
    ),
    noticeVersion: row.noticeVersion,
    grantedAt: row.grantedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  };
}
