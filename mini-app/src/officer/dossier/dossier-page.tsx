import type { OfficerDossier } from "@dvc/shared/api/officer";
import { type RefObject, useEffect, useRef } from "react";
import { type ProcedureFormLoad, useProcedureForm } from "../../api/use-procedure-form";
import { formatDateTime } from "../../ui/format";
import { AlertIcon, ChevronLeftIcon } from "../../ui/icons";
import { Loading, Notice } from "../../ui/notice";
import { StatusTag } from "../../ui/status-tag";
import { OfficerLink, officerPaths } from "../router";
import { DueCountdown } from "../ui/due-countdown";
import { useDocumentTitle } from "../ui/use-document-title";
import { useNow } from "../ui/use-now";
import { ActionPanel } from "./action-panel";
import { AnswersView } from "./answers-view";
import { ApologyPanel } from "./apology-panel";
import { AttachmentLinks } from "./attachment-links";
import { TimelineView } from "./timeline-view";
import { useOfficerDossier } from "./use-officer-dossier";

/**
 * /can-bo/ho-so/:code — one dossier: where it stands and how long is left, what can be done with it,
 * the citizen's answers and its history. On a desk the actions sit beside the answers; on a phone they
 * come right after the summary.
 */
export function DossierPage({ code }: { code: string }) {
  const { dossier, error, reload, replace } = useOfficerDossier(code);
  const procedure = useProcedureForm(dossier?.procedureCode, dossier?.procedureVersion);
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(`Hồ sơ ${code}`);

  // A new page for keyboard and screen-reader users: start them at its title.
  const ready = dossier !== null;
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready]);

  return (
    <div className="dvc-officer-page">
      <OfficerLink className="dvc-back-link" href={officerPaths.inbox}>
        <ChevronLeftIcon size={20} />
        <span>Danh sách hồ sơ</span>
      </OfficerLink>
      {error ? (
        <Notice tone="error" title={error} action={{ label: "Tải lại", onClick: reload }}>
          {dossier ? "Thông tin dưới đây là lần tải trước." : null}
        </Notice>
      ) : null}
      {dossier === null && !error ? <Loading text="Đang tải hồ sơ…" /> : null}
      {dossier ? (
        <div className="dvc-dossier-layout">
          <div className="dvc-dossier-layout__top">
            <Summary dossier={dossier} headingRef={heading} />
            <ApologyPanel dossier={dossier} onSent={replace} onReload={reload} />
          </div>
          <div className="dvc-dossier-layout__side">
            <ActionPanel
              dossier={dossier}
              form={procedure.status === "ready" ? procedure.form : null}
              onMoved={replace}
              onReload={reload}
            />
          </div>
          <div className="dvc-dossier-layout__main">
            {dossier.resultFile ? (
              <section className="dvc-officer-card" aria-labelledby="result-title">
                <h2 id="result-title" className="dvc-section__title">
                  Kết quả điện tử
                </h2>
                <AttachmentLinks dossierCode={dossier.code} files={[dossier.resultFile]} />
              </section>
            ) : null}
            <section className="dvc-officer-card" aria-labelledby="answers-title">
              <h2 id="answers-title" className="dvc-section__title">
                Thông tin người dân khai
              </h2>
              <Answers dossier={dossier} procedure={procedure} />
            </section>
            <section className="dvc-officer-card" aria-labelledby="timeline-title">
              <h2 id="timeline-title" className="dvc-section__title">
                Quá trình xử lý
              </h2>
              <TimelineView timeline={dossier.timeline} />
            </section>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function Summary({
  dossier,
  headingRef,
}: {
  dossier: OfficerDossier;
  headingRef: RefObject<HTMLHeadingElement>;
}) {
  const now = useNow();
  return (
    <section className="dvc-officer-card dvc-dossier-summary" aria-labelledby="dossier-title">
      <p className="dvc-eyebrow">
        Mã hồ sơ <span className="dvc-code">{dossier.code}</span>
      </p>
      <h1 id="dossier-title" className="dvc-page-title" tabIndex={-1} ref={headingRef}>
        {dossier.procedureTitle}
      </h1>
      <p className="dvc-dossier-summary__status" data-testid="officer-dossier-status">
        <StatusTag status={dossier.status} label={dossier.statusLabel} />
        <DueCountdown status={dossier.status} dueAt={dossier.dueAt} now={now} />
      </p>
      <dl className="dvc-dossier-summary__facts">
        <div>
          <dt>Ngày nộp</dt>
          <dd>{formatDateTime(dossier.submittedAt)}</dd>
        </div>
        <div>
          <dt>Hẹn trả kết quả</dt>
          <dd>{formatDateTime(dossier.dueAt)}</dd>
        </div>
        {dossier.acknowledgeBy ? (
          // Still "submitted": the one-stop desk has 8 working hours to acknowledge it.
          <div className={now > new Date(dossier.acknowledgeBy) ? "dvc-dossier-summary__late" : undefined}>
            <dt>Cần tiếp nhận trước</dt>
            <dd>
              {formatDateTime(dossier.acknowledgeBy)}
              {now > new Date(dossier.acknowledgeBy) ? " · đã quá hạn tiếp nhận" : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {dossier.supplement ? (
        <div className="dvc-callout dvc-callout--warn">
          <AlertIcon size={22} className="dvc-callout__icon" />
          <div>
            <p className="dvc-callout__label">
              Đã yêu cầu bổ sung lúc {formatDateTime(dossier.supplement.requestedAt)}, chờ người dân gửi lại:
            </p>
            <p>{dossier.supplement.message}</p>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function Answers({ dossier, procedure }: { dossier: OfficerDossier; procedure: ProcedureFormLoad }) {
  if (procedure.status === "loading") return <Loading text="Đang mở biểu mẫu của thủ tục…" />;
  if (procedure.status === "error") return <Notice tone="error" title={procedure.message} />;
  return (
    <AnswersView
      dossierCode={dossier.code}
      form={procedure.form}
      answers={dossier.answers}
      flagged={dossier.supplement?.fieldIds ?? []}
    />
  );
}
