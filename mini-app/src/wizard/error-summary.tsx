import type { FieldError } from "@dvc/shared/forms/engine/index";
import { useEffect, useRef } from "react";
import { inputId, wrapperId } from "./fields/field-types";

/** The element to move to for an error path: its control, else the block around it, else its parent's. */
export function focusField(path: string): void {
  const segments = path.split(".");
  for (let length = segments.length; length > 0; length -= 1) {
    const prefix = segments.slice(0, length).join(".");
    const control = document.getElementById(inputId(prefix));
    const block = document.getElementById(wrapperId(prefix));
    const target =
      control ?? block?.querySelector<HTMLElement>("input, select, textarea, button") ?? block ?? null;
    if (target) {
      target.scrollIntoView?.({ block: "center" });
      target.focus({ preventScroll: true });
      return;
    }
  }
}

/**
 * GOV.UK's error summary: at the top, announced, focused when it appears, one link per problem that
 * moves to the field. The same messages show beside the fields.
 */
export function ErrorSummary({
  errors,
  shownAt,
  onSelect = (error) => focusField(error.path),
}: {
  errors: FieldError[];
  shownAt: number;
  /** What a link does; by default it moves to the field on this page. */
  onSelect?: (error: FieldError) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus each time "Tiếp tục" finds problems.
  useEffect(() => {
    if (errors.length > 0) {
      box.current?.scrollIntoView?.({ block: "start" });
      box.current?.focus({ preventScroll: true });
    }
  }, [shownAt]);
  if (errors.length === 0) return null;
  return (
    <div ref={box} className="dvc-error-summary" role="alert" tabIndex={-1} aria-labelledby="dvc-error-title">
      <h2 id="dvc-error-title" className="dvc-error-summary__title">
        {errors.length === 1 ? "Có 1 mục cần sửa" : `Có ${errors.length} mục cần sửa`}
      </h2>
      <ul className="dvc-error-summary__list">
        {errors.map((error) => (
          <li key={`${error.path}:${error.message}`}>
            <a
              href={`#${inputId(error.path)}`}
              onClick={(event) => {
                event.preventDefault();
                onSelect(error);
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The first message per path, for the fields to show beside themselves. */
export function errorsByPath(errors: FieldError[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const error of errors) if (!map.has(error.path)) map.set(error.path, error.message);
  return map;
}
