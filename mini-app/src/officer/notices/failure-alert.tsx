import { useEffect, useRef } from "react";
import { AlertIcon } from "../../ui/icons";
import type { Failure } from "./action-failure";

/**
 * Why the last action did not go through, beside its button and focused when it appears (read out at
 * once); typed text is never cleared by a failure (see dossier/send-failure.tsx).
 */
export function FailureAlert({
  failure,
  kept = true,
  onReload,
}: {
  failure: Failure | null;
  /** Whether there is typed text to reassure about. */
  kept?: boolean;
  onReload?: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) ref.current?.focus();
  }, [failure]);
  if (!failure) return null;
  return (
    <div className="dvc-officer-error" role="alert" tabIndex={-1} ref={ref}>
      <AlertIcon size={20} />
      <div>
        <p>{failure.message}</p>
        {kept ? <p>Nội dung bạn đã nhập vẫn được giữ.</p> : null}
        {failure.conflict && onReload ? (
          <button type="button" className="dvc-link-button" onClick={onReload}>
            Tải lại thông báo để xem bản mới
          </button>
        ) : null}
      </div>
    </div>
  );
}
