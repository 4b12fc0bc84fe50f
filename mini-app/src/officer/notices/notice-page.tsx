import {
  NOTICE_CATEGORY_LABELS,
  NOTICE_STATUS_LABELS,
  type NoticeStatus,
  type OfficerNotice,
} from "@dvc/shared/api/notices";
import { noticeSenderName, noticeTextFacts } from "@dvc/shared/notices/notice-text";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatDateTime } from "../../ui/format";
import { Loading, Notice } from "../../ui/notice";
import { useVisiblePolling } from "../conversations/use-visible-polling";
import { navigateOfficer, OfficerLink, officerPaths } from "../router";
import { useDocumentTitle } from "../ui/use-document-title";
import { MessagePreviews } from "./message-previews";
import { NoticeActions } from "./notice-actions";
import { NoticeComposer } from "./notice-composer";
import { NoticeProgressView } from "./notice-progress";
import { NoticeSteps } from "./notice-steps";
import { useSenderCommune } from "./use-communes";
import { useNotice } from "./use-notice";
import { useSavedImageUrl } from "./use-saved-image";

const FOLLOWED: ReadonlySet<NoticeStatus> = new Set(["pending", "approved"]);
/** Not yet sent: the page shows what Zalo will carry, so a leader reviews the very messages. */
const UNSENT: ReadonlySet<NoticeStatus> = new Set(["draft", "pending", "returned", "approved"]);

/** /can-bo/thong-bao/moi — a new notice; once saved, its own page. */
export function NewNoticePage({ communeCode, admin }: { communeCode: string | null; admin: boolean }) {
  useDocumentTitle("Soạn thông báo");
  return (
    <section className="dvc-officer-page" aria-labelledby="notice-new-title">
      <BackLink />
      <h1 id="notice-new-title" className="dvc-page-title">
        Soạn thông báo
      </h1>
      <NoticeComposer
        initial={null}
        officerCommune={communeCode}
        admin={admin}
        onDone={(id) => navigateOfficer(officerPaths.notice(id), { replace: true })}
      />
    </section>
  );
}

/** /can-bo/thong-bao/:id — the notice, its steps, what may be done now, and its sending. */
export function NoticePage({
  id,
  communeCode,
  admin,
}: {
  id: string;
  communeCode: string | null;
  admin: boolean;
}) {
  const { state, reload } = useNotice(id);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(state.status === "ready" ? state.notice.title : "Thông báo");
  const changed = useCallback(
    (message: string) => {
      setEditing(false);
      setDone(message);
      reload();
      heading.current?.focus();
    },
    [reload],
  );
  const onFinished = useCallback(() => reload(), [reload]);
  // Waiting for review or for its time, it moves without this page: the page follows it (approved,
  // returned, then "Đang gửi" with its progress) without a reload.
  useVisiblePolling(reload, 5_000, state.status === "ready" && FOLLOWED.has(state.notice.status));
  useEffect(() => {
    if (editing) setDone(null);
  }, [editing]);

  if (state.status === "loading") return <Loading text="Đang tải thông báo…" />;
  if (state.status === "missing")
    return (
      <section className="dvc-officer-page">
        <BackLink />
        <Notice tone="empty" title="Không tìm thấy thông báo này. Có thể thông báo thuộc xã/phường khác." />
      </section>
    );
  if (state.status === "error")
    return <Notice tone="error" title={state.message} action={{ label: "Thử lại", onClick: reload }} />;
  const { notice } = state;
  return (
    <section className="dvc-officer-page" aria-labelledby="notice-title">
      <BackLink />
      <h1 id="notice-title" className="dvc-page-title" tabIndex={-1} ref={heading}>
        {editing ? "Sửa thông báo" : notice.title}
      </h1>
      <p className="dvc-notice-page__status">
        <span className={`dvc-notice-status dvc-notice-status--${notice.status}`}>
          {NOTICE_STATUS_LABELS[notice.status]}
        </span>
      </p>
      <div role="status">{done ? <p className="dvc-officer-done">{done}</p> : null}</div>
      {notice.status === "returned" && notice.returnComment ? (
        <div className="dvc-officer-note">
          <p>Lãnh đạo trả lại: “{notice.returnComment}”</p>
        </div>
      ) : null}
      {editing ? (
        <button type="button" className="dvc-link-button" onClick={() => setEditing(false)}>
          Thôi sửa (bỏ các thay đổi chưa lưu)
        </button>
      ) : null}
      {editing ? (
        <NoticeComposer
          key={notice.version}
          initial={notice}
          officerCommune={communeCode}
          admin={admin}
          onDone={() => changed("Đã lưu thông báo.")}
          onReload={reload}
        />
      ) : (
        <div className="dvc-notice-page">
          <div className="dvc-notice-page__main">
            {notice.status === "sending" || notice.status === "sent" ? (
              <NoticeProgressView
                noticeId={notice.id}
                canResend={notice.can.resendFailed}
                onFinished={onFinished}
              />
            ) : null}
            <NoticeActions
              notice={notice}
              onEdit={() => setEditing(true)}
              onChanged={changed}
              onReload={reload}
            />
            <NoticeContent notice={notice} />
            {UNSENT.has(notice.status) ? <SavedPreviews notice={notice} /> : null}
          </div>
          <aside className="dvc-officer-card dvc-notice-page__steps" aria-labelledby="notice-steps-title">
            <h2 id="notice-steps-title" className="dvc-notice-section-title">
              Các bước
            </h2>
            <NoticeSteps steps={notice.steps} />
          </aside>
        </div>
      )}
    </section>
  );
}

function NoticeContent({ notice }: { notice: OfficerNotice }) {
  const imageUrl = useSavedImageUrl(notice.id, notice.hasImage, notice.version);
  const audience = [
    notice.groupIds.length > 0 ? `${notice.groupIds.length} nhóm Zalo` : null,
    notice.toFollowers ? "người quan tâm OA" : null,
  ].filter(Boolean);
  return (
    <article className="dvc-officer-card dvc-notice-content" aria-label="Nội dung thông báo">
      <dl className="dvc-notice-facts">
        <div>
          <dt>Loại</dt>
          <dd>{NOTICE_CATEGORY_LABELS[notice.category]}</dd>
        </div>
        <div>
          <dt>Gửi tới</dt>
          <dd>
            {notice.communeCode === null ? "Toàn tỉnh: " : ""}
            {audience.join(", ") || "chỉ Mini App và bảng tin"}
          </dd>
        </div>
        <div>
          <dt>Thời gian gửi</dt>
          <dd>{notice.scheduledAt ? formatDateTime(notice.scheduledAt) : "Ngay khi được duyệt"}</dd>
        </div>
        <div>
          <dt>Hiển thị đến</dt>
          <dd>{formatDateTime(notice.expiresAt)}</dd>
        </div>
        <div>
          <dt>Người soạn</dt>
          <dd>{notice.author}</dd>
        </div>
        {notice.procedureCode ? (
          <div>
            <dt>Thủ tục</dt>
            <dd>{notice.procedureCode}</dd>
          </div>
        ) : null}
        {notice.hasImage ? (
          <div>
            <dt>Ảnh</dt>
            <dd>Có ảnh kèm theo</dd>
          </div>
        ) : null}
      </dl>
      {notice.summary ? (
        <>
          <h2 className="dvc-notice-section-title">Tóm tắt gửi qua Zalo</h2>
          <p className="dvc-notice-content__text">{notice.summary}</p>
        </>
      ) : null}
      {imageUrl ? <img src={imageUrl} alt="Ảnh kèm thông báo" className="dvc-notice-content__image" /> : null}
      <h2 className="dvc-notice-section-title">Nội dung</h2>
      <p className="dvc-notice-content__text">{notice.body}</p>
    </article>
  );
}

function SavedPreviews({ notice }: { notice: OfficerNotice }) {
  const sender = useSenderCommune(notice.communeCode);
  const imageUrl = useSavedImageUrl(notice.id, notice.hasImage, notice.version);
  const facts = noticeTextFacts(notice, noticeSenderName(sender));
  return (
    <div className="dvc-officer-card">
      <MessagePreviews facts={facts} image={notice.hasImage ? (imageUrl ?? "saved") : null} />
    </div>
  );
}

function BackLink() {
  return (
    <OfficerLink className="dvc-back-link" href={officerPaths.notices}>
      ← Danh sách thông báo
    </OfficerLink>
  );
}
