import type { DossierStatus } from "@dvc/shared/dossier/status";

const TONE: Partial<Record<DossierStatus, "warn" | "danger" | "success">> = {
  supplement_requested: "warn",
  payment_requested: "warn",
  refused: "danger",
  stopped: "danger",
  withdrawn: "danger",
  result_ready: "success",
  returned: "success",
};

/** The dossier's status in the national wording, coloured by what the citizen has to do. */
export function StatusTag({ status, label }: { status: DossierStatus; label: string }) {
  return <span className={`dvc-status dvc-status--${TONE[status] ?? "info"}`}>{label}</span>;
}
