import { z } from "zod";
import { isOverdue } from "./countdown";

/**
 * Dossier statuses: the national portal's `TrangThaiHoSo` codes 1–10 (DVCQG synchronisation; reference §2.1
 * [C]), each with a machine name for code and two labels. Officers see the portal's exact label, the one
 * their one-stop software and reports use; citizens see a plainer sentence of where their dossier is.
 * The app's draft stage is not a national status and lives outside this list.
 */

export const DOSSIER_STATUSES = [
  "submitted",
  "received",
  "refused",
  "processing",
  "supplement_requested",
  "payment_requested",
  "withdrawn",
  "stopped",
  "result_ready",
  "returned",
] as const;

export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
export const dossierStatusSchema = z.enum(DOSSIER_STATUSES, { error: "Trạng thái hồ sơ không hợp lệ" });

export interface DossierStatusInfo {
  /** `TrangThaiHoSo` on the national portal. */
  nationalCode: number;
  /** The portal's exact label, for officers. */
  officerLabel: string;
  /** What the citizen reads. */
  citizenLabel: string;
  /** No transition leaves it. */
  terminal: boolean;
}

export const DOSSIER_STATUS_INFO: Readonly<Record<DossierStatus, DossierStatusInfo>> = {
  submitted: {
    nationalCode: 1,
    officerLabel: "Mới đăng ký",
    citizenLabel: "Đã nộp, chờ tiếp nhận",
    terminal: false,
  },
  received: {
    nationalCode: 2,
    officerLabel: "Được tiếp nhận",
    citizenLabel: "Đã được tiếp nhận",
    terminal: false,
  },
  refused: {
    nationalCode: 3,
    officerLabel: "Không được tiếp nhận",
    citizenLabel: "Hồ sơ không được tiếp nhận",
    terminal: true,
  },
  processing: {
    nationalCode: 4,
    officerLabel: "Đang xử lý",
    citizenLabel: "Đang giải quyết",
    terminal: false,
  },
  supplement_requested: {
    nationalCode: 5,
    officerLabel: "Yêu cầu bổ sung giấy tờ",
    citizenLabel: "Cần bổ sung giấy tờ",
    terminal: false,
  },
  payment_requested: {
    nationalCode: 6,
    officerLabel: "Yêu cầu thực hiện nghĩa vụ tài chính",
    citizenLabel: "Chờ nộp phí, lệ phí",
    terminal: false,
  },
  withdrawn: {
    nationalCode: 7,
    officerLabel: "Công dân yêu cầu rút hồ sơ",
    citizenLabel: "Đã rút hồ sơ",
    terminal: true,
  },
  stopped: {
    nationalCode: 8,
    officerLabel: "Dừng xử lý",
    citizenLabel: "Đã dừng giải quyết",
    terminal: true,
  },
  result_ready: {
    nationalCode: 9,
    officerLabel: "Đã xử lý xong",
    citizenLabel: "Đã có kết quả, chờ nhận",
    terminal: false,
  },
  returned: {
    nationalCode: 10,
    officerLabel: "Đã trả kết quả",
    citizenLabel: "Đã nhận kết quả",
    terminal: true,
  },
};

export const nationalStatusCodeSchema = z
  .number({ error: "Mã trạng thái phải là số" })
  .int()
  .min(1, "Mã trạng thái từ 1 đến 10")
  .max(10, "Mã trạng thái từ 1 đến 10");

/** The national `TrangThaiHoSo` code of a status. */
export function nationalCodeOf(status: DossierStatus): number {
  return DOSSIER_STATUS_INFO[status].nationalCode;
}

/** The status of a national code (1–10), or undefined for any other number. */
export function statusFromNationalCode(code: number): DossierStatus | undefined {
  return DOSSIER_STATUSES.find((status) => DOSSIER_STATUS_INFO[status].nationalCode === code);
}

export function isTerminalStatus(status: DossierStatus): boolean {
  return DOSSIER_STATUS_INFO[status].terminal;
}

/**
 * Report groups used by the portal's statistics (reference §2.1 [C]): Đã xử lý (9, 10, 7), Đang xử lý (4),
 * Tạm dừng (5, 6, 8). Codes 1–3 belong to none.
 */
export type DossierReportGroup = "done" | "in_progress" | "paused";
export const DOSSIER_REPORT_GROUP_LABELS: Readonly<Record<DossierReportGroup, string>> = {
  done: "Đã xử lý",
  in_progress: "Đang xử lý",
  paused: "Tạm dừng",
};

export function reportGroupOf(status: DossierStatus): DossierReportGroup | undefined {
  if (status === "result_ready" || status === "returned" || status === "withdrawn") return "done";
  if (status === "processing") return "in_progress";
  if (status === "supplement_requested" || status === "payment_requested" || status === "stopped")
    return "paused";
  return undefined;
}

/**
 * Whether the legal clock can still make this dossier late: every status except 9, 10, 3, 7, 8
 * (reference §2.1, "overdue when today > hẹn trả and status ∉ {9,10,3,7,8}").
 */
export function isClockRunning(status: DossierStatus): boolean {
  return !["result_ready", "returned", "refused", "withdrawn", "stopped"].includes(status);
}

/** The "trễ hạn" flag of a dossier: its clock is running and its due time has passed. */
export function isDossierOverdue(status: DossierStatus, dueAt: Date, now: Date): boolean {
  return isClockRunning(status) && isOverdue(dueAt, now);
}
