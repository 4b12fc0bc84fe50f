import {
  type OfficerDossier,
  type OfficerStatusChange,
  officerStatusChangeSchema,
} from "@dvc/shared/api/officer";
import { vietnameseIssueMessage } from "@dvc/shared/api/zod-vietnamese";
import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { type FormEvent, useState } from "react";
import { Loading } from "../../ui/notice";
import type { DossierAction } from "./action-catalog";
import { SendFailure } from "./send-failure";
import { SupplementPicker } from "./supplement-picker";
import { useStatusChange } from "./use-status-change";

const FIX_MARKED = "Vui lòng sửa các mục được đánh dấu rồi gửi lại.";
const PICK_UP_REQUIRED =
  "Vui lòng ghi nơi và thời gian nhận kết quả để báo người dân, hoặc chọn tệp kết quả.";
const RESULT_FILE_MAX_BYTES = 5 * 1024 * 1024;
const RESULT_FILE_TYPES = ["application/pdf", "image/jpeg", "image/png"];
const RESULT_FILE_TOO_LARGE = "Tệp kết quả lớn hơn 5 MB. Vui lòng nén tệp PDF hoặc ảnh rồi chọn lại.";
const RESULT_FILE_WRONG_TYPE = "Tệp kết quả phải là tệp PDF hoặc ảnh JPG, PNG. Vui lòng chọn tệp khác.";
/** Stands for the file's id while checking: the real one exists only once the file is uploaded. */
const FILE_ID_TO_COME = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const MESSAGE_REQUIRED = "Vui lòng ghi lời nhắn: cần sửa gì, nộp thêm giấy tờ gì.";

const TEXT_FIELD: Record<
  Exclude<DossierAction["need"], "none">,
  { label: string; hint: string; errorKeys: string[] }
> = {
  reason: {
    label: "Lý do (gửi cho người dân)",
    hint: "Ghi rõ lý do và người dân cần làm gì tiếp theo.",
    errorKeys: ["reason"],
  },
  note: {
    label: "Lời nhắn cho người dân (không bắt buộc)",
    hint: "Ví dụ: số tiền, nơi nộp và hạn nộp.",
    errorKeys: ["reason"],
  },
  pickUp: {
    label: "Nơi và thời gian nhận kết quả",
    hint: "Ví dụ: Bộ phận Một cửa UBND phường, từ 14:00 ngày 15/01/2027; mang theo CCCD. Có thể để trống khi đính kèm tệp kết quả.",
    errorKeys: ["result.pickUp", "result"],
  },
  supplement: {
    label: "Lời nhắn cho người dân",
    hint: "Ghi rõ cần sửa gì, nộp thêm giấy tờ gì.",
    errorKeys: ["supplement.message"],
  },
};

/** The request for this action from what the officer filled in. */
function buildChange(
  action: DossierAction,
  text: string,
  fieldIds: string[],
  hasFile: boolean,
): OfficerStatusChange {
  const { to } = action;
  switch (action.need) {
    case "none":
      return { to };
    case "reason":
      return { to, reason: text };
    case "note":
      return text.trim() === "" ? { to } : { to, reason: text };
    case "pickUp":
      // With a result file the place and time are optional; without one they are what the citizen needs.
      return hasFile && text.trim() === "" ? { to, result: {} } : { to, result: { pickUp: text } };
    case "supplement":
      return { to, supplement: { fieldIds, message: text } };
  }
}

/** The shared schema's checks, worded as the server words them: nothing is sent that it would refuse. */
function checkChange(
  change: OfficerStatusChange,
  hasFile: boolean,
): { ok: true; change: OfficerStatusChange } | { ok: false; fields: Record<string, string> } {
  const checked = hasFile ? { ...change, result: { ...change.result, fileId: FILE_ID_TO_COME } } : change;
  const parsed = officerStatusChangeSchema.safeParse(checked, { error: vietnameseIssueMessage });
  if (parsed.success) {
    if (!hasFile || !parsed.data.result) return { ok: true, change: parsed.data };
    const { fileId: _toCome, ...result } = parsed.data.result;
    return { ok: true, change: { ...parsed.data, result } };
  }
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join(".")] ??= issue.message;
  // The schema's "fill this in" / "write a reason" does not say what to write in these two.
  if (fields["result.pickUp"] !== undefined && !change.result?.pickUp?.trim()) {
    fields["result.pickUp"] = PICK_UP_REQUIRED;
  }
  if (fields["supplement.message"] !== undefined && change.supplement?.message.trim() === "") {
    fields["supplement.message"] = MESSAGE_REQUIRED;
  }
  return { ok: false, fields };
}

/** What is wrong with the chosen result file before it is sent (the server checks its bytes again). */
function resultFileProblem(file: File): string | null {
  if (file.size > RESULT_FILE_MAX_BYTES) return RESULT_FILE_TOO_LARGE;
  if (file.type !== "" && !RESULT_FILE_TYPES.includes(file.type)) return RESULT_FILE_WRONG_TYPE;
  return null;
}

/**
 * One action on the dossier, with what it needs. Whatever happens to the request — refused by the
 * status machine (409), a field refused (400), no connection, the session expired — the typed text
 * and the ticked fields stay, the server's message shows right above the button, and pressing it
 * again sends the same action (with the same Idempotency-Key while the outcome is unknown).
 */
export function ActionForm({
  dossier,
  action,
  form,
  onMoved,
  onReload,
}: {
  dossier: OfficerDossier;
  action: DossierAction;
  /** The form the dossier was filed on; needed only to pick the fields of a supplement. */
  form: FileableProcedure | null;
  onMoved: (dossier: OfficerDossier) => void;
  onReload: () => void;
}) {
  const [text, setText] = useState("");
  const [fieldIds, setFieldIds] = useState<string[]>([]);
  const [resultFile, setResultFile] = useState<File | null>(null);
  const { state, send, refuse } = useStatusChange(dossier.code, onMoved);
  const base = `action-${action.to}`;

  const failed = state.status === "failed" ? state : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const withFile = action.need === "pickUp" ? resultFile : null;
    const fileProblem = withFile ? resultFileProblem(withFile) : null;
    if (fileProblem) {
      refuse(FIX_MARKED, { file: fileProblem });
      return;
    }
    const checked = checkChange(buildChange(action, text, fieldIds, withFile !== null), withFile !== null);
    if (!checked.ok) {
      refuse(FIX_MARKED, checked.fields);
      return;
    }
    void send({ change: checked.change, resultFile: withFile });
  };

  const textField = action.need === "none" ? null : TEXT_FIELD[action.need];
  const fieldError = (keys: string[]) => keys.map((key) => failed?.fields[key]).find(Boolean);
  const textError = textField ? fieldError(textField.errorKeys) : undefined;
  const pickError = fieldError(["supplement.fieldIds", "supplement"]);
  const fileError = fieldError(["file", "result.fileId"]);

  return (
    <form className="dvc-action-form" noValidate onSubmit={submit} aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} className="dvc-action-form__title">
        {action.label}
      </h3>
      <p className="dvc-action-form__hint">{action.hint}</p>
      {action.need === "supplement" ? (
        form ? (
          <SupplementPicker
            form={form}
            answers={dossier.answers}
            selected={fieldIds}
            onChange={setFieldIds}
            error={pickError}
          />
        ) : (
          <Loading text="Đang mở biểu mẫu của hồ sơ…" />
        )
      ) : null}
      {textField ? (
        <div className={`dvc-field${textError ? " dvc-field--error" : ""}`}>
          <label className="dvc-field__label" htmlFor={`${base}-text`}>
            {textField.label}
          </label>
          <p className="dvc-field__hint" id={`${base}-hint`}>
            {textField.hint}
          </p>
          {textError ? (
            <p className="dvc-field__error" id={`${base}-error`}>
              {textError}
            </p>
          ) : null}
          <textarea
            id={`${base}-text`}
            className={`dvc-input${textError ? " dvc-input--error" : ""}`}
            rows={action.need === "pickUp" ? 2 : 4}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={textError ? true : undefined}
            aria-describedby={textError ? `${base}-hint ${base}-error` : `${base}-hint`}
          />
        </div>
      ) : null}
      {action.need === "pickUp" ? (
        <div className={`dvc-field${fileError ? " dvc-field--error" : ""}`}>
          <label className="dvc-field__label" htmlFor={`${base}-file`}>
            Tệp kết quả (PDF hoặc ảnh, tối đa 5 MB)
          </label>
          <p className="dvc-field__hint" id={`${base}-file-hint`}>
            Không bắt buộc. Khi có tệp, người dân tải kết quả trong Mini App; nơi và thời gian nhận khi đó có
            thể để trống.
          </p>
          {fileError ? (
            <p className="dvc-field__error" id={`${base}-file-error`}>
              {fileError}
            </p>
          ) : null}
          <input
            id={`${base}-file`}
            type="file"
            accept={RESULT_FILE_TYPES.join(",")}
            onChange={(event) => setResultFile(event.target.files?.[0] ?? null)}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${base}-file-hint ${base}-file-error` : `${base}-file-hint`}
          />
        </div>
      ) : null}
      <SendFailure failed={failed} onReload={onReload} />
      <button
        type="submit"
        className={`dvc-officer-button ${action.danger ? "dvc-officer-button--danger" : "dvc-officer-button--primary"}`}
        aria-disabled={state.status === "sending"}
      >
        {state.status === "sending" ? "Đang gửi…" : failed?.retryable ? "Gửi lại" : action.confirm}
      </button>
    </form>
  );
}
