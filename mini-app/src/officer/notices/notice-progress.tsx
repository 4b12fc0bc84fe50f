import type { NoticeProgress, NoticeProgressCounts, NoticeReport } from "@dvc/shared/api/notices";
import { useCallback, useRef, useState } from "react";
import { getNoticeProgress, getNoticeReport, resendFailed } from "../api/notice-api";
import { useVisiblePolling } from "../conversations/use-visible-polling";
import { clockText } from "../ui/time-text";
import { type Failure, failureOf } from "./action-failure";
import { FailureAlert } from "./failure-alert";

const EVERY_MS = 2_000;

const PARTS: ReadonlyArray<{ key: keyof NoticeProgressCounts; label: string }> = [
  { key: "queued", label: "Đang chờ" },
  { key: "sent", label: "Đã gửi" },
  { key: "delivered", label: "Đã nhận" },
  { key: "failed", label: "Lỗi" },
  { key: "unreachable", label: "Chưa liên lạc được" },
];

const n = (value: number) => value.toLocaleString("vi-VN");
const total = (counts: NoticeProgressCounts) => PARTS.reduce((sum, part) => sum + counts[part.key], 0);

/**
 * The fan-out as it happens: asked every 2 s while the tab is visible, until the notice is sent; then
 * the report with each failure's reason and "send again to the failed".
 */
export function NoticeProgressView({
  noticeId,
  canResend,
  onFinished,
}: {
  noticeId: string;
  canResend: boolean;
  /** The notice changed status (sent): its page reads it again. */
  onFinished: () => void;
}) {
  const [progress, setProgress] = useState<NoticeProgress | null>(null);
  const [report, setReport] = useState<NoticeReport | null>(null);
  const [stale, setStale] = useState(false);
  const finished = useRef(false);
  const tick = useCallback(() => {
    getNoticeProgress(noticeId).then(
      (next) => {
        setProgress(next);
        setStale(false);
        if (next.status !== "sending" && !finished.current) {
          finished.current = true;
          onFinished();
        }
      },
      () => setStale(true),
    );
  }, [noticeId, onFinished]);
  const done = progress !== null && progress.status !== "sending";
  useVisiblePolling(tick, EVERY_MS, !done);
  const loadReport = useCallback(() => {
    getNoticeReport(noticeId).then(setReport, () => setStale(true));
  }, [noticeId]);
  useVisiblePolling(loadReport, 60_000, done);

  return (
    <section className="dvc-officer-card dvc-notice-progress" aria-labelledby="notice-progress-title">
      <h2 id="notice-progress-title" className="dvc-notice-section-title">
        {done ? "Kết quả gửi" : "Đang gửi"}
      </h2>
      {progress === null ? <p className="dvc-text">Đang tải tiến độ…</p> : null}
      {progress ? (
        <>
          <p className="dvc-field__hint">
            Cập nhật lúc {clockText(progress.updatedAt)}
            {progress.enqueuing ? " · đang xếp hàng người nhận, tổng số còn tăng" : ""}
            {stale ? " · mất kết nối, đang thử lại" : ""}
          </p>
          <ProgressBlock title="Nhóm Zalo" counts={progress.groups} />
          <ProgressBlock title="Người quan tâm OA" counts={progress.followers} />
        </>
      ) : null}
      {done && report ? (
        <ReportView
          report={report}
          noticeId={noticeId}
          canResend={canResend}
          onResent={() => {
            finished.current = false;
            setReport(null);
            setProgress(null);
            onFinished();
          }}
        />
      ) : null}
    </section>
  );
}

function ProgressBlock({ title, counts }: { title: string; counts: NoticeProgressCounts }) {
  const all = total(counts);
  return (
    <div className="dvc-notice-progress__block">
      <h3 className="dvc-notice-progress__title">
        {title} <span className="dvc-notice-progress__total">({n(all)})</span>
      </h3>
      <div className="dvc-notice-bar" aria-hidden="true">
        {all > 0
          ? PARTS.map((part) =>
              counts[part.key] > 0 ? (
                <span
                  key={part.key}
                  className={`dvc-notice-bar__part dvc-notice-bar__part--${part.key}`}
                  style={{ width: `${(counts[part.key] / all) * 100}%` }}
                />
              ) : null,
            )
          : null}
      </div>
      <dl className="dvc-notice-progress__numbers">
        {PARTS.map((part) => (
          <div
            key={part.key}
            className={`dvc-notice-progress__number dvc-notice-progress__number--${part.key}`}
          >
            <dt>{part.label}</dt>
            <dd>{n(counts[part.key])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function ReportView({
  report,
  noticeId,
  canResend,
  onResent,
}: {
  report: NoticeReport;
  noticeId: string;
  canResend: boolean;
  onResent: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const failedCount = report.groups.failed + report.followers.failed;
  const resend = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await resendFailed(noticeId);
      onResent();
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  };
  if (report.failures.length === 0 && failedCount === 0) {
    return <p className="dvc-officer-done">Không có tin nào bị lỗi.</p>;
  }
  return (
    <div className="dvc-notice-report">
      <h3 className="dvc-notice-progress__title">Chưa gửi được ({n(failedCount)})</h3>
      <ul className="dvc-notice-report__list">
        {report.failures.map((item) => (
          <li key={`${item.target}-${item.label}-${item.reason}`} className="dvc-notice-report__item">
            <span className="dvc-notice-report__who">{item.label}</span>
            <span className="dvc-notice-report__why">{item.reasonText}</span>
          </li>
        ))}
      </ul>
      {report.moreFailures > 0 ? (
        <p className="dvc-field__hint">và {n(report.moreFailures)} tin lỗi khác.</p>
      ) : null}
      {canResend ? (
        <button
          type="button"
          className="dvc-officer-button dvc-officer-button--primary"
          aria-disabled={busy}
          onClick={() => void resend()}
        >
          {busy ? "Đang gửi lại…" : "Gửi lại cho những người chưa nhận"}
        </button>
      ) : null}
      <FailureAlert failure={failure} kept={false} />
    </div>
  );
}
