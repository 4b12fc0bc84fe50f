import type { OfficerNotice } from "@dvc/shared/api/notices";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../api";
import { getNotice } from "../api/notice-api";

export type NoticeState =
  | { status: "loading" }
  | { status: "ready"; notice: OfficerNotice }
  | { status: "missing" }
  | { status: "error"; message: string };

/** One notice; a 404 (gone, or another commune's) reads as "missing". `reload` keeps the old one shown. */
export function useNotice(id: string) {
  const [state, setState] = useState<NoticeState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is a trigger: reload asks again.
  useEffect(() => {
    const controller = new AbortController();
    getNotice(id, controller.signal).then(
      (notice) => setState({ status: "ready", notice }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: "missing" });
        else
          setState((current) =>
            current.status === "ready"
              ? current
              : {
                  status: "error",
                  message:
                    error instanceof ApiError ? error.message : "Chưa tải được thông báo. Vui lòng thử lại.",
                },
          );
      },
    );
    return () => controller.abort();
  }, [id, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
