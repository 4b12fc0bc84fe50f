import { AppError } from "../../lib/errors";
import { downloadFile, type FileDeps } from "../files";
import { recordAudit } from "./audit";
import type { Asker } from "./service";

/**
 * An attachment of a dossier of the officer's commune (files/access.ts decides; anything else is a 404).
 * Opening it is audited: it is the citizen's personal data (issue 11 §4).
 */
export async function readAttachment(deps: FileDeps, asker: Asker, dossierCode: string, fileId: string) {
  const communeCode = asker.officer.communeCode;
  if (!communeCode) throw new AppError("FORBIDDEN");
  const actor = { kind: "officer", officerId: asker.officer.id, communeCode, dossierCode } as const;
  const download = await downloadFile(deps, actor, fileId);
  await recordAudit(deps.db, {
    ...asker,
    action: "dossier.file",
    communeCode,
    dossierCode,
    detail: { fileId },
    at: new Date(),
  });
  return download;
}
