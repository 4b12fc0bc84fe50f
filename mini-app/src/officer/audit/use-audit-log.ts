import { useCallback, useEffect, useRef, useState } from "react";
import { AUDIT_PAGE_SIZE, type AuditEntry, getAuditLog } from "../api/audit-api";
import { useOfficerSession } from "../session/officer-session";

/**
 * The server pages by time alone (`at < before`), and an action and the view that follows it share
 * one instant: asking strictly before the last entry's time would skip its twin on the next page. So
 * the next page starts 1 ms later and what is already shown is left out by id.
 */
function justAfter(at: string): string {
  return new Date(Date.parse(at) + 1).toISOString();
}

function merged(shown: AuditEntry[], page: AuditEntry[]): AuditEntry[] {
  const ids = new Set(shown.map((entry) => entry.id));
  return [...shown, ...page.filter((entry) => !ids.has(entry.id))];
}

export interface AuditLogLoad {
  /** Every page loaded so far, newest first; null before the first arrives. */
  entries: AuditEntry[] | null;
  loading: boolean;
  error: string | null;
  /** The last page was full: there may be older entries. */
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * The commune's log for one dossier code (or all), a page of 100 at a time: "Xem thêm" asks for the
 * entries before the last one shown. A failed page keeps what is on screen and can be asked again.
 */
export function useAuditLog(dossier: string | undefined): AuditLogLoad {
  const token = useOfficerSession().session?.token ?? null;
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(
    (before: string | undefined) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setLoading(true);
      getAuditLog({ before, dossier }, controller.signal).then(
        (page) => {
          setEntries((shown) =>
            before === undefined || shown === null ? page.entries : merged(shown, page.entries),
          );
          setHasMore(page.entries.length >= AUDIT_PAGE_SIZE);
          setError(null);
          setLoading(false);
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          setError(failure instanceof Error ? failure.message : "Chưa tải được nhật ký.");
          setLoading(false);
        },
      );
    },
    [dossier],
  );

  // A new filter (or a new token after signing in again) starts from the newest entries.
  useEffect(() => {
    if (token === null) return;
    setEntries(null);
    load(undefined);
    return () => inFlight.current?.abort();
  }, [load, token]);

  const last = entries?.[entries.length - 1];
  const loadMore = useCallback(() => load(last ? justAfter(last.at) : undefined), [load, last]);
  const reload = useCallback(() => load(undefined), [load]);
  return { entries, loading, error, hasMore, loadMore, reload };
}
