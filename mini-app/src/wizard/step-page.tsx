import { stepProgress, validateStep, visibleSteps } from "@dvc/shared/forms/engine/index";
import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { useEffect, useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { DraftSync } from "../drafts/draft-sync";
import { stepPath } from "../routes";
import { Screen } from "../ui/screen";
import { ConflictDialog } from "./conflict-dialog";
import { ErrorSummary, errorsByPath } from "./error-summary";
import type { FieldEnv } from "./fields/field-types";
import { FieldView } from "./fields/field-view";
import { questionPages } from "./pages";
import { SyncStatusLine } from "./sync-status";
import { usePrefill, useSyncSnapshot } from "./use-draft-session";
import { todayInVietnam, useWizardNavigation } from "./use-wizard-navigation";

/** One step of the form: its questions, "Tiếp tục", errors in place and summed up at the top. */
export function StepForm({
  sync,
  form,
  stepId,
}: {
  sync: DraftSync;
  form: FileableProcedure;
  stepId: string;
}) {
  const snapshot = useSyncSnapshot(sync);
  const { draft, status } = snapshot;
  const navigate = useNavigate();
  const nav = useWizardNavigation(sync, form);
  const [shownAt, setShownAt] = useState(() => (nav.showErrorsOnArrival ? Date.now() : 0));
  usePrefill(sync, form, stepId);

  const pages = questionPages(form.form);
  const steps = visibleSteps(pages, draft.answers);
  const step = steps.find((candidate) => candidate.id === stepId);
  const progress = stepProgress(pages, draft.answers, stepId);

  // Once per page shown (a page on its way out during the transition must not take it back).
  const stepShows = step !== undefined;
  useEffect(() => {
    if (stepShows && sync.getSnapshot().draft.currentStepId !== stepId)
      sync.update({ currentStepId: stepId });
  }, [sync, stepId, stepShows]);

  // A step hidden by an earlier answer (or an old link): go to the first step instead.
  const firstStepId = steps[0]?.id;
  useEffect(() => {
    if (!step && firstStepId) navigate(stepPath(draft.id, firstStepId), { replace: true });
  }, [step, firstStepId, draft.id, navigate]);
  if (!step) return null;

  const today = todayInVietnam();
  const check = shownAt > 0 ? validateStep(pages, stepId, draft.answers, { today }) : null;
  const errors = check && !check.ok ? check.errors : [];

  const setAnswer = (fieldId: string, value: unknown) => {
    const current = sync.getSnapshot().draft;
    const answers = { ...current.answers };
    if (value === undefined) delete answers[fieldId];
    else answers[fieldId] = value;
    sync.update({
      answers,
      touched: current.touched.includes(fieldId) ? current.touched : [...current.touched, fieldId],
      prefilled: current.prefilled.filter((id) => id !== fieldId),
    });
  };

  const env: FieldEnv = {
    uploadTarget: { draftId: draft.id },
    errors: errorsByPath(errors),
    saveNow: () => sync.saveNow(),
    prefilledBadge: (fieldId) =>
      draft.prefilled.includes(fieldId) ? <span className="dvc-tag dvc-tag--soft">Đã điền sẵn</span> : null,
  };

  const next = () => {
    const result = validateStep(pages, stepId, sync.getSnapshot().draft.answers, { today });
    if (!result.ok) {
      setShownAt(Date.now());
      return;
    }
    setShownAt(0);
    nav.forward(stepId);
  };

  return (
    <Screen title={form.title} onBack={() => nav.back(stepId)} className="dvc-wizard">
      <div className="dvc-wizard__head">
        {progress ? (
          <>
            <p className="dvc-wizard__progress-text">
              Bước {progress.index}/{progress.total}
            </p>
            <div
              className="dvc-progress"
              role="progressbar"
              aria-label="Tiến độ"
              aria-valuemin={1}
              aria-valuemax={progress.total}
              aria-valuenow={progress.index}
            >
              <span style={{ width: `${(progress.index / progress.total) * 100}%` }} />
            </div>
          </>
        ) : null}
        <SyncStatusLine status={status} />
      </div>
      <form
        className="dvc-wizard__body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          next();
        }}
      >
        <ErrorSummary errors={errors} shownAt={shownAt} />
        <h1 className="dvc-page-title">{step.title}</h1>
        {step.description ? <p className="dvc-lead">{step.description}</p> : null}
        {step.fields.map((field) => (
          <FieldView
            key={field.id}
            field={field}
            path={field.id}
            value={draft.answers[field.id]}
            onChange={(value) => setAnswer(field.id, value)}
            env={env}
          />
        ))}
        <div className="dvc-actions">
          <Button htmlType="submit" size="large" fullWidth>
            {nav.isLast(stepId) ? "Kiểm tra lại hồ sơ" : "Tiếp tục"}
          </Button>
          {progress && progress.index > 1 ? (
            <Button variant="tertiary" size="large" fullWidth onClick={() => nav.back(stepId)}>
              Quay lại bước trước
            </Button>
          ) : null}
        </div>
      </form>
      {status === "conflict" ? <ConflictDialog sync={sync} snapshot={snapshot} form={form} /> : null}
    </Screen>
  );
}
