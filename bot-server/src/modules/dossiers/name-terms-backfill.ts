import { eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { dossiers } from "../../db/schema";
import { SEALED } from "../../db/sealed-places";
import type { Sealer } from "../../lib/crypto";
import { nameTermsOf } from "../../lib/name-terms";
import { openAnswers } from "../drafts/forms";

const BATCH = 500;

/**
 * Dossiers filed before the name search existed get their terms once, at start-up (then every new or
 * supplemented dossier writes its own). Returns how many were filled.
 */
export async function backfillNameTerms(db: Database, sealer: Sealer): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db
      .select({ code: dossiers.code, answersSealed: dossiers.answersSealed })
      .from(dossiers)
      .where(isNull(dossiers.nameTerms))
      .limit(BATCH);
    if (rows.length === 0) return filled;
    for (const row of rows) {
      const answers = openAnswers(sealer, row.answersSealed, SEALED.dossierAnswers(row.code));
      await db
        .update(dossiers)
        .set({ nameTerms: nameTermsOf(sealer, answers) })
        .where(eq(dossiers.code, row.code));
    }
    filled += rows.length;
  }
}
