import type { ReactNode } from "react";
import { describedBy, FieldError, FieldHint } from "./text-input";

export interface Choice<T> {
  value: T;
  label: string;
}

/** Radios as big rows (the whole row is the target), in a fieldset whose legend is the question. */
export function RadioGroup<T extends string | boolean>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  badge,
  inline = false,
  wrapperId,
}: {
  id: string;
  /** Where the error summary jumps when the error is about the whole question. */
  wrapperId?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  options: readonly Choice<T>[];
  value: unknown;
  onChange: (value: T) => void;
  badge?: ReactNode;
  inline?: boolean;
}) {
  return (
    <fieldset
      id={wrapperId}
      className={`dvc-field dvc-fieldset${error ? " dvc-field--error" : ""}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="dvc-field__label">
        {legend}
        {badge}
      </legend>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} message={error} />
      <div className={`dvc-choices${inline ? " dvc-choices--inline" : ""}`}>
        {options.map((option, index) => (
          <label key={String(option.value)} className="dvc-choice">
            <input
              type="radio"
              id={index === 0 ? id : undefined}
              name={id}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One checkbox with its label beside it, as a big row. */
export function Checkbox({
  id,
  checked,
  onChange,
  children,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="dvc-choice dvc-choice--check">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>{children}</span>
    </label>
  );
}
