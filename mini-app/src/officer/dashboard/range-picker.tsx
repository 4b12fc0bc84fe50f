import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useCommunes } from "../notices/use-communes";
import { navigateOfficer, OfficerLink, officerPaths } from "../router";
import {
  type DashboardSelection,
  PRESETS,
  presetOf,
  presetRange,
  rangeProblem,
  selectionSearch,
} from "./range";

export const dashboardHref = (selection: DashboardSelection) =>
  `${officerPaths.dashboard}?${selectionSearch(selection)}`;

/**
 * The range (three presets and a custom from/to) and, for a province admin, the commune. Every choice
 * goes into the address, replacing it: the back button leaves the dashboard instead of undoing ranges.
 */
export function RangePicker({
  selection,
  now,
  admin,
}: {
  selection: DashboardSelection;
  now: Date;
  admin: boolean;
}) {
  const current = presetOf(selection, now);
  return (
    <search className="dvc-filters dvc-dashboard-filters">
      <div>
        <p className="dvc-filters__label" id="dashboard-presets">
          Khoảng thời gian
        </p>
        <ul className="dvc-filters__chips dvc-dashboard-presets" aria-labelledby="dashboard-presets">
          {PRESETS.map((preset) => (
            <li key={preset.id}>
              <OfficerLink
                replace
                href={dashboardHref({ ...presetRange(preset.id, now), commune: selection.commune })}
                className={`dvc-filter-chip dvc-dashboard-chip${current === preset.id ? " dvc-filter-chip--on" : ""}`}
                aria-current={current === preset.id ? "true" : undefined}
              >
                {preset.label}
              </OfficerLink>
            </li>
          ))}
        </ul>
      </div>
      <CustomRange selection={selection} />
      {admin ? <CommuneSelect selection={selection} /> : null}
    </search>
  );
}

function CustomRange({ selection }: { selection: DashboardSelection }) {
  const [from, setFrom] = useState(selection.from);
  const [to, setTo] = useState(selection.to);
  const [problem, setProblem] = useState<string | null>(null);
  // A preset or the back button changed the address: show the range it holds.
  useEffect(() => {
    setFrom(selection.from);
    setTo(selection.to);
    setProblem(null);
  }, [selection.from, selection.to]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = rangeProblem({ from, to });
    setProblem(found);
    if (found === null)
      navigateOfficer(dashboardHref({ from, to, commune: selection.commune }), { replace: true });
  };
  return (
    <form className="dvc-dashboard-custom" onSubmit={submit} aria-label="Chọn khoảng ngày">
      <div className="dvc-dashboard-custom__field">
        <label className="dvc-filters__label" htmlFor="dashboard-from">
          Từ ngày
        </label>
        <input
          id="dashboard-from"
          className="dvc-input"
          type="date"
          value={from}
          aria-invalid={problem !== null}
          aria-describedby={problem ? "dashboard-range-problem" : undefined}
          onChange={(event) => setFrom(event.target.value)}
        />
      </div>
      <div className="dvc-dashboard-custom__field">
        <label className="dvc-filters__label" htmlFor="dashboard-to">
          Đến ngày
        </label>
        <input
          id="dashboard-to"
          className="dvc-input"
          type="date"
          value={to}
          aria-invalid={problem !== null}
          aria-describedby={problem ? "dashboard-range-problem" : undefined}
          onChange={(event) => setTo(event.target.value)}
        />
      </div>
      <button type="submit" className="dvc-officer-button dvc-officer-button--primary">
        Xem
      </button>
      {problem ? (
        <p id="dashboard-range-problem" role="alert" className="dvc-dashboard-custom__problem">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

function CommuneSelect({ selection }: { selection: DashboardSelection }) {
  const found = useCommunes(true);
  // By name, as a leader looks for one; the server lists them by code.
  const communes = useMemo(
    () => (found ? [...found].sort((a, b) => a.name.localeCompare(b.name, "vi")) : null),
    [found],
  );
  return (
    <div className="dvc-dashboard-commune">
      <label className="dvc-filters__label" htmlFor="dashboard-commune">
        Xã/phường
      </label>
      <select
        id="dashboard-commune"
        className="dvc-input dvc-select"
        value={selection.commune ?? ""}
        onChange={(event) =>
          navigateOfficer(dashboardHref({ ...selection, commune: event.target.value || null }), {
            replace: true,
          })
        }
      >
        <option value="">Toàn tỉnh</option>
        {/* The chosen commune stays choosable while the list loads (or if it failed to). */}
        {selection.commune !== null && !communes?.some((c) => c.code === selection.commune) ? (
          <option value={selection.commune}>Mã {selection.commune}</option>
        ) : null}
        {(communes ?? []).map((commune) => (
          <option key={commune.code} value={commune.code}>
            {commune.name}
          </option>
        ))}
      </select>
    </div>
  );
}
