import type { DossierDetail } from "@dvc/shared/api/dossiers";
import { summariseAnswers } from "@dvc/shared/forms/engine/index";
import { useProcedureForm } from "../api/use-procedure-form";
import { unitName } from "../citizen/commune-names";
import { AnswerList } from "../ui/answer-list";
import { Loading, Notice } from "../ui/notice";

/**
 * "Thông tin đã nộp": what the citizen sent, read only, worded as on the review page before sending
 * (same engine, same labels), attachments by file name. Folded by default: the status comes first. The
 * CCCD shows only its last digits — this screen is often held up at a counter.
 */
export function FiledAnswers({ dossier }: { dossier: DossierDetail }) {
  return (
    <details className="dvc-section dvc-filed" data-testid="filed-answers">
      <summary className="dvc-filed__summary">
        <span className="dvc-section__title">Thông tin đã nộp</span>
      </summary>
      <FiledAnswersBody dossier={dossier} />
    </details>
  );
}

function FiledAnswersBody({ dossier }: { dossier: DossierDetail }) {
  const load = useProcedureForm(
    dossier.procedureCode,
    dossier.procedureVersion,
    "Chưa tải được nội dung đã nộp. Vui lòng thử lại sau.",
  );
  if (load.status === "loading") return <Loading text="Đang tải nội dung đã nộp…" />;
  if (load.status === "error") return <Notice tone="error" title={load.message} />;
  const steps = summariseAnswers(load.form.form, dossier.answers, { unitName, maskIdentity: true })
    .map((step) => ({ ...step, items: step.items.filter((item) => item.display !== "") }))
    .filter((step) => step.items.length > 0);
  return (
    <div className="dvc-filed__body">
      {steps.map((step) => (
        <section key={step.stepId} className="dvc-review__step" aria-labelledby={`filed-${step.stepId}`}>
          <h3 id={`filed-${step.stepId}`} className="dvc-review__title dvc-filed__step">
            {step.title}
          </h3>
          <AnswerList items={step.items} />
        </section>
      ))}
    </div>
  );
}
