/** The audit log in a leader's words: what was done, to what, and repeated views folded into one row. */
import { DOSSIER_STATUS_INFO, dossierStatusSchema } from "@dvc/shared/dossier/status";
import type { AuditEntry } from "../api/audit-api";

const ACTION_LABELS: Record<string, string> = {
  "dossier.view": "Xem hồ sơ",
  "dossier.status": "Chuyển trạng thái",
  "dossier.apology": "Gửi thư xin lỗi",
  "dossier.file": "Mở tệp đính kèm",
  "dossier.result_file": "Tải lên tệp kết quả",
  "conversation.view": "Xem trò chuyện",
  "conversation.reply": "Trả lời trò chuyện",
  "conversation.hand_back": "Trả lại trò chuyện",
};

/** An action the screen does not know yet still shows, as its code, rather than vanishing. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

function statusLabel(value: unknown): string {
  const status = dossierStatusSchema.safeParse(value);
  return status.success ? DOSSIER_STATUS_INFO[status.data].officerLabel : "?";
}

/** "2027-01-15" → "15/01/2027". */
function dayText(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** What the detail adds: "Được tiếp nhận → Đang giải quyết", "Hẹn trả mới 15/01/2027"; null if nothing. */
export function detailText(entry: AuditEntry): string | null {
  const detail = entry.detail ?? {};
  switch (entry.action) {
    case "dossier.status":
      return `${statusLabel(detail.from)} → ${statusLabel(detail.to)}`;
    case "dossier.apology": {
      const day = dayText(detail.newDueDate);
      return day ? `Hẹn trả kết quả mới ${day}` : null;
    }
    default:
      return null;
  }
}

/** The conversation a row is about, for folding repeated views; null for dossier rows. */
const handoverOf = (entry: AuditEntry) => {
  const id = entry.detail?.handoverId;
  return typeof id === "string" ? id : null;
};

/** A row to show: one entry, or several identical views in a row (the conversation screen polls). */
export interface AuditRow {
  entry: AuditEntry;
  count: number;
  /** The earliest of the folded views (the entry is the latest). */
  firstAt: string;
}

const VIEWS = new Set(["dossier.view", "conversation.view"]);

/**
 * Folds consecutive views of the same dossier or conversation by the same officer into one row:
 * an open conversation is re-read every 5 s and each read is logged, which would bury the actions.
 */
export function foldViews(entries: AuditEntry[]): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const entry of entries) {
    const last = rows[rows.length - 1];
    const same =
      last !== undefined &&
      VIEWS.has(entry.action) &&
      last.entry.action === entry.action &&
      last.entry.username === entry.username &&
      last.entry.dossierCode === entry.dossierCode &&
      handoverOf(last.entry) === handoverOf(entry);
    if (same) {
      last.count += 1;
      last.firstAt = entry.at;
    } else rows.push({ entry, count: 1, firstAt: entry.at });
  }
  return rows;
}
