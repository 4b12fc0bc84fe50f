import type { DossierDetail, DossierSummary } from "@dvc/shared/api/dossiers";
import { isClockRunning } from "@dvc/shared/dossier/status";
import { useLocation, useNavigate, useParams } from "zmp-ui";
import { ROUTES } from "../routes";
import { RequireSession } from "../session/require-session";
import { formatDateTime } from "../ui/format";
import { AlertIcon, ClockIcon } from "../ui/icons";
import { Loading, Notice } from "../ui/notice";
import { Screen } from "../ui/screen";
import { StatusTag } from "../ui/status-tag";
import { countdownText } from "./due-text";
import { FiledAnswers } from "./filed-answers";
import { ResultFileButton } from "./result-file-button";
import { SupplementForm } from "./supplement-form";
import { isDetail, useDossier } from "./use-dossier";

/** /ho-so/:code — where the dossier is: status, time left in working days, the timeline, and supplements. */
export default function DossierPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const { code = "" } = useParams();
  const back = () =>
    location.key === "default"
      ? navigate(ROUTES.dossiers, { replace: true, direction: "backward" })
      : navigate(-1);
  return (
    <RequireSession title="Hồ sơ" onBack={back}>
      <Screen title="Theo dõi hồ sơ" onBack={back} className="dvc-dossier">
        <DossierView code={code} />
      </Screen>
    </RequireSession>
  );
}

function DossierView({ code }: { code: string }) {
  const { load, reload } = useDossier(code);
  if (load.status === "loading") return <Loading text="Đang tải hồ sơ…" />;
  if (load.status === "error") {
    return <Notice tone="error" title={load.message} action={{ label: "Thử lại", onClick: reload }} />;
  }
  const { dossier } = load;
  return (
    <>
      <Summary dossier={dossier} />
      {isDetail(dossier) ? <Details dossier={dossier} onChanged={reload} /> : null}
    </>
  );
}

function Summary({ dossier }: { dossier: DossierSummary }) {
  const countdown = isClockRunning(dossier.status) ? countdownText(dossier.dueAt) : null;
  return (
    <div className="dvc-section">
      <p className="dvc-eyebrow">Mã hồ sơ: {dossier.code}</p>
      <h1 className="dvc-page-title">{dossier.procedureTitle}</h1>
      {dossier.subjectName ? (
        <p className="dvc-lead" data-testid="dossier-subject">
          {dossier.subjectName}
        </p>
      ) : null}
      <StatusTag status={dossier.status} label={dossier.statusLabel} />
      <dl className="dvc-facts">
        <div className="dvc-facts__row">
          <dt>Ngày nộp</dt>
          <dd>{formatDateTime(dossier.submittedAt)}</dd>
        </div>
        <div className="dvc-facts__row">
          <dt>Hẹn trả kết quả</dt>
          <dd>{formatDateTime(dossier.dueAt)}</dd>
        </div>
      </dl>
      {countdown ? (
        <p
          className={`dvc-countdown${countdown.overdue ? " dvc-countdown--late" : ""}`}
          data-testid="countdown"
        >
          <ClockIcon size={22} />
          <span>{countdown.text}</span>
        </p>
      ) : null}
      {countdown?.overdue ? (
        <p className="dvc-muted">
          Hồ sơ đã quá hạn. Theo quy định, cơ quan giải quyết phải gửi văn bản xin lỗi và hẹn lại ngày trả kết
          quả.
        </p>
      ) : null}
    </div>
  );
}

function Details({ dossier, onChanged }: { dossier: DossierDetail; onChanged: () => void }) {
  const timeline = [...dossier.timeline].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <>
      {dossier.status === "supplement_requested" && dossier.supplement ? (
        <section className="dvc-section dvc-supplement" aria-labelledby="dvc-supplement-title">
          <h2 id="dvc-supplement-title" className="dvc-section__title">
            Cần bổ sung hồ sơ
          </h2>
          <div className="dvc-callout dvc-callout--warn">
            <AlertIcon size={22} className="dvc-callout__icon" />
            <div>
              <p className="dvc-callout__label">
                Lời nhắn của cán bộ ({formatDateTime(dossier.supplement.requestedAt)}):
              </p>
              <p>{dossier.supplement.message}</p>
            </div>
          </div>
          <SupplementForm dossier={dossier} supplement={dossier.supplement} onSent={onChanged} />
        </section>
      ) : null}
      {dossier.resultFile ? <ResultFileButton file={dossier.resultFile} /> : null}
      <section className="dvc-section" aria-labelledby="dvc-timeline-title">
        <h2 id="dvc-timeline-title" className="dvc-section__title">
          Quá trình giải quyết
        </h2>
        <ol className="dvc-timeline">
          {timeline.map((event, index) => (
            <li
              key={`${event.at}-${event.status}`}
              className={`dvc-timeline__item${index === 0 ? " dvc-timeline__now" : ""}`}
            >
              <span className="dvc-timeline__label">{event.label}</span>
              <span className="dvc-timeline__time">{formatDateTime(event.at)}</span>
              {event.note ? <span className="dvc-timeline__note">{event.note}</span> : null}
              {event.notice ? (
                <span className={`dvc-timeline__notice dvc-timeline__notice--${event.notice.state}`}>
                  {event.notice.label}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <FiledAnswers dossier={dossier} />
    </>
  );
}
