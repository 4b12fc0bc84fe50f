import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { procedures, procedureVersions } from "../../db/schema";

export interface StoredVersion {
  code: string;
  version: number;
  checksum: string;
}

export async function findStoredChecksums(db: Database, codes: string[]): Promise<StoredVersion[]> {
  if (codes.length === 0) return [];
  return db
    .select({
      code: procedureVersions.code,
      version: procedureVersions.version,
      checksum: procedureVersions.checksum,
    })
    .from(procedureVersions)
    .where(inArray(procedureVersions.code, codes));
}

export async function insertVersions(
  db: Database,
  rows: { code: string; version: number; definition: unknown; checksum: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  // Several nodes may start together: the first writer wins, the others find identical rows.
  await db.insert(procedureVersions).values(rows).onConflictDoNothing();
}

export async function upsertCurrent(
  db: Database,
  rows: { code: string; currentVersion: number; title: string; sector: string; online: boolean }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(procedures)
    .values(rows)
    .onConflictDoUpdate({
      target: procedures.code,
      set: {
        currentVersion: sql`excluded.current_version`,
        title: sql`excluded.title`,
        sector: sql`excluded.sector`,
        online: sql`excluded.online`,
        updatedAt: sql`now()`,
      },
    });
}

/** The stored definition of one version, or of the current version when `version` is undefined. */
export async function findDefinition(
  db: Database,
  code: string,
  version: number | undefined,
): Promise<unknown> {
  if (version !== undefined) {
    const [row] = await db
      .select({ definition: procedureVersions.definition })
      .from(procedureVersions)
      .where(and(eq(procedureVersions.code, code), eq(procedureVersions.version, version)));
    return row?.definition;
  }
  const [row] = await db
    .select({ definition: procedureVersions.definition })
    .from(procedures)
    .innerJoin(
      procedureVersions,
      and(
        eq(procedureVersions.code, procedures.code),
        eq(procedureVersions.version, procedures.currentVersion),
      ),
    )
    .where(eq(procedures.code, code));
  return row?.definition;
}
