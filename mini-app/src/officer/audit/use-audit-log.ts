import { useCallback, useEffect, useRef, useState } from "react";
import { AUDIT_PAGE_SIZE, type AuditEntry, getAuditLog } from "../api/audit-api";
import { useOfficerSession } from "../session/officer-session";

/** Pages follow the last entry shown by time and id; an entry shown already is still left out by id. */
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
    (after: AuditEntry | undefined) => {
      const before = after?.at;
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setLoading(true);
      getAuditLog({ before, beforeId: after?.id, dossier }, controller.signal).then(
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
  const loadMore = useCallback(() => load(last), [load, last]);
  const reload = useCallback(() => load(undefined), [load]);
  return { entries, loading, error, hasMore, loadMore, reload };
}
