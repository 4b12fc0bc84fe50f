import type { CommuneSummary } from "@dvc/shared/api/units";
import { ChevronRightIcon } from "../ui/icons";

/**
 * Search results as a list of buttons, one per commune. A row's accessible name starts with the
 * commune's name, then its type and any old name that matched, so a screen reader reads what is seen.
 */
export function CommuneList({
  communes,
  chosenCode,
  busy,
  onPick,
}: {
  communes: CommuneSummary[];
  chosenCode: string | null;
  busy: boolean;
  onPick: (commune: CommuneSummary) => void;
}) {
  return (
    <ul className="dvc-commune-list" aria-busy={busy} aria-label="Danh sách xã/phường">
      {communes.map((commune) => (
        <li key={commune.code}>
          <button
            type="button"
            className="dvc-commune-row"
            aria-current={commune.code === chosenCode ? "true" : undefined}
            onClick={() => onPick(commune)}
          >
            <span className="dvc-commune-row__text">
              <span className="dvc-commune-row__name">{commune.name}</span>
              <span className="dvc-commune-row__meta">
                {commune.type}
                {commune.code === chosenCode ? <span className="dvc-badge">Đang chọn</span> : null}
              </span>
              {commune.matchedOldNames.length > 0 ? (
                <span className="dvc-commune-row__old">Trước đây: {commune.matchedOldNames.join("; ")}</span>
              ) : null}
            </span>
            <ChevronRightIcon size={20} className="dvc-commune-row__chevron" />
          </button>
        </li>
      ))}
    </ul>
  );
}
