import type { Answers } from "@dvc/shared";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { dossiers, procedureVersions } from "../../db/schema";
import { SEALED } from "../../db/sealed-places";
import type { Sealer } from "../../lib/crypto";
import { type NoticeOfDossier, noticesOfDossier } from "../delivery";
import { openAnswers } from "../drafts/forms";
import {
  type DossierEventRow,
  type DossierWithTitle,
  listEvents,
  procedureTitleSql,
  procedureVersionOfDossier,
} from "./repo";
import { findResultFile } from "./result-file";

export interface CommuneDossier {
  row: DossierWithTitle;
  answers: Answers;
  events: DossierEventRow[];
  notices: NoticeOfDossier[];
  resultFile: { fileId: string; name: string } | null;
}

/**
 * A dossier as its commune's officers read it: answers opened, timeline, the messages about it.
 * Scoped in the query itself (SEC-1): another commune's code is simply not found.
 */
export async function readCommuneDossier(
  db: Database,
  sealer: Sealer,
  communeCode: string,
  code: string,
): Promise<CommuneDossier | undefined> {
  const [found] = await db
    .select({ row: dossiers, procedureTitle: procedureTitleSql })
    .from(dossiers)
    .innerJoin(procedureVersions, procedureVersionOfDossier)
    .where(and(eq(dossiers.code, code), eq(dossiers.communeCode, communeCode)));
  if (!found) return undefined;
  const row = { ...found.row, procedureTitle: found.procedureTitle };
  const [events, notices] = [await listEvents(db, code), await noticesOfDossier(db, code)];
  return {
    row,
    answers: openAnswers(sealer, row.answersSealed, SEALED.dossierAnswers(code)),
    events,
    notices,
    resultFile: await findResultFile(db, sealer, code),
  };
}
