import type { SyncStatus } from "../drafts/draft-sync";
import { CheckIcon, CloudOffIcon } from "../ui/icons";

const TEXT: Record<SyncStatus, string> = {
  saved: "Đã lưu",
  saving: "Đang lưu…",
  offline: "Chưa đồng bộ — sẽ gửi khi có mạng",
  signed_out: "Chưa đồng bộ — vui lòng đăng nhập lại",
  consent: "Chưa đồng bộ — cần bạn đồng ý cho lưu thông tin",
  conflict: "Cần chọn thông tin để giữ",
};

/** One short line under the progress: the answers are safe, being saved, or waiting for a connection. */
export function SyncStatusLine({ status }: { status: SyncStatus }) {
  const calm = status === "saved" || status === "saving";
  return (
    <p className={`dvc-sync dvc-sync--${status}`} role="status" aria-live="polite" data-testid="sync-status">
      {status === "saved" ? <CheckIcon size={16} /> : null}
      {calm ? null : <CloudOffIcon size={16} />}
      <span>{TEXT[status]}</span>
    </p>
  );
}
