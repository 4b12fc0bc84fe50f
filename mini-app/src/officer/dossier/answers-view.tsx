import { summariseAnswers } from "@dvc/shared/forms/engine/index";
import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { unitName } from "../../citizen/commune-names";
import { AttachmentLinks, attachmentsOf } from "./attachment-links";
import { useUnitNames } from "./use-unit-names";

/**
 * The citizen's answers as the review page showed them before they submitted (same engine, same
 * labels, from the form version they filed on), per step. CCCD numbers in full: checking them against
 * the papers is the officer's job. Attachments open in a new tab. Fields under a pending supplement
 * request are marked.
 */
export function AnswersView({
  dossierCode,
  form,
  answers,
  flagged,
}: {
  dossierCode: string;
  form: FileableProcedure;
  answers: Record<string, unknown>;
  flagged: readonly string[];
}) {
  const attachmentFields = new Set(
    form.form.steps.flatMap((step) =>
      step.fields.filter((field) => field.type === "attachment").map((field) => field.id),
    ),
  );
  useUnitNames(answers);
  const steps = summariseAnswers(form.form, answers, { unitName });
  const isFlagged = (path: string) => flagged.some((id) => path === id || path.startsWith(`${id}.`));
  return (
    <div className="dvc-answers">
      {steps.map((step) => (
        <section key={step.stepId} className="dvc-answers__step" aria-labelledby={`answers-${step.stepId}`}>
          <h3 id={`answers-${step.stepId}`} className="dvc-answers__title">
            {step.title}
          </h3>
          <dl className="dvc-answers__list">
            {step.items.map((item) => (
              <div
                key={item.fieldId}
                className={`dvc-answers__row${isFlagged(item.fieldId) ? " dvc-answers__row--flagged" : ""}`}
              >
                <dt>
                  {item.label}
                  {isFlagged(item.fieldId) ? (
                    <span className="dvc-tag dvc-tag--warn">Cần bổ sung</span>
                  ) : null}
                </dt>
                <dd>
                  {attachmentFields.has(item.fieldId) && attachmentsOf(answers[item.fieldId]).length > 0 ? (
                    <AttachmentLinks dossierCode={dossierCode} files={attachmentsOf(answers[item.fieldId])} />
                  ) : (
                    item.display
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
