import { useEffect, useRef } from "react";
import { AlertIcon } from "../../ui/icons";
import type { SendState } from "./use-keyed-action";

type Failed = Extract<SendState, { status: "failed" }>;

/**
 * Why an officer's action did not go through, beside its button and focused when it appears (read out
 * at once): what was typed is kept when pressing again is worth it; a dossier that moved meanwhile
 * offers to reload it.
 */
export function SendFailure({ failed, onReload }: { failed: Failed | null; onReload: () => void }) {
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failed) alertRef.current?.focus();
  }, [failed]);
  if (!failed) return null;
  return (
    <div className="dvc-officer-error" role="alert" tabIndex={-1} ref={alertRef}>
      <AlertIcon size={20} />
      <div>
        <p>{failed.message}</p>
        {failed.retryable ? <p>Nội dung bạn đã nhập vẫn được giữ.</p> : null}
        {failed.conflict ? (
          <button type="button" className="dvc-link-button" onClick={onReload}>
            Tải lại hồ sơ để xem trạng thái mới
          </button>
        ) : null}
      </div>
    </div>
  );
}
