import {
  DOSSIER_STATUS_INFO,
  dossierPath,
  dossierStatusSchema,
  formatDateVi,
  miniAppLink,
  remainingWorkingTime,
  toVnLocalDate,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { findDossierByCode } from "../dossiers/repo";
import { pendingSupplement } from "../dossiers/supplement-record";
import { type BotReply, BUTTONS } from "./replies";

/** Codes answered per message; more is almost surely a paste of something else. */
export const MAX_CODES_PER_MESSAGE = 3;

const vnDate = (at: Date) => formatDateVi(toVnLocalDate(at));

/**
 * The status of one dossier for whoever sent its code. The owner (the resident linked to the citizen
 * who filed it) gets the detail; anyone else learns only that it exists and its status — no procedure,
 * no dates, nothing about the person (the rule, and SEC-1: a code is not a credential).
 */
export async function dossierStatusReply(
  db: Database,
  code: string,
  asker: { citizenId: string | null },
  miniAppId: string,
  now: Date,
): Promise<BotReply> {
  const dossier = await findDossierByCode(db, code);
  if (!dossier) {
    return {
      text: `Không tìm thấy hồ sơ mã ${code}. Bạn vui lòng kiểm tra lại mã trên giấy biên nhận, hoặc bấm “Gặp cán bộ”.`,
      buttons: [BUTTONS.officer],
    };
  }
  const status = dossierStatusSchema.parse(dossier.status);
  const label = DOSSIER_STATUS_INFO[status].citizenLabel;
  const isOwner = asker.citizenId !== null && dossier.citizenId === asker.citizenId;
  const open = {
    title: "Xem hồ sơ trên Mini App",
    type: "oa.open.url" as const,
    payload: miniAppLink(miniAppId, dossierPath(dossier.code)),
  };
  if (!isOwner) {
    return {
      text: `Hồ sơ mã ${dossier.code}: ${label}.\nChi tiết hồ sơ chỉ gửi cho người đã nộp. Nếu là hồ sơ của bạn, hãy mở Mini App bằng tài khoản Zalo đã dùng để nộp.`,
      buttons: [open],
    };
  }
  const lines = [
    `Hồ sơ ${dossier.code} — ${dossier.procedureTitle}`,
    `Trạng thái: ${label}`,
    `Nộp ngày: ${vnDate(dossier.submittedAt)}`,
    `Hẹn trả kết quả: ${vnDate(dossier.dueAt)}${DOSSIER_STATUS_INFO[status].terminal ? "" : dueNote(dossier.dueAt, now)}`,
  ];
  const supplement = status === "supplement_requested" ? pendingSupplement(dossier.supplement) : undefined;
  if (supplement) {
    lines.push(
      "",
      `Cán bộ đề nghị bổ sung: ${supplement.message}`,
      "Bạn mở Mini App để bổ sung: chỉ cần sửa những mục được yêu cầu.",
    );
  }
  return { text: lines.join("\n"), buttons: [open] };
}

function dueNote(dueAt: Date, now: Date): string {
  const left = remainingWorkingTime(dueAt, now);
  if (left.overdue) return " (đã quá hạn — xin lỗi bạn, cán bộ đang xử lý)";
  return left.workingDays > 0 ? ` (còn khoảng ${left.workingDays} ngày làm việc)` : " (trong hôm nay)";
}
