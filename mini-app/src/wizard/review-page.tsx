import { summariseAnswers } from "@dvc/shared/forms/engine/index";
import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { Button } from "zmp-ui";
import { unitName } from "../citizen/commune-names";
import type { DraftSync } from "../drafts/draft-sync";
import { REVIEW_SEGMENT } from "../routes";
import { AnswerList } from "../ui/answer-list";
import { AlertIcon } from "../ui/icons";
import { Screen } from "../ui/screen";
import { ConflictDialog } from "./conflict-dialog";
import { ErrorSummary, errorsByPath, focusField } from "./error-summary";
import { DeclarationField } from "./fields/simple-fields";
import { visibleDeclarations } from "./pages";
import { SyncStatusLine } from "./sync-status";
import { useSyncSnapshot } from "./use-draft-session";
import { useSubmit } from "./use-submit";
import { useWizardNavigation } from "./use-wizard-navigation";

/**
 * "Kiểm tra lại": every answer per step with "Sửa", then the declaration, then "Nộp hồ sơ" (GOV.UK's
 * check-answers page). What is checked here is exactly what is sent.
 */
export function ReviewPage({ sync, form }: { sync: DraftSync; form: FileableProcedure }) {
  const snapshot = useSyncSnapshot(sync);
  const { draft, status } = snapshot;
  const nav = useWizardNavigation(sync, form);
  const { state, submit } = useSubmit(sync, form);

  const declarations = visibleDeclarations(form.form, draft.answers);
  const declarationIds = new Set(declarations.map((field) => field.id));
  const summary = summariseAnswers(form.form, draft.answers, { unitName })
    .map((step) => ({ ...step, items: step.items.filter((item) => !declarationIds.has(item.fieldId)) }))
    .filter((step) => step.items.length > 0);
  const errors = state.status === "invalid" ? state.errors : [];
  const errorMap = errorsByPath(errors);

  const setDeclaration = (fieldId: string, value: unknown) => {
    const current = sync.getSnapshot().draft;
    sync.update({ answers: { ...current.answers, [fieldId]: value } });
  };

  return (
    <Screen title={form.title} onBack={() => nav.back(REVIEW_SEGMENT)} className="dvc-wizard dvc-review">
      <div className="dvc-wizard__head">
        <SyncStatusLine status={status} />
      </div>
      <div className="dvc-wizard__body">
        <ErrorSummary
          errors={errors}
          shownAt={state.status === "invalid" ? state.at : 0}
          onSelect={(error) =>
            declarationIds.has(error.path) ? focusField(error.path) : nav.edit(error.stepId, true)
          }
        />
        <h1 className="dvc-page-title">Kiểm tra lại hồ sơ</h1>
        <p className="dvc-lead">Xem lại thông tin trước khi nộp. Bấm “Sửa” để thay đổi.</p>
        {summary.map((step) => (
          <section key={step.stepId} className="dvc-review__step" aria-labelledby={`review-${step.stepId}`}>
            <div className="dvc-review__head">
              <h2 id={`review-${step.stepId}`} className="dvc-review__title">
                {step.title}
              </h2>
              <button
                type="button"
                className="dvc-link-button"
                aria-label={`Sửa ${step.title}`}
                onClick={() => nav.edit(step.stepId)}
              >
                Sửa
              </button>
            </div>
            <AnswerList items={step.items} />
          </section>
        ))}
        {declarations.map((field) => (
          <DeclarationField
            key={field.id}
            field={field}
            path={field.id}
            value={draft.answers[field.id]}
            onChange={(value) => setDeclaration(field.id, value)}
            env={{
              uploadTarget: { draftId: draft.id },
              errors: errorMap,
              saveNow: () => sync.saveNow(),
              prefilledBadge: () => null,
            }}
          />
        ))}
        <div className="dvc-actions">
          {/* Beside the button that failed, where the citizen's eyes are, and announced at once. */}
          {state.status === "failed" ? (
            <div id="submit-error" className="dvc-callout dvc-callout--warn" role="alert">
              <AlertIcon size={22} className="dvc-callout__icon" />
              <p>{state.message}</p>
            </div>
          ) : null}
          {/* The list of what to fix is at the top (announced there); here, beside the button, a pointer to it. */}
          {errors.length > 0 ? (
            <p id="submit-error" className="dvc-field__error">
              <AlertIcon size={18} className="dvc-field__error-icon" />
              <span>
                Chưa nộp được: {errors.length === 1 ? "1 mục" : `${errors.length} mục`} cần sửa, xem danh sách
                ở đầu trang.
              </span>
            </p>
          ) : null}
          <Button
            size="large"
            fullWidth
            loading={state.status === "sending"}
            aria-describedby={state.status === "failed" || errors.length > 0 ? "submit-error" : undefined}
            onClick={() => void submit()}
          >
            {state.status === "failed" && state.retryable ? "Nộp lại" : "Nộp hồ sơ"}
          </Button>
          <p className="dvc-muted dvc-center">Sau khi nộp, bạn nhận mã hồ sơ để theo dõi.</p>
        </div>
      </div>
      {status === "conflict" ? <ConflictDialog sync={sync} snapshot={snapshot} form={form} /> : null}
    </Screen>
  );
}
