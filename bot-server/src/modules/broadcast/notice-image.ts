import { NOTICE_IMAGE_MAX_BYTES, type Officer } from "@dvc/shared";
import { AppError } from "../../lib/errors";
import { deleteImage, readImage, storeImage } from "./notices-repo";
import {
  assertEditable,
  changeNotice,
  type NoticeAsker,
  type NoticeDeps,
  visibleNotice,
} from "./notices-service";

/**
 * A notice's image as the officer uploads it. Zalo's image upload takes JPEG or PNG up to 1 MB
 * (zalo-oa.md §2 [U]), so that is what is kept: checked by its first bytes, not by the name or the
 * Content-Type the browser claims (ASVS 5.2.2).
 */

export type NoticeImageType = "image/jpeg" | "image/png";

const SIGNATURES: readonly { type: NoticeImageType; bytes: readonly number[] }[] = [
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

const MAX_MB = NOTICE_IMAGE_MAX_BYTES / 1_000_000;
const TOO_LARGE = `Ảnh lớn hơn ${MAX_MB} MB nên Zalo không nhận. Vui lòng chọn ảnh nhỏ hơn hoặc giảm kích thước ảnh rồi tải lên lại.`;
const NOT_AN_IMAGE =
  "Tệp này không phải ảnh JPEG hoặc PNG. Vui lòng chọn ảnh chụp (JPG, PNG) rồi tải lên lại.";
const EMPTY = "Tệp ảnh trống. Vui lòng chọn lại ảnh.";

/** What a multipart body may weigh: the image plus the form's own bytes. */
export const NOTICE_IMAGE_BODY_BYTES = NOTICE_IMAGE_MAX_BYTES + 64 * 1024;
export const NOTICE_IMAGE_TOO_LARGE = TOO_LARGE;

export function sniffNoticeImage(bytes: Uint8Array): NoticeImageType | undefined {
  return SIGNATURES.find(({ bytes: magic }) => magic.every((byte, index) => bytes[index] === byte))?.type;
}

/** The uploaded file's bytes and verified type, or a 400 that says what to do (on the `file` field). */
export async function checkNoticeImage(
  file: File,
): Promise<{ contentType: NoticeImageType; bytes: Uint8Array }> {
  const refuse = (message: string) =>
    new AppError("VALIDATION_FAILED", message, { fields: { file: message } });
  if (file.size === 0) throw refuse(EMPTY);
  if (file.size > NOTICE_IMAGE_MAX_BYTES) throw refuse(TOO_LARGE);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = sniffNoticeImage(bytes);
  if (!contentType) throw refuse(NOT_AN_IMAGE);
  return { contentType, bytes };
}

/** Adds or replaces a draft's image: a change like an edit (version bumped, step and audit written). */
export async function setNoticeImage(
  deps: NoticeDeps,
  asker: NoticeAsker,
  request: { id: string; file: File },
  now = new Date(),
) {
  const image = await checkNoticeImage(request.file);
  return changeNotice(
    deps,
    asker,
    { id: request.id, version: null, step: "edit", comment: null },
    async (row, tx) => {
      assertEditable(asker, row);
      await storeImage(tx, { noticeId: row.id, ...image });
      // A new image is uploaded to Zalo afresh when the fan-out starts.
      return { imageAttachmentId: null };
    },
    now,
  );
}

export function removeNoticeImage(deps: NoticeDeps, asker: NoticeAsker, id: string, now = new Date()) {
  return changeNotice(
    deps,
    asker,
    { id, version: null, step: "edit", comment: null },
    async (row, tx) => {
      assertEditable(asker, row);
      await deleteImage(tx, row.id);
      return { imageAttachmentId: null };
    },
    now,
  );
}

/** The image of a notice this officer may see (the officer area's preview, before it is published). */
export async function readOfficerNoticeImage(deps: NoticeDeps, officer: Officer, id: string) {
  const row = await visibleNotice(deps.db, officer, id);
  const image = await readImage(deps.db, row.id);
  if (!image) throw new AppError("NOT_FOUND", "Thông báo này chưa có ảnh.");
  return image;
}
