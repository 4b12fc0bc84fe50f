import type { ReactNode } from "react";

/**
 * One labelled input with its hint and its error, wired for screen readers: the error is read with the
 * input (aria-describedby) and the input is marked invalid. `children` gets the ids to put on it.
 */
export function Field({
  id,
  label,
  hint,
  error,
  extra,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  extra?: ReactNode;
  children: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`dvc-field${error ? " dvc-field--error" : ""}`}>
      <label className="dvc-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="dvc-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="dvc-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children({
        id,
        ...(error ? { "aria-invalid": true as const } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
      {extra}
    </div>
  );
}

/** "1.234/2.000 ký tự" in Vietnamese digits grouping. */
export function countText(count: number, max?: number): string {
  const n = (value: number) => value.toLocaleString("vi-VN");
  return max === undefined ? `${n(count)} ký tự` : `${n(count)}/${n(max)} ký tự`;
}
