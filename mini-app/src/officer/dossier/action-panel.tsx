import type { OfficerDossier } from "@dvc/shared/api/officer";
import { DOSSIER_STATUS_INFO } from "@dvc/shared/dossier/status";
import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { useRef, useState } from "react";
import { CheckIcon } from "../../ui/icons";
import { dossierActions } from "./action-catalog";
import { ActionForm } from "./action-form";

/**
 * The moves the status machine allows now, as buttons; the chosen one opens its form below. Every form
 * stays mounted while the officer switches between them (hidden, not removed), so a reason typed
 * under "Từ chối tiếp nhận" is still there after a look at "Yêu cầu bổ sung".
 */
export function ActionPanel({
  dossier,
  form,
  onMoved,
  onReload,
}: {
  dossier: OfficerDossier;
  form: FileableProcedure | null;
  onMoved: (dossier: OfficerDossier) => void;
  onReload: () => void;
}) {
  const actions = dossierActions(dossier.status, dossier.allowedNext);
  const [chosen, setChosen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  const moved = (next: OfficerDossier) => {
    setChosen(null);
    const label = DOSSIER_STATUS_INFO[next.status].officerLabel;
    setDone(`Đã chuyển hồ sơ sang “${label}”. Người dân được báo tin; xem tình trạng gửi ở quá trình xử lý.`);
    onMoved(next);
    // The form that had focus is gone: bring the keyboard to the news instead of the page's top.
    requestAnimationFrame(() => doneRef.current?.focus());
  };

  return (
    <section className="dvc-officer-card dvc-actions-panel" aria-labelledby="actions-title">
      <h2 id="actions-title" className="dvc-section__title">
        Xử lý hồ sơ
      </h2>
      {done ? (
        <p className="dvc-officer-done" role="status" tabIndex={-1} ref={doneRef}>
          <CheckIcon size={20} />
          <span>{done}</span>
        </p>
      ) : null}
      {actions.length === 0 ? (
        <p className="dvc-text">Hồ sơ đã kết thúc, không còn thao tác nào.</p>
      ) : (
        <>
          <div className="dvc-action-buttons">
            {actions.map((action) => (
              <button
                key={action.to}
                type="button"
                className={`dvc-action-choice${chosen === action.to ? " dvc-action-choice--on" : ""}${action.danger ? " dvc-action-choice--danger" : ""}`}
                aria-expanded={chosen === action.to}
                aria-controls={`action-panel-${action.to}`}
                onClick={() => {
                  setDone(null);
                  setChosen(chosen === action.to ? null : action.to);
                }}
              >
                {action.label}
              </button>
            ))}
          </div>
          {actions.map((action) => (
            <div key={action.to} id={`action-panel-${action.to}`} hidden={chosen !== action.to}>
              <ActionForm dossier={dossier} action={action} form={form} onMoved={moved} onReload={onReload} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
