/**
 * The dashboard's figures in words: a plain label a leader reads at a glance, and the legal name (the
 * indicator of Decision 766/QĐ-TTg it reports, or that it is the app's own) in a hint. The figures are
 * defined once, in shared/src/api/dashboard.ts; this only says them.
 */
import type { DashboardShare, DashboardSummary } from "@dvc/shared/api/dashboard";

const numberFormat = new Intl.NumberFormat("vi-VN");
const oneDecimal = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** "1.234". */
export const countText = (value: number): string => numberFormat.format(value);

/** "87,5%"; "—" when nothing was counted (0 of 0 is no rate at all). */
export function rateText(share: DashboardShare): string {
  return share.rate === null ? "—" : `${oneDecimal.format(share.rate * 100)}%`;
}

/** "4,5 ngày làm việc", or "—" with nothing resolved. */
export function workingDaysText(days: number | null): string {
  return days === null ? "—" : `${oneDecimal.format(days)} ngày làm việc`;
}

export interface Figure {
  id: string;
  label: string;
  value: string;
  /** What the value counts, in plain words: "42 trên 48 hồ sơ đã giải quyết". */
  detail: string;
  /** The legal name, shown as a hint under the card. */
  legal: string;
  /** Worth a leader's attention (late, overdue, messages lost): shown in red when above zero. */
  alert?: boolean;
}

const shareDetail = (share: DashboardShare, of: string) =>
  `${countText(share.count)} trên ${countText(share.of)} ${of}`;

export function figuresOf(summary: DashboardSummary): Figure[] {
  return [
    {
      id: "received",
      label: "Hồ sơ nhận mới",
      value: countText(summary.received),
      detail: "Nộp trong khoảng thời gian đã chọn",
      legal: "Số hồ sơ tiếp nhận trong kỳ",
    },
    {
      id: "resolved",
      label: "Hồ sơ đã có kết quả",
      value: countText(summary.resolved),
      detail: `${countText(summary.resolvedEarly)} trước hạn · ${countText(summary.resolvedOnDueDay)} đúng hạn`,
      legal: "Số hồ sơ đã giải quyết trong kỳ",
    },
    {
      id: "on-time",
      label: "Xong đúng hẹn",
      value: rateText(summary.onTime),
      detail: shareDetail(summary.onTime, "hồ sơ đã có kết quả"),
      legal:
        "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn (nhóm chỉ số tiến độ giải quyết, Quyết định 766/QĐ-TTg)",
    },
    {
      id: "late",
      label: "Xong nhưng trễ hẹn",
      value: countText(summary.resolvedLate),
      detail: "Có kết quả sau ngày hẹn trả",
      legal: "Số hồ sơ giải quyết trễ hạn",
      alert: summary.resolvedLate > 0,
    },
    {
      id: "overdue",
      label: "Đang quá hẹn",
      value: countText(summary.overdueNow),
      detail: "Chưa có kết quả, đã qua ngày hẹn (tính đến lúc xem)",
      legal: "Số hồ sơ đang giải quyết quá hạn",
      alert: summary.overdueNow > 0,
    },
    {
      id: "online",
      label: "Nộp qua mạng",
      value: rateText(summary.online),
      detail: shareDetail(summary.online, "hồ sơ nhận mới"),
      legal: "Tỷ lệ hồ sơ trực tuyến (nhóm chỉ số cung cấp dịch vụ công trực tuyến, Quyết định 766/QĐ-TTg)",
    },
    {
      id: "self-submitted",
      label: "Người dân tự nộp",
      value: rateText(summary.selfSubmitted),
      detail: shareDetail(summary.selfSubmitted, "hồ sơ nộp qua mạng"),
      legal: "Tỷ lệ hồ sơ trực tuyến do người dân tự nộp, không nhờ cán bộ nộp thay",
    },
    {
      id: "unreachable",
      label: "Tin nhắn chưa đến người dân",
      value: countText(summary.unreachableMessages),
      detail: "Báo trạng thái hồ sơ không gửi được qua Zalo",
      legal:
        "Chỉ số riêng của ứng dụng (không thuộc Quyết định 766/QĐ-TTg): cần báo người dân bằng cách khác",
      alert: summary.unreachableMessages > 0,
    },
  ];
}
