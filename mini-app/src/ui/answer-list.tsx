import type { SummaryItem } from "@dvc/shared/forms/engine/index";

/**
 * A step's answers as label and value, read only: the review page before sending and the tracking
 * page's "Thông tin đã nộp" show them alike, so what was filed reads as what was checked.
 */
export function AnswerList({ items }: { items: readonly SummaryItem[] }) {
  return (
    <dl className="dvc-review__list">
      {items.map((item) => (
        <div key={item.fieldId} className="dvc-review__row">
          <dt>{item.label}</dt>
          <dd>{item.display}</dd>
        </div>
      ))}
    </dl>
  );
}
