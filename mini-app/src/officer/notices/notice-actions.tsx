import { noticeReturnInputSchema, type OfficerNotice } from "@dvc/shared/api/notices";
import { vietnameseIssueMessage } from "@dvc/shared/api/zod-vietnamese";
import { type FormEvent, useRef, useState } from "react";
import { noticeStep, returnNotice } from "../api/notice-api";
import { type Failure, failureOf } from "./action-failure";
import { FailureAlert } from "./failure-alert";
import { Field } from "./field";

type Busy = null | "submit" | "approve" | "return" | "cancel";

/**
 * What this officer may do now, as the server's `can` says: send for approval, approve or return with a
 * comment (a leader of the commune who is not the author), cancel (after a confirmation), edit.
 */
export function NoticeActions({
  notice,
  onEdit,
  onChanged,
  onReload,
}: {
  notice: OfficerNotice;
  onEdit: () => void;
  onChanged: (done: string) => void;
  /** After a 409: read the notice again. */
  onReload: () => void;
}) {
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [comment, setComment] = useState("");
  const [confirmCancel, setConfirmCancel] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);

  const run = async (action: Exclude<Busy, null>, call: () => Promise<void>, done: string) => {
    if (busy) return;
    setBusy(action);
    setFailure(null);
    try {
      await call();
      setComment("");
      setConfirmCancel(false);
      onChanged(done);
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(null);
    }
  };
  const sendReturn = (event: FormEvent) => {
    event.preventDefault();
    const parsed = noticeReturnInputSchema.safeParse(
      { version: notice.version, comment },
      { error: vietnameseIssueMessage },
    );
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "Vui lòng ghi điều cần sửa.";
      setFailure({ message, fields: { comment: message }, retryable: false, conflict: false });
      return;
    }
    void run(
      "return",
      () => returnNotice(notice.id, notice.version, comment),
      "Đã trả lại thông báo để cán bộ sửa.",
    );
  };
  const { can } = notice;
  if (!can.edit && !can.submit && !can.review && !can.cancel) return null;
  return (
    <section className="dvc-officer-card dvc-notice-actions" aria-labelledby="notice-actions-title">
      <h2 id="notice-actions-title" className="dvc-notice-section-title">
        Thao tác
      </h2>
      <div className="dvc-notice-actions__row">
        {can.edit ? (
          <button type="button" className="dvc-officer-button dvc-officer-button--secondary" onClick={onEdit}>
            Sửa thông báo
          </button>
        ) : null}
        {can.submit ? (
          <button
            type="button"
            className="dvc-officer-button dvc-officer-button--primary"
            aria-disabled={busy !== null}
            onClick={() =>
              void run(
                "submit",
                () => noticeStep(notice.id, "submit", notice.version),
                "Đã gửi thông báo để lãnh đạo duyệt.",
              )
            }
          >
            {busy === "submit" ? "Đang gửi duyệt…" : "Gửi duyệt"}
          </button>
        ) : null}
        {can.review ? (
          <button
            type="button"
            className="dvc-officer-button dvc-officer-button--primary"
            aria-disabled={busy !== null}
            onClick={() =>
              void run(
                "approve",
                () => noticeStep(notice.id, "approve", notice.version),
                notice.scheduledAt
                  ? "Đã duyệt. Thông báo sẽ gửi đúng giờ hẹn."
                  : "Đã duyệt. Thông báo đang được gửi.",
              )
            }
          >
            {busy === "approve" ? "Đang duyệt…" : "Duyệt và cho gửi"}
          </button>
        ) : null}
      </div>
      {can.review ? (
        <form className="dvc-notice-return" noValidate onSubmit={sendReturn}>
          <Field
            id="notice-return-comment"
            label="Trả lại để sửa: điều cần sửa"
            hint="Cán bộ soạn sẽ thấy nhận xét này."
            error={failure?.fields.comment}
          >
            {(aria) => (
              <textarea
                {...aria}
                className="dvc-input"
                rows={3}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
              />
            )}
          </Field>
          <button
            type="submit"
            className="dvc-officer-button dvc-officer-button--secondary"
            aria-disabled={busy !== null}
          >
            {busy === "return" ? "Đang trả lại…" : "Trả lại"}
          </button>
        </form>
      ) : null}
      {can.cancel ? (
        confirmCancel ? (
          <div className="dvc-notice-confirm">
            <p id="notice-cancel-question" className="dvc-text">
              Huỷ thông báo này? Thông báo sẽ không được gửi; việc huỷ không hoàn tác được.
            </p>
            <button
              type="button"
              className="dvc-officer-button dvc-officer-button--danger"
              aria-disabled={busy !== null}
              // biome-ignore lint/a11y/noAutofocus: the question was just asked; the answer is here.
              autoFocus
              onClick={() =>
                void run("cancel", () => noticeStep(notice.id, "cancel", notice.version), "Đã huỷ thông báo.")
              }
            >
              {busy === "cancel" ? "Đang huỷ…" : "Huỷ thông báo"}
            </button>
            <button
              type="button"
              className="dvc-officer-button dvc-officer-button--secondary"
              onClick={() => {
                setConfirmCancel(false);
                setTimeout(() => cancelButton.current?.focus(), 0);
              }}
            >
              Không huỷ
            </button>
          </div>
        ) : (
          <button
            ref={cancelButton}
            type="button"
            className="dvc-link-button dvc-notice-actions__cancel"
            onClick={() => setConfirmCancel(true)}
          >
            Huỷ thông báo…
          </button>
        )
      ) : null}
      <FailureAlert failure={failure} kept={comment !== ""} onReload={onReload} />
    </section>
  );
}
