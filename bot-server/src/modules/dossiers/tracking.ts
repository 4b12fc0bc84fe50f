import type { DossierDetail, DossierSummary } from "@dvc/shared";
import { AppError } from "../../lib/errors";
import { noticesOfDossier } from "../delivery";
import { findOwnDossier, listEvents, listOwnDossiers } from "./repo";
import { findResultFile } from "./result-file";
import type { FilingDeps } from "./submit";
import { toDetail, toSummary } from "./views";

/** The citizen's own dossiers only; someone else's code is "not found", never "forbidden" (SEC-1). */

export async function listDossiers({ db, sealer }: FilingDeps, citizenId: string): Promise<DossierSummary[]> {
  return (await listOwnDossiers(db, citizenId)).map((row) => toSummary(row, sealer));
}

export async function getDossier(
  { db, sealer }: FilingDeps,
  citizenId: string,
  code: string,
): Promise<DossierDetail> {
  const row = await findOwnDossier(db, citizenId, code);
  if (!row) throw new AppError("NOT_FOUND", "Không tìm thấy hồ sơ này. Vui lòng kiểm tra lại mã hồ sơ.");
  return toDetail(
    row,
    await listEvents(db, code),
    sealer,
    await noticesOfDossier(db, code),
    await findResultFile(db, sealer, code),
  );
}
