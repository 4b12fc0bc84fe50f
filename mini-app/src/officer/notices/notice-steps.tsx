import type { NoticeStep } from "@dvc/shared/api/notices";
import { formatDateTime } from "../../ui/format";

const STEP_LABELS: Readonly<Record<NoticeStep["step"], string>> = {
  draft: "Soạn nháp",
  edit: "Sửa nội dung",
  submit: "Gửi duyệt",
  approve: "Duyệt",
  return: "Trả lại để sửa",
  cancel: "Huỷ thông báo",
  start: "Bắt đầu gửi",
  finish: "Gửi xong",
  resend: "Gửi lại cho những người chưa nhận",
};

/** Who did what and when, newest first, with the leader's comment on a return. */
export function NoticeSteps({ steps }: { steps: NoticeStep[] }) {
  const ordered = [...steps].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="dvc-timeline" aria-label="Các bước, mới nhất trước">
      {ordered.map((step, index) => (
        <li
          key={`${step.at}-${step.step}`}
          className={`dvc-timeline__item${index === 0 ? " dvc-timeline__now" : ""}`}
        >
          <span className="dvc-timeline__label">{STEP_LABELS[step.step]}</span>
          <span className="dvc-timeline__time">
            {formatDateTime(step.at)} · {step.by ?? "Hệ thống"}
          </span>
          {step.comment ? <span className="dvc-timeline__note">“{step.comment}”</span> : null}
        </li>
      ))}
    </ol>
  );
}
