import { createHash, randomUUID } from "node:crypto";
import type { UploadedFile } from "@dvc/shared";
import type { Database } from "../../db/client";
import { SEALED } from "../../db/sealed-places";
import type { Sealer } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { drainStorageDeletions, type FileStorage, newStorageKey } from "../../storage";
import { lockCitizen } from "../citizen-auth/repo";
import { requireFilingConsent } from "../drafts/conflicts";
import { attachmentFieldOf, fileableProcedure } from "../drafts/forms";
import { canReadFile, type FileActor } from "./access";
import {
  countPendingFiles,
  deleteDraftPendingFiles,
  deleteOwnPendingFile,
  type FileRow,
  fileNameOf,
  findFile,
  insertFile,
  type NewFileRow,
  pendingUploadBytes,
} from "./repo";
import { type AttachmentMime, contentDisposition, safeFileName, sniffAttachmentType } from "./sniff";
import { resolveUploadTarget, type UploadTarget } from "./target";
import { uploadProblem } from "./upload-messages";

export interface FileDeps {
  db: Database;
  storage: FileStorage;
  sealer: Sealer;
}

const MEGABYTE = 1024 * 1024;
/** SEC-5: 5 MB, the most any attachment field accepts (forms/definition: maxSizeMb ≤ 5). */
export const MAX_FILE_BYTES = 5 * MEGABYTE;
/**
 * What one citizen's uploads for unsubmitted drafts may hold at once: ten full-size files; the app sends
 * photos resized to ≤ 1600 px (a few hundred KB each), so a family's drafts fit many times over.
 * Files of submitted dossiers belong to the commune's record and do not count.
 */
export const MAX_PENDING_UPLOAD_BYTES = 50 * MEGABYTE;

export interface UploadInput {
  citizenId: string;
  file: File;
  fieldId: string;
  draftId?: string | undefined;
  dossierCode?: string | undefined;
}

/**
 * Stores one attachment for a field of a draft (or of a dossier answering a supplement request) after
 * checking what it really is. Bytes go to storage first; the row that makes them reachable is written
 * last, inside a transaction holding the draft's lock so two uploads cannot both pass maxCount.
 */
export async function uploadFile(
  { db, storage, sealer }: FileDeps,
  input: UploadInput,
): Promise<UploadedFile> {
  const target = await resolveUploadTarget(db, input);
  // Checked early so a refused upload costs nothing; checked again, locked, where the row is written.
  await requireFilingConsent(db, input.citizenId);
  const { form } = await fileableProcedure(db, target.procedureCode, target.procedureVersion);
  const field = attachmentFieldOf(form, input.fieldId);
  if (!field) throw uploadProblem("notAttachmentField");
  if (input.file.size === 0) throw uploadProblem("empty");
  const limit = Math.min(MAX_FILE_BYTES, field.maxSizeMb * MEGABYTE);
  if (input.file.size > limit) throw uploadProblem("tooLarge", { maxMb: limit / MEGABYTE });
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const mime = sniffAttachmentType(bytes);
  if (!mime) throw uploadProblem("unknownType");
  if (!(field.accept as readonly string[]).includes(mime)) throw uploadProblem("typeNotAccepted", { field });
  const named = safeFileName(input.file.name, mime);
  if (!named.ok) throw uploadProblem("extensionMismatch", { extension: named.extension, mime });
  const storageKey = newStorageKey();
  await storage.put(storageKey, bytes);
  try {
    const id = randomUUID();
    const row = await recordUpload(db, target, {
      id,
      citizenId: input.citizenId,
      ownerCitizenId: input.citizenId,
      fieldId: field.id,
      nameSealed: sealer.seal(named.name, SEALED.fileName(id)),
      mimeType: mime,
      sizeBytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      maxCount: field.maxCount,
      label: field.label,
    });
    return { fileId: row.id, name: named.name, sizeBytes: row.sizeBytes, mimeType: mime };
  } catch (error) {
    await storage.delete(storageKey).catch(() => {});
    throw error;
  }
}

/** An upload checked for what it really is: its bytes, verified type and safe display name. */
export interface CheckedUpload {
  bytes: Uint8Array;
  mime: AttachmentMime;
  name: string;
  sha256: string;
}

/**
 * The checks every upload passes that do not depend on a form field: not empty, at most 5 MB, JPEG, PNG
 * or PDF by its magic bytes, a name whose extension matches. Used by officers' uploads (a result file).
 */
export async function checkUpload(file: File): Promise<CheckedUpload> {
  if (file.size === 0) throw uploadProblem("empty");
  if (file.size > MAX_FILE_BYTES) throw uploadProblem("tooLarge", { maxMb: MAX_FILE_BYTES / MEGABYTE });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mime = sniffAttachmentType(bytes);
  if (!mime) throw uploadProblem("unknownType");
  const named = safeFileName(file.name, mime);
  if (!named.ok) throw uploadProblem("extensionMismatch", { extension: named.extension, mime });
  return { bytes, mime, name: named.name, sha256: createHash("sha256").update(bytes).digest("hex") };
}

async function recordUpload(
  db: Database,
  target: UploadTarget,
  file: Omit<NewFileRow, "draftId"> & {
    id: string;
    citizenId: string;
    fieldId: string;
    maxCount: number;
    label: string;
  },
): Promise<FileRow> {
  const { maxCount, label, citizenId, ...row } = file;
  return db.transaction(async (tx) => {
    // Citizen first, then draft (the order the account's deletion takes them in: no deadlock).
    if (!(await lockCitizen(tx, citizenId))) throw new AppError("UNAUTHENTICATED");
    await target.lock(tx);
    // The consent row is held until commit: a withdrawal racing this upload waits for it or wins.
    await requireFilingConsent(tx, citizenId, { lock: true });
    if ((await countPendingFiles(tx, target.draftId, row.fieldId)) >= maxCount) {
      throw uploadProblem("tooMany", { label, maxCount });
    }
    if ((await pendingUploadBytes(tx, citizenId)) + row.sizeBytes > MAX_PENDING_UPLOAD_BYTES) {
      throw uploadProblem("quotaFull", { maxMb: MAX_PENDING_UPLOAD_BYTES / MEGABYTE });
    }
    return insertFile(tx, { ...row, draftId: target.draftId });
  });
}

export interface FileDownload {
  bytes: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

/** The bytes and safe headers, or 404 for a file that does not exist or that this actor may not read. */
export async function downloadFile(
  { db, storage, sealer }: FileDeps,
  actor: FileActor,
  id: string,
): Promise<FileDownload> {
  const row = await findFile(db, id);
  if (!row || !canReadFile(actor, row)) throw fileNotFound();
  const bytes = await storage.get(row.storageKey);
  if (!bytes) throw fileNotFound();
  return {
    // A view over the same memory, typed as a plain ArrayBuffer for the Response (no copy).
    bytes:
      bytes.buffer instanceof ArrayBuffer
        ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        : Uint8Array.from(bytes),
    headers: {
      "Content-Type": row.mimeType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition(fileNameOf(sealer, row)),
      "X-Content-Type-Options": "nosniff",
    },
  };
}

/** Deletes the citizen's upload; one already part of a submitted dossier stays (409). */
export async function deleteFile(
  { db, storage }: Pick<FileDeps, "db" | "storage">,
  citizenId: string,
  id: string,
): Promise<void> {
  const key = await deleteOwnPendingFile(db, citizenId, id);
  if (key === undefined) {
    const row = await findFile(db, id);
    if (!row || !canReadFile({ kind: "citizen", citizenId }, row)) throw fileNotFound();
    throw new AppError(
      "CONFLICT",
      "Tệp này đã nằm trong hồ sơ đã nộp nên không xoá được. Nếu cần thay, hãy chờ cán bộ yêu cầu bổ sung.",
    );
  }
  await drainStorageDeletions(db, storage, [key]);
}

/** A draft's own uploads go with it. */
export async function deleteDraftFiles(
  { db, storage }: Pick<FileDeps, "db" | "storage">,
  citizenId: string,
  draftId: string,
): Promise<void> {
  const keys = await deleteDraftPendingFiles(db, citizenId, draftId);
  await drainStorageDeletions(db, storage, keys);
}

export function fileNotFound(): AppError {
  return new AppError("NOT_FOUND", "Không tìm thấy tệp này. Có thể tệp đã bị xoá; vui lòng tải lên lại.");
}
