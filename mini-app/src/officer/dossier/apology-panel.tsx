import type { OfficerApology, OfficerDossier } from "@dvc/shared/api/officer";
import { DEFAULT_OFFICE_HOURS } from "@dvc/shared/dossier/office-hours";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { formatDateTime } from "../../ui/format";
import { AlertIcon, CheckIcon } from "../../ui/icons";
import { sendApology } from "../api/officer-api";
import { checkApology, earliestNewDueDate } from "./apology-check";
import { SendFailure } from "./send-failure";
import { useKeyedAction } from "./use-keyed-action";

const FIX_MARKED = "Vui lòng sửa các mục được đánh dấu rồi gửi lại.";

/**
 * A late dossier owes the citizen an apology letter and a new appointment day (Nghị định
 * 61/2018/NĐ-CP; Mẫu 04, Thông tư 01/2018/TT-VPCP). Shown at the top of the dossier while owed; once
 * sent it says so. The form keeps what was typed through any failure, like the status actions.
 */
export function ApologyPanel({
  dossier,
  onSent,
  onReload,
}: {
  dossier: OfficerDossier;
  onSent: (dossier: OfficerDossier) => void;
  onReload: () => void;
}) {
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (!dossier.needsApology) {
    if (!done) return null;
    return (
      <p className="dvc-officer-done" role="status" tabIndex={-1} ref={doneRef}>
        <CheckIcon size={20} />
        <span>{done}</span>
      </p>
    );
  }
  return (
    <section className="dvc-officer-card dvc-apology" aria-labelledby="apology-title">
      <h2 id="apology-title" className="dvc-apology__title">
        <AlertIcon size={24} />
        <span>Hồ sơ đã trễ hẹn — cần gửi thư xin lỗi và hẹn lại ngày trả kết quả</span>
      </h2>
      <p className="dvc-apology__hint">
        Hẹn trả kết quả {formatDateTime(dossier.dueAt)} đã qua. Theo quy định, gửi người dân thư xin lỗi nêu
        lý do trễ hẹn và ngày hẹn mới; người dân nhận qua Zalo và thấy trong Mini App.
      </p>
      <ApologyForm
        dossier={dossier}
        onReload={onReload}
        onSent={(next) => {
          setDone(`Đã gửi thư xin lỗi. Hẹn trả kết quả mới: ${formatDateTime(next.dueAt)}.`);
          onSent(next);
        }}
      />
    </section>
  );
}

function ApologyForm({
  dossier,
  onSent,
  onReload,
}: {
  dossier: OfficerDossier;
  onSent: (dossier: OfficerDossier) => void;
  onReload: () => void;
}) {
  const [newDueDate, setNewDueDate] = useState("");
  const [letter, setLetter] = useState("");
  const { state, send, refuse } = useKeyedAction<OfficerApology>(
    "officer-apology",
    (apology, key) => sendApology(dossier.code, apology, key),
    onSent,
  );
  const failed = state.status === "failed" ? state : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkApology({ newDueDate, letter }, new Date());
    if (!checked.ok) refuse(FIX_MARKED, checked.fields);
    else void send(checked.apology);
  };

  const dateError = failed?.fields.newDueDate;
  const letterError = failed?.fields.letter;
  return (
    <form className="dvc-action-form dvc-apology__form" noValidate onSubmit={submit}>
      <div className={`dvc-field${dateError ? " dvc-field--error" : ""}`}>
        <label className="dvc-field__label" htmlFor="apology-date">
          Ngày hẹn trả kết quả mới
        </label>
        <p className="dvc-field__hint" id="apology-date-hint">
          Một ngày làm việc sau hôm nay; kết quả được hẹn trả trước {DEFAULT_OFFICE_HOURS.close} ngày đó.
        </p>
        {dateError ? (
          <p className="dvc-field__error" id="apology-date-error">
            {dateError}
          </p>
        ) : null}
        <input
          id="apology-date"
          type="date"
          className={`dvc-input dvc-input--short${dateError ? " dvc-input--error" : ""}`}
          min={earliestNewDueDate(new Date())}
          value={newDueDate}
          onChange={(event) => setNewDueDate(event.target.value)}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={dateError ? "apology-date-hint apology-date-error" : "apology-date-hint"}
        />
      </div>
      <div className={`dvc-field${letterError ? " dvc-field--error" : ""}`}>
        <label className="dvc-field__label" htmlFor="apology-letter">
          Thư xin lỗi gửi người dân
        </label>
        <p className="dvc-field__hint" id="apology-letter-hint">
          Nêu lý do trễ hẹn và lời xin lỗi. Ngày hẹn mới được gửi kèm.
        </p>
        {letterError ? (
          <p className="dvc-field__error" id="apology-letter-error">
            {letterError}
          </p>
        ) : null}
        <textarea
          id="apology-letter"
          className={`dvc-input${letterError ? " dvc-input--error" : ""}`}
          rows={4}
          value={letter}
          onChange={(event) => setLetter(event.target.value)}
          aria-invalid={letterError ? true : undefined}
          aria-describedby={letterError ? "apology-letter-hint apology-letter-error" : "apology-letter-hint"}
        />
      </div>
      <SendFailure failed={failed} onReload={onReload} />
      <button
        type="submit"
        className="dvc-officer-button dvc-officer-button--primary"
        aria-disabled={state.status === "sending"}
      >
        {state.status === "sending" ? "Đang gửi…" : failed?.retryable ? "Gửi lại" : "Gửi thư xin lỗi"}
      </button>
    </form>
  );
}
