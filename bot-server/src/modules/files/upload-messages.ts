import { formatVietnameseNumber } from "@dvc/shared";
import { AppError } from "../../lib/errors";
import type { AttachmentField } from "../drafts/forms";
import type { AttachmentMime } from "./sniff";

/** What went wrong with an upload, said so the citizen knows what to pick or do next. */

const TYPE_NAMES: Readonly<Record<AttachmentMime, string>> = {
  "image/jpeg": "ảnh JPG",
  "image/png": "ảnh PNG",
  "application/pdf": "tệp PDF",
};

function acceptedList(field: AttachmentField): string {
  const names = field.accept.map((type) => TYPE_NAMES[type]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} hoặc ${names.at(-1)}` : (names[0] ?? "");
}

type Problem =
  | ["empty"]
  | ["tooLarge", { maxMb: number }]
  | ["unknownType"]
  | ["typeNotAccepted", { field: AttachmentField }]
  | ["extensionMismatch", { extension: string; mime: AttachmentMime }]
  | ["notAttachmentField"]
  | ["tooMany", { label: string; maxCount: number }]
  | ["quotaFull", { maxMb: number }];

export function uploadProblem(...[kind, params]: Problem): AppError {
  switch (kind) {
    case "empty":
      return new AppError(
        "BAD_REQUEST",
        "Tệp bạn chọn không có nội dung (0 byte). Vui lòng chọn lại tệp hoặc chụp lại ảnh.",
      );
    case "tooLarge":
      return new AppError(
        "PAYLOAD_TOO_LARGE",
        `Tệp lớn hơn ${formatVietnameseNumber(params.maxMb)} MB. Vui lòng chụp lại ảnh với chất lượng thấp hơn, hoặc nén tệp PDF, rồi tải lên lại.`,
      );
    case "unknownType":
      return new AppError(
        "BAD_REQUEST",
        "Chỉ nhận ảnh JPG, PNG hoặc tệp PDF. Tệp bạn chọn không phải các loại này (có thể chỉ được đổi tên đuôi). Vui lòng chụp ảnh giấy tờ hoặc chọn tệp PDF.",
      );
    case "typeNotAccepted":
      return new AppError(
        "BAD_REQUEST",
        `Mục “${params.field.label}” chỉ nhận ${acceptedList(params.field)}. Vui lòng chọn tệp đúng loại.`,
      );
    case "extensionMismatch":
      return new AppError(
        "BAD_REQUEST",
        `Tên tệp có đuôi “.${params.extension}” nhưng nội dung là ${TYPE_NAMES[params.mime]}. Vui lòng đổi tên tệp cho đúng hoặc chọn tệp khác.`,
      );
    case "notAttachmentField":
      return new AppError("VALIDATION_FAILED", undefined, {
        fields: { fieldId: "Mục này không nhận tệp đính kèm. Vui lòng tải lại trang rồi thử lại." },
      });
    case "quotaFull":
      return new AppError(
        "LIMIT_REACHED",
        `Các tệp bạn đã tải lên cho những hồ sơ chưa nộp đã chiếm hết ${formatVietnameseNumber(params.maxMb)} MB dành cho bạn. Vui lòng nộp hồ sơ đang làm hoặc xoá bớt tệp, bản nháp cũ rồi tải lên lại.`,
      );
    case "tooMany":
      return new AppError(
        "BAD_REQUEST",
        `Mục “${params.label}” nhận tối đa ${params.maxCount} tệp. Vui lòng xoá bớt tệp đã tải rồi tải tệp mới.`,
      );
  }
}
