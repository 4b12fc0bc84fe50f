import { type FormEvent, useEffect, useState } from "react";
import { SearchIcon } from "../../ui/icons";
import { Loading, Notice } from "../../ui/notice";
import { navigateOfficer, OfficerLink, officerPaths } from "../router";
import { useDocumentTitle } from "../ui/use-document-title";
import { useWideScreen } from "../ui/use-wide-screen";
import { AuditCards, AuditTable } from "./audit-rows";
import { foldViews } from "./audit-wording";
import { useAuditLog } from "./use-audit-log";

/** The server's limit on the dossier filter (officerAuditQuerySchema). */
const MAX_CODE_LENGTH = 32;

/** The filter lives in the address (/can-bo/nhat-ky?ho-so=…): a link from elsewhere, a reload keep it. */
const auditHref = (code: string) =>
  code === "" ? officerPaths.audit : `${officerPaths.audit}?ho-so=${encodeURIComponent(code)}`;

/**
 * /can-bo/nhat-ky — for a commune leader: who saw or did what, newest first, 100 at a time, filtered
 * by a dossier code. Only leaders get the entry in the nav; anyone else who opens the address is told.
 */
export function AuditPage({ search, leader }: { search: URLSearchParams; leader: boolean }) {
  useDocumentTitle("Nhật ký thao tác");
  return (
    <section className="dvc-officer-page" aria-labelledby="audit-title">
      <h1 id="audit-title" className="dvc-page-title">
        Nhật ký thao tác
      </h1>
      {leader ? (
        <AuditLog dossier={(search.get("ho-so") ?? "").trim().slice(0, MAX_CODE_LENGTH)} />
      ) : (
        <Notice tone="empty" title="Chỉ lãnh đạo xã/phường xem được nhật ký thao tác." />
      )}
    </section>
  );
}

function AuditLog({ dossier }: { dossier: string }) {
  const { entries, loading, error, hasMore, loadMore, reload } = useAuditLog(
    dossier === "" ? undefined : dossier,
  );
  const wide = useWideScreen();
  const rows = entries ? foldViews(entries) : null;
  return (
    <>
      <p className="dvc-text">
        Mỗi lần cán bộ của xã xem hồ sơ, mở tệp, chuyển trạng thái hay trả lời người dân đều được ghi lại.
      </p>
      <CodeFilter value={dossier} />
      {error ? (
        <Notice
          tone="error"
          title={error}
          action={{ label: "Thử lại", onClick: entries ? loadMore : reload }}
        >
          {entries ? "Các dòng dưới đây đã tải trước đó." : null}
        </Notice>
      ) : null}
      {rows === null && !error ? <Loading text="Đang tải nhật ký…" /> : null}
      {rows?.length === 0 ? (
        <Notice
          tone="empty"
          title={dossier ? `Chưa có thao tác nào với hồ sơ ${dossier}.` : "Chưa có thao tác nào."}
        />
      ) : null}
      {rows && rows.length > 0 ? (
        <div aria-busy={loading}>
          {wide ? <AuditTable rows={rows} /> : <AuditCards rows={rows} />}
          {hasMore ? (
            <button
              type="button"
              className="dvc-officer-button dvc-officer-button--secondary dvc-audit__more"
              aria-disabled={loading}
              onClick={() => {
                if (!loading) loadMore();
              }}
            >
              {loading ? "Đang tải…" : "Xem thêm"}
            </button>
          ) : (
            <p className="dvc-muted">Đã hiện hết nhật ký{dossier ? ` của hồ sơ ${dossier}` : ""}.</p>
          )}
        </div>
      ) : null}
    </>
  );
}

function CodeFilter({ value }: { value: string }) {
  const [text, setText] = useState(value);
  // The address changed (the back button): show the filter it holds.
  useEffect(() => setText(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigateOfficer(auditHref(text.trim()), { replace: true });
  };
  return (
    <search className="dvc-filters dvc-audit__filter">
      <form onSubmit={submit}>
        <label className="dvc-filters__label" htmlFor="audit-code">
          Lọc theo mã hồ sơ
        </label>
        <div className="dvc-filters__search-row">
          <input
            id="audit-code"
            className="dvc-input"
            type="search"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={MAX_CODE_LENGTH}
            placeholder="Ví dụ 00292-K4LY-83RB"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="dvc-officer-button dvc-officer-button--primary">
            <SearchIcon size={20} />
            <span>Lọc</span>
          </button>
        </div>
        {value ? (
          <OfficerLink replace className="dvc-link dvc-audit__clear" href={officerPaths.audit}>
            Bỏ lọc, xem mọi hồ sơ
          </OfficerLink>
        ) : null}
      </form>
    </search>
  );
}
