import { DOSSIER_STATUS_INFO } from "@dvc/shared/dossier/status";
import type { InboxFilters } from "../api/officer-api";
import { OfficerLink } from "../router";
import { FINISHED_STATUSES, inboxHref, OPEN_STATUSES } from "./inbox-filters";

/**
 * One tab per open status with how many dossiers wait in it, then the finished ones (not counted by
 * the server). Links, not a widget: each is a reachable address, Tab and Enter just work, and the
 * current one is announced by aria-current.
 */
export function StatusTabs({
  filters,
  counts,
}: {
  filters: InboxFilters;
  counts: Record<string, number> | null;
}) {
  const total = counts ? OPEN_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0) : null;
  const tab = (status: InboxFilters["status"], label: string, count: number | null) => {
    const current = filters.status === status;
    return (
      <li key={status ?? "all"}>
        <OfficerLink
          replace
          href={inboxHref(filters, { status })}
          className={`dvc-tab${current ? " dvc-tab--current" : ""}`}
          aria-current={current ? "page" : undefined}
        >
          <span>{label}</span>
          {count !== null ? <span className="dvc-tab__count">{count}</span> : null}
        </OfficerLink>
      </li>
    );
  };
  return (
    <nav className="dvc-tabs" aria-label="Lọc theo trạng thái">
      <ul className="dvc-tabs__list">
        {tab(undefined, "Tất cả đang xử lý", total)}
        {OPEN_STATUSES.map((status) =>
          tab(status, DOSSIER_STATUS_INFO[status].officerLabel, counts ? (counts[status] ?? 0) : null),
        )}
      </ul>
      <p className="dvc-tabs__finished">
        <span className="dvc-tabs__finished-label">Đã kết thúc:</span>
        {FINISHED_STATUSES.map((status) => (
          <OfficerLink
            key={status}
            replace
            href={inboxHref(filters, { status })}
            className="dvc-tabs__finished-link"
            aria-current={filters.status === status ? "page" : undefined}
          >
            {DOSSIER_STATUS_INFO[status].officerLabel}
          </OfficerLink>
        ))}
      </p>
    </nav>
  );
}
