import { NOTICE_CATEGORY_LABELS, NOTICE_STATUS_LABELS, type NoticeStatus } from "@dvc/shared/api/notices";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../api";
import { PlusIcon } from "../../ui/icons";
import { Loading, Notice } from "../../ui/notice";
import { listNotices, type NoticeListItem } from "../api/notice-api";
import { OfficerLink, officerPaths } from "../router";
import { clockDayText } from "../ui/time-text";
import { useDocumentTitle } from "../ui/use-document-title";

type Tab = "all" | NoticeStatus;

/** A leader's work is approving: "Chờ duyệt" comes first for them. */
export function tabsFor(leader: boolean): Tab[] {
  const rest: Tab[] = ["draft", "returned", "approved", "sending", "sent", "cancelled"];
  return leader ? ["pending", "all", ...rest] : ["all", "pending", ...rest];
}

const tabHref = (tab: Tab) =>
  tab === "all" ? officerPaths.notices : `${officerPaths.notices}?trang-thai=${tab}`;

function tabOf(search: URLSearchParams, leader: boolean): Tab {
  const wanted = search.get("trang-thai");
  const tabs = tabsFor(leader);
  return tabs.find((tab) => tab === wanted) ?? tabs[0] ?? "all";
}

/** /can-bo/thong-bao — the commune's notices by status, newest first, and "Soạn thông báo". */
export function NoticesPage({ search, leader }: { search: URLSearchParams; leader: boolean }) {
  useDocumentTitle("Thông báo");
  const current = tabOf(search, leader);
  const { notices, error, reload } = useNoticeList();
  const shown = (notices ?? [])
    .filter((notice) => current === "all" || notice.status === current)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const count = (tab: Tab) =>
    notices === null ? null : notices.filter((notice) => tab === "all" || notice.status === tab).length;
  return (
    <section className="dvc-officer-page" aria-labelledby="notices-title">
      <div className="dvc-notices__head">
        <h1 id="notices-title" className="dvc-page-title">
          Thông báo
        </h1>
        <OfficerLink className="dvc-officer-button dvc-officer-button--primary" href={officerPaths.newNotice}>
          <PlusIcon size={20} />
          Soạn thông báo
        </OfficerLink>
      </div>
      <nav className="dvc-tabs" aria-label="Lọc theo trạng thái">
        <ul className="dvc-tabs__list">
          {tabsFor(leader).map((tab) => (
            <li key={tab}>
              <OfficerLink
                replace
                href={tabHref(tab)}
                className={`dvc-tab${current === tab ? " dvc-tab--current" : ""}`}
                aria-current={current === tab ? "page" : undefined}
              >
                <span>{tab === "all" ? "Tất cả" : NOTICE_STATUS_LABELS[tab]}</span>
                {count(tab) !== null ? <span className="dvc-tab__count">{count(tab)}</span> : null}
              </OfficerLink>
            </li>
          ))}
        </ul>
      </nav>
      {error ? <Notice tone="error" title={error} action={{ label: "Thử lại", onClick: reload }} /> : null}
      {notices === null && !error ? <Loading text="Đang tải thông báo…" /> : null}
      {notices !== null && shown.length === 0 ? (
        <Notice
          tone="empty"
          title={current === "pending" ? "Không có thông báo nào chờ duyệt." : "Chưa có thông báo nào."}
        />
      ) : null}
      {shown.length > 0 ? (
        <ul className="dvc-notices__list">
          {shown.map((notice) => (
            <NoticeRow key={notice.id} notice={notice} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function NoticeRow({ notice }: { notice: NoticeListItem }) {
  return (
    <li className="dvc-officer-card dvc-notices__item">
      <OfficerLink href={officerPaths.notice(notice.id)} className="dvc-notices__link">
        <span className="dvc-notices__title">{notice.title}</span>
        <span className="dvc-notices__meta">
          <span className={`dvc-notice-status dvc-notice-status--${notice.status}`}>
            {NOTICE_STATUS_LABELS[notice.status]}
          </span>
          <span>{NOTICE_CATEGORY_LABELS[notice.category]}</span>
          <span>
            {notice.scheduledAt
              ? `Hẹn gửi ${clockDayText(notice.scheduledAt)}`
              : `Cập nhật ${clockDayText(notice.updatedAt)}`}
          </span>
          <span>
            {notice.communeCode === null ? "Toàn tỉnh · " : ""}Người soạn: {notice.author}
          </span>
        </span>
      </OfficerLink>
    </li>
  );
}

function useNoticeList() {
  const [notices, setNotices] = useState<NoticeListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is a trigger: reload asks again.
  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    listNotices(controller.signal).then(setNotices, (failure: unknown) => {
      if (controller.signal.aborted) return;
      setError(failure instanceof ApiError ? failure.message : "Chưa tải được thông báo. Vui lòng thử lại.");
    });
    return () => controller.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { notices, error, reload };
}
