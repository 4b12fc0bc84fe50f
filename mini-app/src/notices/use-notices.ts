import type { PublicNotice } from "@dvc/shared/api/notices";
import { useCallback, useEffect, useState } from "react";
import { keepNotices, keptNotices } from "./notice-cache";
import { listNotices } from "./notices-api";

export type NoticesState =
  /** `kept`: the last list of this commune, shown while the new one loads. */
  | { status: "loading"; kept: PublicNotice[] | null }
  | { status: "ready"; notices: PublicNotice[] }
  /** The request failed: the last list and when it was loaded, or nothing to show. */
  | { status: "saved_copy"; notices: PublicNotice[]; savedAt: string; message: string }
  | { status: "error"; message: string };

const FALLBACK_MESSAGE = "Chưa tải được thông báo. Vui lòng thử lại.";

/**
 * The commune's notices, newest first. Each answer is kept on the device; when a request fails (no
 * connection, server away) the kept list stays on screen with the time it was loaded and a retry.
 */
export function useNotices(communeCode: string | null): { state: NoticesState; reload: () => void } {
  const [state, setState] = useState<NoticesState>({ status: "loading", kept: null });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for the list again.
  useEffect(() => {
    if (communeCode === null) return;
    const controller = new AbortController();
    const kept = keptNotices(communeCode);
    setState({ status: "loading", kept: kept?.notices ?? null });
    listNotices(communeCode, controller.signal).then(
      (list) => {
        const notices = newestFirst(list.notices);
        keepNotices(communeCode, notices);
        setState({ status: "ready", notices });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error && error.message !== "" ? error.message : FALLBACK_MESSAGE;
        setState(
          kept
            ? { status: "saved_copy", notices: kept.notices, savedAt: kept.savedAt, message }
            : { status: "error", message },
        );
      },
    );
    return () => controller.abort();
  }, [communeCode, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}

export function newestFirst(notices: readonly PublicNotice[]): PublicNotice[] {
  return [...notices].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id.localeCompare(a.id));
}
