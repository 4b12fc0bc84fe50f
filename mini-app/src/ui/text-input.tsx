/**
 * Form controls in the GOV.UK pattern: label, then hint, then the error in words, then the control; the
 * control is described by hint and error so a screen reader reads them with it. Plain HTML with large
 * targets (zmp-ui's Input hides the label/control association we need for the error summary links).
 */
import type { HTMLAttributes, ReactNode } from "react";
import { AlertIcon } from "./icons";

export function describedBy(
  id: string,
  hint: ReactNode,
  error: string | null | undefined,
): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="dvc-field__hint">
      {children}
    </p>
  );
}

export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="dvc-field__error">
      <AlertIcon size={18} className="dvc-field__error-icon" />
      <span>{message}</span>
    </p>
  );
}

type InputMode = HTMLAttributes<HTMLInputElement>["inputMode"];

export interface TextInputProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  inputMode?: InputMode;
  type?: "text" | "email" | "tel" | "search";
  autoComplete?: string;
  maxLength?: number;
  placeholder?: string;
  multiline?: boolean;
  /** Shown after the label: "Đã điền sẵn từ hồ sơ của bạn". */
  badge?: ReactNode;
  /** Extra content under the control (a button, a suffix note). */
  after?: ReactNode;
  width?: "full" | "short";
}

export function TextInput({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  onBlur,
  inputMode,
  type = "text",
  autoComplete = "off",
  maxLength,
  placeholder,
  multiline = false,
  badge,
  after,
  width = "full",
}: TextInputProps) {
  const common = {
    id,
    name: id,
    value,
    maxLength,
    placeholder,
    onBlur,
    "aria-describedby": describedBy(id, hint, error),
    "aria-invalid": error ? true : undefined,
    className: `dvc-input dvc-input--${width}${error ? " dvc-input--error" : ""}`,
  };
  return (
    <div className={`dvc-field${error ? " dvc-field--error" : ""}`}>
      <label className="dvc-field__label" htmlFor={id}>
        {label}
        {badge}
      </label>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} message={error} />
      {multiline ? (
        <textarea {...common} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          autoCorrect="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {after}
    </div>
  );
}
