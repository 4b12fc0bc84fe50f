/**
 * What each move of a dossier asks of the officer. The server's status machine decides which moves
 * exist (`allowedNext`); this says how each is worded and what it needs before it can be sent:
 * - reason: a refusal or a stop tells the citizen why (Phiếu từ chối tiếp nhận, giải quyết hồ sơ);
 * - supplement: the fields to fix and a message, all in one request (Phiếu yêu cầu bổ sung, hoàn thiện
 *   hồ sơ — one complete request, so the citizen is not sent back twice);
 * - pickUp: where and when the result is handed over, or the result file (either or both);
 * - note: an optional word to the citizen.
 */
import type { DossierStatus } from "@dvc/shared/dossier/status";

export type ActionNeed = "none" | "reason" | "supplement" | "pickUp" | "note";

export interface DossierAction {
  to: DossierStatus;
  /** The button that opens the action. */
  label: string;
  /** One sentence on when to use it. */
  hint: string;
  need: ActionNeed;
  /** The button that sends it. */
  confirm: string;
  /** Drawn as a danger action (it ends the dossier). */
  danger: boolean;
}

type Wording = Omit<DossierAction, "to" | "label" | "hint"> & {
  label: string | ((from: DossierStatus) => string);
  hint: string | ((from: DossierStatus) => string);
};

const WORDING: Partial<Record<DossierStatus, Wording>> = {
  received: {
    label: (from) => (from === "supplement_requested" ? "Tiếp nhận (đã đủ giấy tờ)" : "Tiếp nhận hồ sơ"),
    hint: "Hồ sơ đủ và đúng: tiếp nhận, người dân được báo qua Zalo kèm hạn trả kết quả.",
    need: "none",
    confirm: "Xác nhận tiếp nhận",
    danger: false,
  },
  processing: {
    label: (from) =>
      from === "payment_requested"
        ? "Đã thu phí, tiếp tục xử lý"
        : from === "supplement_requested"
          ? "Đã nhận bổ sung tại quầy, xử lý tiếp"
          : "Chuyển xử lý",
    hint: (from) =>
      from === "payment_requested"
        ? "Người dân đã nộp phí, lệ phí tại quầy: hồ sơ trở lại xử lý."
        : from === "supplement_requested"
          ? "Người dân mang giấy tờ bổ sung đến trực tiếp: hồ sơ trở lại xử lý."
          : "Chuyển hồ sơ cho bộ phận chuyên môn giải quyết.",
    need: "none",
    confirm: "Xác nhận chuyển xử lý",
    danger: false,
  },
  supplement_requested: {
    label: "Yêu cầu bổ sung",
    hint: "Chọn tất cả các mục cần sửa trong một lần và ghi rõ cần bổ sung gì; người dân chỉ sửa các mục này.",
    need: "supplement",
    confirm: "Gửi yêu cầu bổ sung",
    danger: false,
  },
  payment_requested: {
    label: "Yêu cầu nộp phí, lệ phí",
    hint: "Người dân cần nộp phí, lệ phí trước khi hồ sơ được giải quyết tiếp.",
    need: "note",
    confirm: "Gửi yêu cầu nộp phí",
    danger: false,
  },
  result_ready: {
    label: "Đã có kết quả",
    hint: "Kết quả đã sẵn sàng: báo người dân nơi và thời gian nhận, hoặc đính kèm tệp kết quả để người dân tải về.",
    need: "pickUp",
    confirm: "Báo đã có kết quả",
    danger: false,
  },
  returned: {
    label: "Đã trả kết quả",
    hint: "Người dân đã nhận kết quả: hồ sơ kết thúc.",
    need: "none",
    confirm: "Xác nhận đã trả",
    danger: false,
  },
  refused: {
    label: "Từ chối tiếp nhận",
    hint: "Hồ sơ không thuộc thẩm quyền hoặc không đủ điều kiện: ghi rõ lý do để người dân biết phải làm gì.",
    need: "reason",
    confirm: "Từ chối tiếp nhận",
    danger: true,
  },
  stopped: {
    label: "Dừng xử lý",
    hint: "Hồ sơ không thể giải quyết tiếp: ghi rõ lý do để gửi người dân.",
    need: "reason",
    confirm: "Dừng xử lý hồ sơ",
    danger: true,
  },
};

/**
 * The moves the server allows now, worded for this dossier: in the server's order (national codes),
 * the ones that end the dossier last, away from the everyday ones. A status this screen does not know
 * how to word yet is left out rather than offered half-explained.
 */
export function dossierActions(from: DossierStatus, allowedNext: readonly DossierStatus[]): DossierAction[] {
  const actions = allowedNext.flatMap((to) => {
    const wording = WORDING[to];
    if (!wording) return [];
    const label = typeof wording.label === "function" ? wording.label(from) : wording.label;
    const hint = typeof wording.hint === "function" ? wording.hint(from) : wording.hint;
    return [{ ...wording, to, label, hint }];
  });
  return [...actions.filter((action) => !action.danger), ...actions.filter((action) => action.danger)];
}
