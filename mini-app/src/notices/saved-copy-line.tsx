import { Button } from "zmp-ui";
import { formatDateTime } from "../ui/format";
import { CloudOffIcon } from "../ui/icons";

/** The request failed: what is shown is the copy kept on the phone, and from when. */
export function SavedCopyLine({ savedAt, onRetry }: { savedAt: string; onRetry: () => void }) {
  const [day, time] = formatDateTime(savedAt).split(" ");
  return (
    <div className="dvc-saved-copy" role="status" data-testid="saved-copy">
      <CloudOffIcon size={20} />
      <span className="dvc-saved-copy__text">
        Đang xem bản đã lưu lúc {time} ngày {day}. Chưa kết nối được máy chủ.
      </span>
      <Button size="small" variant="secondary" onClick={onRetry}>
        Thử lại
      </Button>
    </div>
  );
}
