import type { ProcedureSummary } from "@dvc/shared/api/procedures";
import { type FormEvent, useEffect, useState } from "react";
import { searchProcedures } from "../../api/procedures";
import { SearchIcon } from "../../ui/icons";
import type { InboxFilters } from "../api/officer-api";
import { navigateOfficer } from "../router";
import { type DueFilter, inboxHref, MAX_CODE_QUERY_LENGTH } from "./inbox-filters";

const DUE_LABELS: Record<DueFilter, string> = { soon: "Sắp đến hạn", overdue: "Quá hạn" };

/** Search by code, the due-date toggles and the procedure: every change is a new address (replaced). */
export function FilterBar({ filters }: { filters: InboxFilters }) {
  const apply = (change: Partial<InboxFilters>) =>
    navigateOfficer(inboxHref(filters, change), { replace: true });
  return (
    <div className="dvc-filters">
      <CodeSearch value={filters.q ?? ""} onSearch={(q) => apply({ q: q === "" ? undefined : q })} />
      <fieldset className="dvc-filters__due">
        <legend className="dvc-filters__legend">Hạn xử lý</legend>
        <div className="dvc-filters__chips">
          {(["soon", "overdue"] as const).map((due) => (
            <button
              key={due}
              type="button"
              className={`dvc-filter-chip${filters.due === due ? " dvc-filter-chip--on" : ""}${due === "overdue" ? " dvc-filter-chip--late" : ""}`}
              aria-pressed={filters.due === due}
              onClick={() => apply({ due: filters.due === due ? undefined : due })}
            >
              {DUE_LABELS[due]}
            </button>
          ))}
        </div>
      </fieldset>
      <ProcedureSelect value={filters.procedure} onChange={(procedure) => apply({ procedure })} />
    </div>
  );
}

function CodeSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  // The address changed (a tab, the back button): show the search it holds.
  useEffect(() => setText(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <search className="dvc-filters__search">
      <form onSubmit={submit}>
        <label className="dvc-filters__label" htmlFor="inbox-code">
          Tìm theo mã hồ sơ hoặc tên
        </label>
        <div className="dvc-filters__search-row">
          <input
            id="inbox-code"
            className="dvc-input"
            type="search"
            inputMode="text"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={MAX_CODE_QUERY_LENGTH}
            placeholder="Ví dụ 00292- hoặc nguyen van an"
            aria-describedby="inbox-code-hint"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="dvc-officer-button dvc-officer-button--primary">
            <SearchIcon size={20} />
            <span>Tìm</span>
          </button>
        </div>
        <p id="inbox-code-hint" className="dvc-filters__hint">
          Gõ một phần mã hồ sơ, hoặc tên người trong hồ sơ (có dấu hay không dấu đều được).
        </p>
      </form>
    </search>
  );
}

/** The catalog's fileable procedures; without the catalog (offline) the select is simply left out. */
function ProcedureSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
}) {
  const [procedures, setProcedures] = useState<ProcedureSummary[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    searchProcedures("", controller.signal).then(
      (all) => setProcedures(all.filter((procedure) => procedure.online)),
      () => undefined,
    );
    return () => controller.abort();
  }, []);
  if (procedures === null) return null;
  return (
    <div className="dvc-filters__procedure">
      <label className="dvc-filters__label" htmlFor="inbox-procedure">
        Thủ tục
      </label>
      <select
        id="inbox-procedure"
        className="dvc-input dvc-select"
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
      >
        <option value="">Tất cả thủ tục</option>
        {procedures.map((procedure) => (
          <option key={procedure.code} value={procedure.code}>
            {procedure.title}
          </option>
        ))}
      </select>
    </div>
  );
}
