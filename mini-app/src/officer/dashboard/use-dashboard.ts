import type { DashboardQuery, DashboardResponse } from "@dvc/shared/api/dashboard";
import { useCallback, useEffect, useRef, useState } from "react";
import { getDashboard } from "../api/dashboard-api";
import { useOfficerSession } from "../session/officer-session";

export interface DashboardLoad {
  /** The figures of the range asked last; the previous range's stay on screen while a new one loads. */
  data: DashboardResponse | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * The figures of one range (and commune). A new range cancels the request of the previous one, so a
 * slow answer for "Tháng trước" cannot overwrite the "Tháng này" the leader clicked after it.
 */
export function useDashboard(query: DashboardQuery): DashboardLoad {
  const token = useOfficerSession().session?.token ?? null;
  const [data, setData] = useState<DashboardResponse | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const inFlight = useRef<AbortController | null>(null);
  const { from, to, commune } = query;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry's trigger.
  useEffect(() => {
    if (token === null) return;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    getDashboard(commune === undefined ? { from, to } : { from, to, commune }, controller.signal).then(
      (answer) => {
        setData(answer);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof Error ? failure.message : "Chưa tải được số liệu. Vui lòng thử lại.");
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [from, to, commune, token, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, loading, error, reload };
}
