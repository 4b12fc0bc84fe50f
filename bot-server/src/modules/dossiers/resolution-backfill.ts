import { resolutionWorkingDays } from "@dvc/shared";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { dossierEvents, dossiers } from "../../db/schema";

const BATCH = 500;

/**
 * Dossiers resolved before resolved_at existed get it once, at start-up (every later move writes its
 * own, resolution.ts): the first result_ready event, else the first returned event, as resolutionOf would
 * have written. A dossier without such an event (rows written by hand before events existed) takes its
 * last update, the closest instant known. Working days need the holiday calendar, so they are computed
 * here rather than in SQL. Returns how many were filled.
 */
export async function backfillResolutions(db: Database): Promise<number> {
  const firstOf = (status: string) =>
    sql<Date | null>`(select min(${dossierEvents.at}) from ${dossierEvents}
      where ${dossierEvents.dossierCode} = ${dossiers.code} and ${dossierEvents.status} = ${status})`;
  let filled = 0;
  for (;;) {
    const rows = await db
      .select({
        code: dossiers.code,
        submittedAt: dossiers.submittedAt,
        updatedAt: dossiers.updatedAt,
        readyAt: firstOf("result_ready").mapWith(dossiers.submittedAt),
        returnedAt: firstOf("returned").mapWith(dossiers.submittedAt),
      })
      .from(dossiers)
      .where(and(isNull(dossiers.resolvedAt), inArray(dossiers.status, ["result_ready", "returned"])))
      .limit(BATCH);
    if (rows.length === 0) return filled;
    for (const row of rows) {
      const resolvedAt = row.readyAt ?? row.returnedAt ?? row.updatedAt;
      await db
        .update(dossiers)
        .set({ resolvedAt, resolvedWorkingDays: resolutionWorkingDays(row.submittedAt, resolvedAt) })
        .where(eq(dossiers.code, row.code));
    }
    filled += rows.length;
  }
}
