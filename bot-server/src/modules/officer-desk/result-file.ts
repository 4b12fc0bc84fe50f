import { randomUUID } from "node:crypto";
import { canTransition, DOSSIER_STATUS_INFO, dossierStatusSchema, type UploadedFile } from "@dvc/shared";
import { and, eq } from "drizzle-orm";
import { dossiers } from "../../db/schema";
import { SEALED } from "../../db/sealed-places";
import { AppError } from "../../lib/errors";
import { newStorageKey } from "../../storage";
import { PENDING_RESULT_FIELD_ID } from "../dossiers";
import { checkUpload, type FileDeps, insertFile } from "../files";
import { recordAudit } from "./audit";
import type { Asker } from "./service";

const NOT_FOUND = "Không tìm thấy hồ sơ này trong xã của bạn. Vui lòng kiểm tra lại mã hồ sơ.";

/**
 * The electronic result of a dossier of the officer's commune (issue 11): checked like every upload
 * (JPEG, PNG or PDF by magic bytes, at most 5 MB), stored as a file of the dossier owned by its citizen,
 * who downloads it through GET /api/files/:id once the "result_ready" move names it. Audited in the
 * transaction that writes the row. Another commune's dossier is a 404 and nothing is stored.
 */
export async function uploadResultFile(
  deps: FileDeps,
  asker: Asker,
  input: { code: string; file: File },
  now = new Date(),
): Promise<UploadedFile> {
  const { db, storage, sealer } = deps;
  const communeCode = asker.officer.communeCode;
  if (!communeCode) throw new AppError("FORBIDDEN");
  const inCommune = and(eq(dossiers.code, input.code), eq(dossiers.communeCode, communeCode));
  // Before the bytes are read or stored: another commune's dossier costs nothing and leaves nothing.
  const [exists] = await db.select({ status: dossiers.status }).from(dossiers).where(inCommune);
  if (!exists) throw new AppError("NOT_FOUND", NOT_FOUND);
  // Only for a dossier the officer may now mark "result ready": a refused or returned one takes none.
  const status = dossierStatusSchema.parse(exists.status);
  if (!canTransition(status, "result_ready", "officer")) {
    throw new AppError(
      "CONFLICT",
      `Hồ sơ đang ở trạng thái “${DOSSIER_STATUS_INFO[status].officerLabel}” nên chưa thể gửi kết quả.`,
    );
  }
  const checked = await checkUpload(input.file);
  const storageKey = newStorageKey();
  await storage.put(storageKey, checked.bytes);
  try {
    return await db.transaction(async (tx) => {
      const [dossier] = await tx
        .select({ citizenId: dossiers.citizenId })
        .from(dossiers)
        .where(inCommune)
        .for("update");
      if (!dossier) throw new AppError("NOT_FOUND", NOT_FOUND);
      const id = randomUUID();
      const row = await insertFile(tx, {
        id,
        ownerCitizenId: dossier.citizenId,
        draftId: null,
        dossierCode: input.code,
        fieldId: PENDING_RESULT_FIELD_ID,
        nameSealed: sealer.seal(checked.name, SEALED.fileName(id)),
        mimeType: checked.mime,
        sizeBytes: checked.bytes.length,
        sha256: checked.sha256,
        storageKey,
        createdAt: now,
      });
      await recordAudit(tx, {
        ...asker,
        action: "dossier.result_file",
        communeCode,
        dossierCode: input.code,
        detail: { fileId: row.id, sizeBytes: row.sizeBytes, mimeType: row.mimeType },
        at: now,
      });
      return { fileId: row.id, name: checked.name, sizeBytes: row.sizeBytes, mimeType: checked.mime };
    });
  } catch (error) {
    await storage.delete(storageKey).catch(() => {});
    throw error;
  }
}
