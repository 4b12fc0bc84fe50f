import type { DashboardSummary } from "@dvc/shared/api/dashboard";
import { figuresOf } from "./figures";

/** The eight figures, each with what it counts and its legal name; a list, so it reads in order. */
export function FigureCards({ summary }: { summary: DashboardSummary }) {
  return (
    <ul className="dvc-dashboard-cards" aria-label="Số liệu chính">
      {figuresOf(summary).map((figure) => (
        <li
          key={figure.id}
          className={`dvc-dashboard-card${figure.alert ? " dvc-dashboard-card--alert" : ""}`}
          data-figure={figure.id}
        >
          <span className="dvc-dashboard-card__label">{figure.label}</span>
          <span className="dvc-dashboard-card__value">{figure.value}</span>
          <span className="dvc-dashboard-card__detail">{figure.detail}</span>
          <span className="dvc-dashboard-card__legal">{figure.legal}</span>
        </li>
      ))}
    </ul>
  );
}
