import type { ProcedureSummary } from "@dvc/shared/api/procedures";
import { useState } from "react";
import { useNavigate } from "zmp-ui";
import { MAX_PROCEDURE_QUERY_LENGTH } from "../api/procedures";
import { procedurePath } from "../routes";
import { ChevronRightIcon, SearchIcon } from "../ui/icons";
import { Notice } from "../ui/notice";
import { useDebouncedValue } from "../ui/use-debounced-value";
import { POPULAR_PROCEDURES } from "./popular";
import { type ProcedureSearch, useProcedureSearch } from "./use-procedure-search";

const SEARCH_DEBOUNCE_MS = 300;

/** "Bạn cần làm thủ tục gì?": a search over the catalog, and the common procedures before typing. */
export function ProcedureSearchCard() {
  const [query, setQuery] = useState("");
  const search = useProcedureSearch(useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS));
  return (
    <section className="dvc-card dvc-card--lead" aria-labelledby="dvc-search-label">
      <label id="dvc-search-label" htmlFor="dvc-procedure-q" className="dvc-card__title">
        Bạn cần làm thủ tục gì?
      </label>
      {/* A hint, not a placeholder: it wraps at 200 % zoom and stays once the citizen types. */}
      <p id="dvc-procedure-q-hint" className="dvc-search__hint">
        Ví dụ: khai sinh, tạm trú
      </p>
      <div className="dvc-search">
        <SearchIcon size={22} className="dvc-search__icon" />
        <input
          id="dvc-procedure-q"
          type="search"
          className="dvc-search__input"
          aria-describedby="dvc-procedure-q-hint"
          value={query}
          maxLength={MAX_PROCEDURE_QUERY_LENGTH}
          onChange={(event) => setQuery(event.target.value)}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="search"
        />
      </div>
      {query.trim() === "" ? <Popular /> : <Results search={search} />}
    </section>
  );
}

function Popular() {
  const navigate = useNavigate();
  return (
    <>
      <h2 className="dvc-card__label">Thủ tục hay dùng</h2>
      <ul className="dvc-chips">
        {POPULAR_PROCEDURES.map((procedure) => (
          <li key={procedure.code}>
            <button
              type="button"
              className="dvc-chip"
              onClick={() => navigate(procedurePath(procedure.code))}
            >
              {procedure.title}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function Results({ search }: { search: ProcedureSearch & { retry: () => void } }) {
  const navigate = useNavigate();
  if (search.status === "error") {
    return (
      <Notice tone="error" title={search.message} action={{ label: "Thử lại", onClick: search.retry }} />
    );
  }
  const procedures: ProcedureSummary[] | null =
    search.status === "ready" ? search.procedures : search.status === "loading" ? search.previous : null;
  if (procedures === null)
    return (
      <p className="dvc-muted" role="status">
        Đang tìm…
      </p>
    );
  if (procedures.length === 0 && search.status === "ready") {
    return (
      <Notice tone="empty" title="Chưa tìm thấy thủ tục phù hợp.">
        Hãy gõ ngắn hơn, ví dụ “khai sinh”, “tạm trú”. Không cần gõ dấu.
      </Notice>
    );
  }
  return (
    <ul className="dvc-rows" aria-busy={search.status === "loading"} aria-label="Kết quả tìm kiếm">
      {procedures.map((procedure) => (
        <li key={procedure.code}>
          <button type="button" className="dvc-row" onClick={() => navigate(procedurePath(procedure.code))}>
            <span className="dvc-row__text">
              <span className="dvc-row__title">{procedure.title}</span>
              <span className="dvc-row__meta">
                {procedure.sector}
                {procedure.online ? <span className="dvc-tag">Nộp trên Zalo</span> : null}
              </span>
            </span>
            <ChevronRightIcon size={20} className="dvc-row__chevron" />
          </button>
        </li>
      ))}
    </ul>
  );
}
