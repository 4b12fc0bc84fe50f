import { useEffect, useState } from "react";
import { MAX_PROCEDURE_QUERY_LENGTH } from "../../api/procedures";
import { useProcedureSearch } from "../../citizen/use-procedure-search";
import type { ComposerForm } from "./composer-form";

/**
 * An optional procedure the notice points to ("Nộp hồ sơ" button), found in the same catalog the
 * citizen searches.
 */
export function ProcedureField({
  procedure,
  error,
  onChange,
}: {
  procedure: ComposerForm["procedure"];
  error: string | undefined;
  onChange: (procedure: ComposerForm["procedure"]) => void;
}) {
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useProcedureSearch(query);
  return (
    <fieldset className={`dvc-fieldset${error ? " dvc-field--error" : ""}`}>
      <legend className="dvc-field__label">Thủ tục liên quan (không bắt buộc)</legend>
      <p className="dvc-field__hint">Người dân nhận thêm nút “Nộp hồ sơ” mở thẳng thủ tục này.</p>
      {error ? <p className="dvc-field__error">{error}</p> : null}
      {procedure ? (
        <div className="dvc-notice-procedure">
          <p className="dvc-text">
            Đã chọn: <strong>{procedure.title}</strong>
          </p>
          <button
            type="button"
            className="dvc-officer-button dvc-officer-button--secondary"
            onClick={() => onChange(null)}
          >
            Bỏ thủ tục
          </button>
        </div>
      ) : (
        <>
          <label className="dvc-visually-hidden" htmlFor="notice-procedure-search">
            Tìm thủ tục
          </label>
          <input
            id="notice-procedure-search"
            type="search"
            className="dvc-input"
            placeholder="Tìm thủ tục, ví dụ: khai sinh"
            maxLength={MAX_PROCEDURE_QUERY_LENGTH}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          {search.status === "ready" ? (
            search.procedures.length === 0 ? (
              <p className="dvc-field__hint">Không tìm thấy thủ tục nào.</p>
            ) : (
              <ul className="dvc-notice-procedure__results">
                {search.procedures.slice(0, 8).map((found) => (
                  <li key={found.code}>
                    <button
                      type="button"
                      className="dvc-notice-procedure__pick"
                      onClick={() => onChange({ code: found.code, title: found.title })}
                    >
                      {found.title}
                    </button>
                  </li>
                ))}
              </ul>
            )
          ) : null}
          {search.status === "error" ? <p className="dvc-field__hint">{search.message}</p> : null}
        </>
      )}
    </fieldset>
  );
}
