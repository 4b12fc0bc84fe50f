import { useCommuneName } from "../../citizen/commune-names";
import { Loading, Notice } from "../../ui/notice";
import { OfficerLink } from "../router";
import { useDocumentTitle } from "../ui/use-document-title";
import { useNow } from "../ui/use-now";
import { useWideScreen } from "../ui/use-wide-screen";
import { FilterBar } from "./filter-bar";
import { InboxCards } from "./inbox-cards";
import { filtersFromSearch, hasFilters, inboxHref } from "./inbox-filters";
import { InboxTable } from "./inbox-table";
import { StatusTabs } from "./status-tabs";
import { useInbox } from "./use-inbox";

/** The server sends at most this many rows (officer-desk INBOX_PAGE). */
const PAGE_SIZE = 50;

/** /can-bo — the commune's dossiers by due date, filtered by status, due date, procedure and code. */
export function InboxPage({ search }: { search: URLSearchParams }) {
  const filters = filtersFromSearch(search);
  const { data, loading, error, reload } = useInbox(filters);
  const communeName = useCommuneName(data?.communeCode);
  const wide = useWideScreen();
  const now = useNow();
  useDocumentTitle("Hồ sơ của xã");
  const filtered = hasFilters(filters);
  const empty = data !== null && data.dossiers.length === 0 && !loading;
  const emptyTitle = filtered ? "Không có hồ sơ nào khớp bộ lọc." : "Chưa có hồ sơ nào đang chờ xử lý.";

  return (
    <section className="dvc-officer-page" aria-labelledby="inbox-title">
      <h1 id="inbox-title" className="dvc-page-title">
        Hồ sơ {communeName ? `của ${communeName}` : "của xã"}
      </h1>
      <StatusTabs filters={filters} counts={data?.counts ?? null} />
      <FilterBar filters={filters} />
      {error ? (
        <Notice tone="error" title={error} action={{ label: "Tải lại", onClick: reload }}>
          {data ? "Danh sách dưới đây là lần tải trước." : null}
        </Notice>
      ) : null}
      {data === null && !error ? <Loading text="Đang tải danh sách hồ sơ…" /> : null}
      {data ? (
        <div className="dvc-inbox" aria-busy={loading}>
          {/* Announced after every filter change; on screen only when there are rows to count. */}
          <p className={`dvc-inbox__count${empty ? " dvc-visually-hidden" : ""}`} role="status">
            {loading
              ? "Đang tải lại…"
              : empty
                ? emptyTitle
                : `${data.dossiers.length} hồ sơ, gần hạn nhất ở trên.`}
          </p>
          {data.dossiers.length === 0 ? (
            empty ? (
              <Notice tone="empty" title={emptyTitle}>
                {filtered ? (
                  <OfficerLink replace href={inboxHref({}, {})} className="dvc-link">
                    Xem tất cả hồ sơ đang xử lý
                  </OfficerLink>
                ) : (
                  "Hồ sơ người dân nộp sẽ hiện ở đây."
                )}
              </Notice>
            ) : null
          ) : wide ? (
            <InboxTable dossiers={data.dossiers} now={now} />
          ) : (
            <InboxCards dossiers={data.dossiers} now={now} />
          )}
          {data.dossiers.length >= PAGE_SIZE ? (
            <p className="dvc-muted">
              Đang hiện {PAGE_SIZE} hồ sơ gần hạn nhất. Chọn trạng thái, thủ tục hoặc tìm theo mã để thấy các
              hồ sơ khác.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
