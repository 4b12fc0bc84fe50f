/**
 * A counter under a text box with a length limit, instead of the box's maxLength: a browser's maxLength
 * cuts what is typed or pasted without a word, so a long name would lose its end unnoticed. The counter
 * shows near the limit; over it, it says how much to remove, and a screen reader hears that once.
 */
export function LengthNote({
  id,
  value,
  max,
  error,
}: {
  id: string;
  value: string;
  max: number;
  /** The field's error, when shown: it already says the length, so the note stays silent. */
  error?: string | null;
}) {
  const length = [...value.trim()].length;
  const over = length > max && !error;
  return (
    <p id={`${id}-count`} className="dvc-length-note" aria-live="polite">
      {over ? (
        <span className="dvc-field__error">
          Đã nhập {length} ký tự, tối đa {max}: hãy bớt {length - max} ký tự
        </span>
      ) : length >= Math.floor(max * 0.8) && length <= max ? (
        <span className="dvc-field__hint" aria-hidden="true">
          {length}/{max} ký tự
        </span>
      ) : null}
    </p>
  );
}
