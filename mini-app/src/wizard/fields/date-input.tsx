import type { ReactNode } from "react";
import { TextInput } from "../../ui/text-input";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Prefilled dates arrive ISO ("1990-05-02"); a person reads and types "02/05/1990". */
export function shownDate(value: unknown): string {
  if (typeof value !== "string") return "";
  const iso = ISO.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}

/**
 * Adds the "/" while the citizen types digits ("05" → "05/", "0509" → "05/09/"), only when typing
 * forward, so deleting is never fought. Eight bare digits become a full date.
 */
export function withSlashes(previous: string, next: string): string {
  if (/^\d{8}$/.test(next)) return `${next.slice(0, 2)}/${next.slice(2, 4)}/${next.slice(4)}`;
  if (next.length <= previous.length) return next;
  if (/^\d{2}$/.test(next) || /^\d{1,2}\/\d{2}$/.test(next)) return `${next}/`;
  return next;
}

export function DateInput({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  badge,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  value: unknown;
  onChange: (value: string) => void;
  badge?: ReactNode;
}) {
  const shown = shownDate(value);
  return (
    <TextInput
      id={id}
      label={label}
      hint={
        <>
          {hint ? <span className="dvc-field__hint-line">{hint}</span> : null}
          <span className="dvc-field__hint-line">Ghi ngày/tháng/năm, ví dụ 05/09/2024</span>
        </>
      }
      error={error}
      value={shown}
      onChange={(next) => onChange(withSlashes(shown, next))}
      inputMode="numeric"
      maxLength={10}
      width="short"
      badge={badge}
    />
  );
}
