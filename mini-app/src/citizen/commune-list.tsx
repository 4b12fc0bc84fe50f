import type { CommuneSummary } from "@dvc/shared/api/units";
import { ChevronRightIcon } from "../ui/icons";
import { bareCommuneName, provinceShortName } from "./commune-names";

/**
 * Search results as a list of buttons, one per commune: the name big ("Bạch Mai"), then its type and
 * province ("Phường · Hà Nội") — the type said once, not in every name — and any old name that matched.
 * A row's accessible name reads the same, in that order.
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
      {communes.map((commune) => {
        const shortName = bareCommuneName(commune.name, commune.type);
        const province = provinceShortName(commune.provinceCode);
        return (
          <li key={commune.code}>
            <button
              type="button"
              className="dvc-commune-row"
              aria-current={commune.code === chosenCode ? "true" : undefined}
              onClick={() => onPick(commune)}
            >
              {/* The name is read from what is shown, so it contains the visible label (WCAG 2.5.3, axe's
                label-content-name-mismatch); the type, shown after, is read first, where people say it. */}
              <span className="dvc-commune-row__text">
                {shortName !== commune.name ? (
                  <>
                    <span className="dvc-visually-hidden">{commune.type}</span>{" "}
                  </>
                ) : null}
                <span className="dvc-commune-row__name">{shortName}</span>
                <span className="dvc-commune-row__meta">
                  {/* One flex item, so the dot sits one space from each word, not a gap apart. */}
                  <span>
                    <span aria-hidden={shortName !== commune.name ? "true" : undefined}>{commune.type}</span>
                    {province ? ` · ${province}` : null}
                  </span>
                  {commune.code === chosenCode ? <span className="dvc-badge">Đang chọn</span> : null}
                </span>
                {commune.matchedOldNames.length > 0 ? (
                  <span className="dvc-commune-row__old">
                    Trước đây: {commune.matchedOldNames.join("; ")}
                  </span>
                ) : null}
              </span>
              <ChevronRightIcon size={20} className="dvc-commune-row__chevron" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
