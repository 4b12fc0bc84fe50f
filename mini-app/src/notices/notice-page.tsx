import type { PublicNotice } from "@dvc/shared/api/notices";
import { useEffect, useState } from "react";
import { Button, useLocation, useNavigate, useParams } from "zmp-ui";
import { ApiError, apiUrl } from "../api";
import { ROUTES, startDraftPath } from "../routes";
import { formatDate } from "../ui/format";
import { Loading, Notice } from "../ui/notice";
import { Screen } from "../ui/screen";
import { keptNotice } from "./notice-cache";
import { getNotice, noticeImagePath } from "./notices-api";
import { SavedCopyLine } from "./saved-copy-line";
import "./notices.css";

type Load =
  | { status: "loading"; notice: PublicNotice | null }
  | { status: "ready"; notice: PublicNotice }
  /** The request failed but the notice was in the list kept on the phone. */
  | { status: "saved_copy"; notice: PublicNotice; savedAt: string }
  | { status: "missing" }
  | { status: "error"; message: string };

function fromState(state: unknown, id: string): PublicNotice | null {
  const notice = (state as { notice?: PublicNotice } | null)?.notice;
  return notice?.id === id ? notice : null;
}

/**
 * /thong-bao/:id — one notice whole: title, category, dates, image, body, and "Nộp hồ sơ" when it names
 * a procedure. Deep-linkable: the OA's chat message opens it with its "Xem thông báo" button.
 */
export default function NoticePage() {
  const navigate = useNavigate();
  const location = useLocation();
  const { id = "" } = useParams();
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load>(() => ({
    status: "loading",
    notice: fromState(location.state, id) ?? keptNotice(id)?.notice ?? null,
  }));
  const back = () =>
    location.key === "default"
      ? navigate(ROUTES.notices, { replace: true, direction: "backward" })
      : navigate(-1);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again; the shown copy is read once.
  useEffect(() => {
    const controller = new AbortController();
    getNotice(id, controller.signal).then(
      (notice) => setLoad({ status: "ready", notice }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) {
          setLoad({ status: "missing" });
          return;
        }
        const kept = keptNotice(id);
        setLoad(
          kept
            ? { status: "saved_copy", notice: kept.notice, savedAt: kept.savedAt }
            : { status: "error", message: error instanceof Error ? error.message : "Chưa tải được." },
        );
      },
    );
    return () => controller.abort();
  }, [id, attempt]);

  const notice = "notice" in load ? load.notice : null;
  if (notice === null) {
    return (
      <Screen title="Thông báo" onBack={back} heading>
        {load.status === "missing" ? (
          <Notice
            tone="empty"
            title="Thông báo này không còn hiệu lực hoặc không tồn tại."
            action={{ label: "Xem các thông báo", onClick: () => navigate(ROUTES.notices) }}
          />
        ) : load.status === "error" ? (
          <Notice
            tone="error"
            title={load.message}
            action={{ label: "Thử lại", onClick: () => setAttempt((n) => n + 1) }}
          />
        ) : (
          <Loading text="Đang tải thông báo…" />
        )}
      </Screen>
    );
  }
  return (
    <Screen title="Thông báo" onBack={back} className="dvc-notice-page">
      {load.status === "saved_copy" ? (
        <SavedCopyLine savedAt={load.savedAt} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      <NoticeView notice={notice} />
    </Screen>
  );
}

function NoticeView({ notice }: { notice: PublicNotice }) {
  const navigate = useNavigate();
  const paragraphs = notice.body.split(/\n\s*\n/).filter((p) => p.trim() !== "");
  const { procedureCode } = notice;
  return (
    <article>
      <header className="dvc-notice-page__head">
        <span className={`dvc-notice-category dvc-notice-category--${notice.category}`}>
          {notice.categoryLabel}
        </span>
        <h1 className="dvc-notice-page__title">{notice.title}</h1>
        <p className="dvc-notice-page__dates">
          Ngày đăng {formatDate(notice.publishedAt)} · Hiệu lực đến {formatDate(notice.expiresAt)}
        </p>
      </header>
      {notice.hasImage ? (
        <img
          className="dvc-notice-page__image"
          src={apiUrl(noticeImagePath(notice.id))}
          alt="Ảnh kèm thông báo"
        />
      ) : null}
      <div className="dvc-notice-page__body" data-testid="notice-body">
        {paragraphs.map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one text, in order.
          <p key={index}>{paragraph.trim()}</p>
        ))}
      </div>
      {procedureCode ? (
        <div className="dvc-notice-page__actions">
          <Button size="large" fullWidth onClick={() => navigate(startDraftPath(procedureCode))}>
            Nộp hồ sơ
          </Button>
        </div>
      ) : null}
    </article>
  );
}
