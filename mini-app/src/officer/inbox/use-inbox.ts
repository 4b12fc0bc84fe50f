import type { OfficerInboxResponse } from "@dvc/shared/api/officer";
import { useCallback, useEffect, useState } from "react";
import { getInbox, type InboxFilters } from "../api/officer-api";
import { useOfficerSession } from "../session/officer-session";

export interface InboxLoad {
  /** The last list received; kept on screen while a new filter loads or when a refresh fails. */
  data: OfficerInboxResponse | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * The commune's inbox for these filters. Loads again when a filter changes, when the officer comes
 * back to the tab, and when they sign in again after an expiry (a new token); never while signed out
 * (it would only be refused).
 */
export function useInbox(filters: InboxFilters): InboxLoad {
  const token = useOfficerSession().session?.token ?? null;
  const [data, setData] = useState<OfficerInboxResponse | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const { status, due, q, procedure } = filters;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request.
  useEffect(() => {
    if (token === null) return;
    const controller = new AbortController();
    setLoading(true);
    getInbox({ status, due, q, procedure }, controller.signal).then(
      (answer) => {
        setData(answer);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof Error ? failure.message : "Chưa tải được danh sách hồ sơ.");
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [token, status, due, q, procedure, attempt]);

  // Back to this tab after a while (a call, another screen): new dossiers may have come in.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") reload();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [reload]);

  return { data, loading, error, reload };
}
