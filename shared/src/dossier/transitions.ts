import { z } from "zod";
import { DOSSIER_STATUS_INFO, type DossierStatus, isTerminalStatus } from "./status";

/**
 * Who may move a dossier from one national status to another.
 *
 * The flow follows the one-stop mechanism (Nghị định 61/2018/NĐ-CP, amended by 107/2021/NĐ-CP; notices of
 * Thông tư 01/2018/TT-VPCP) and the mapping suggested in reference §2.1: 1 → 2 → 4 ⇄ 5/6 → 9 → 10, with
 * terminal 3, 7, 8 (and 10). Actors:
 * - officer: a commune officer, in this app or through the integration API (an existing one-stop system
 *   reporting what its officer did);
 * - citizen: the applicant — answers a supplement request, withdraws;
 * - system: automatic events of this app — a payment confirmed by the payment provider, an electronic
 *   result delivered.
 * The machine has no memory: where the right target depends on history (after a supplement), the service
 * picks it with `statusAfterSupplement`.
 */

export const DOSSIER_ACTORS = ["officer", "citizen", "system"] as const;
export type DossierActor = (typeof DOSSIER_ACTORS)[number];
export const dossierActorSchema = z.enum(DOSSIER_ACTORS);

type TransitionTable = Readonly<
  Record<DossierStatus, Readonly<Partial<Record<DossierStatus, readonly DossierActor[]>>>>
>;

export const DOSSIER_TRANSITIONS: TransitionTable = {
  // 1 Mới đăng ký: the desk checks the online dossier — receives it (Giấy tiếp nhận và hẹn trả kết quả),
  // asks to complete it (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, Mẫu 02 TT 01/2018) or refuses it
  // (Phiếu từ chối tiếp nhận, giải quyết hồ sơ).
  submitted: {
    received: ["officer"],
    refused: ["officer"],
    supplement_requested: ["officer"],
    withdrawn: ["citizen"],
  },
  // 2 Được tiếp nhận: sent to the specialist; same-day procedures (khai sinh, chứng thực) are settled by the
  // receiving officer at once, so 2 → 9 is allowed. Fees may be due at reception. After reception a
  // dossier is no longer "refused" but stopped (8).
  received: {
    processing: ["officer"],
    supplement_requested: ["officer"],
    payment_requested: ["officer"],
    result_ready: ["officer"],
    stopped: ["officer"],
    withdrawn: ["citizen"],
  },
  // 4 Đang xử lý.
  processing: {
    supplement_requested: ["officer"],
    payment_requested: ["officer"],
    result_ready: ["officer"],
    stopped: ["officer"],
    withdrawn: ["citizen"],
  },
  // 5 Yêu cầu bổ sung: the citizen sends the missing papers (online → back to the desk queue if it had not
  // been received yet, else back to processing); an officer records papers brought in person; no answer →
  // refused (before reception) or stopped (after).
  supplement_requested: {
    submitted: ["citizen"],
    received: ["officer"],
    processing: ["citizen", "officer"],
    refused: ["officer"],
    stopped: ["officer"],
    withdrawn: ["citizen"],
  },
  // 6 Yêu cầu thực hiện nghĩa vụ tài chính: paid (confirmed by the payment provider or at the desk) → back to
  // processing; not paid → stopped.
  payment_requested: {
    processing: ["system", "officer"],
    stopped: ["officer"],
    withdrawn: ["citizen"],
  },
  // 9 Đã xử lý xong: handed over at the desk, or delivered electronically.
  result_ready: { returned: ["officer", "system"] },
  refused: {},
  withdrawn: {},
  stopped: {},
  returned: {},
};

export function canTransition(from: DossierStatus, to: DossierStatus, actor: DossierActor): boolean {
  return DOSSIER_TRANSITIONS[from][to]?.includes(actor) ?? false;
}

/** The statuses this actor may move the dossier to, in national-code order. */
export function nextStatuses(from: DossierStatus, actor: DossierActor): DossierStatus[] {
  const targets = Object.keys(DOSSIER_TRANSITIONS[from]) as DossierStatus[];
  return targets
    .filter((to) => canTransition(from, to, actor))
    .sort((a, b) => DOSSIER_STATUS_INFO[a].nationalCode - DOSSIER_STATUS_INFO[b].nationalCode);
}

/**
 * Where a dossier goes when a supplement is answered online: back to the desk queue when the request came
 * before reception, otherwise back to processing.
 */
export function statusAfterSupplement(statusBeforeRequest: DossierStatus): DossierStatus {
  return statusBeforeRequest === "submitted" ? "submitted" : "processing";
}

export type DossierTransitionErrorCode = "TERMINAL_STATUS" | "ACTOR_NOT_ALLOWED" | "TRANSITION_NOT_ALLOWED";

const ACTOR_LABELS: Readonly<Record<DossierActor, string>> = {
  officer: "Cán bộ",
  citizen: "Công dân",
  system: "Hệ thống",
};

function quoted(status: DossierStatus): string {
  return `“${DOSSIER_STATUS_INFO[status].officerLabel}”`;
}

/** A refused status change, with a Vietnamese message an officer can read. */
export class DossierTransitionError extends Error {
  override readonly name = "DossierTransitionError";
  readonly code: DossierTransitionErrorCode;
  readonly from: DossierStatus;
  readonly to: DossierStatus;
  readonly actor: DossierActor;

  constructor(from: DossierStatus, to: DossierStatus, actor: DossierActor) {
    const code: DossierTransitionErrorCode = isTerminalStatus(from)
      ? "TERMINAL_STATUS"
      : DOSSIER_TRANSITIONS[from][to]
        ? "ACTOR_NOT_ALLOWED"
        : "TRANSITION_NOT_ALLOWED";
    const messages: Record<DossierTransitionErrorCode, string> = {
      TERMINAL_STATUS: `Hồ sơ đã ở trạng thái kết thúc ${quoted(from)}, không thể chuyển sang ${quoted(to)}.`,
      ACTOR_NOT_ALLOWED: `${ACTOR_LABELS[actor]} không được chuyển hồ sơ từ ${quoted(from)} sang ${quoted(to)}.`,
      TRANSITION_NOT_ALLOWED: `Không thể chuyển hồ sơ từ ${quoted(from)} sang ${quoted(to)}.`,
    };
    super(messages[code]);
    this.code = code;
    this.from = from;
    this.to = to;
    this.actor = actor;
  }
}

/** Throws `DossierTransitionError` unless `canTransition(from, to, actor)`. */
export function assertTransition(from: DossierStatus, to: DossierStatus, actor: DossierActor): void {
  if (!canTransition(from, to, actor)) throw new DossierTransitionError(from, to, actor);
}
