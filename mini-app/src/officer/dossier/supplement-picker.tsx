import { visibleSteps } from "@dvc/shared/forms/engine/index";
import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { displayAnswer } from "../../wizard/answer-display";

/**
 * The questions of the form the dossier was filed on, per step, as checkboxes: the officer ticks every
 * one to fix at once. Only questions the citizen was asked (visible for their answers) and no
 * declarations (the citizen re-confirms nothing). Each shows its current answer to compare against
 * the papers.
 */
export function SupplementPicker({
  form,
  answers,
  selected,
  onChange,
  error,
}: {
  form: FileableProcedure;
  answers: Record<string, unknown>;
  selected: readonly string[];
  onChange: (fieldIds: string[]) => void;
  error: string | undefined;
}) {
  const steps = visibleSteps(form.form, answers)
    .map((step) => ({ ...step, fields: step.fields.filter((field) => field.type !== "declaration") }))
    .filter((step) => step.fields.length > 0);
  const toggle = (fieldId: string, on: boolean) => {
    // Kept in the form's order, whatever order they were ticked in: the citizen's list reads the same.
    const next = new Set(selected);
    if (on) next.add(fieldId);
    else next.delete(fieldId);
    const order = steps.flatMap((step) => step.fields.map((field) => field.id));
    onChange(order.filter((id) => next.has(id)));
  };
  return (
    <fieldset
      className={`dvc-fieldset dvc-field${error ? " dvc-field--error" : ""}`}
      aria-describedby="supplement-fields-hint"
    >
      <legend className="dvc-field__label">Các mục cần bổ sung</legend>
      <p id="supplement-fields-hint" className="dvc-field__hint">
        Chọn tất cả các mục cần sửa hoặc nộp lại. Người dân chỉ sửa được các mục này.
      </p>
      {error ? (
        <p className="dvc-field__error" id="supplement-fields-error">
          {error}
        </p>
      ) : null}
      {steps.map((step) => (
        <div key={step.id} className="dvc-pick-group">
          <p className="dvc-pick-group__title">{step.title}</p>
          {step.fields.map((field) => {
            const id = `supplement-field-${field.id}`;
            return (
              <label key={field.id} className="dvc-pick" htmlFor={id}>
                <input
                  id={id}
                  type="checkbox"
                  checked={selected.includes(field.id)}
                  onChange={(event) => toggle(field.id, event.target.checked)}
                  aria-labelledby={`${id}-label`}
                  aria-describedby={`${id}-answer`}
                />
                <span className="dvc-pick__text">
                  <span className="dvc-pick__label" id={`${id}-label`}>
                    {field.label}
                  </span>
                  <span className="dvc-pick__answer" id={`${id}-answer`}>
                    {displayAnswer(form, field.id, answers)}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}
