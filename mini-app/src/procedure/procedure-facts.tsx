import type { Fee, LegalTime, ProcedureDefinition } from "@dvc/shared/procedures/definition";
import { formatVnd } from "../ui/format";
import { CheckIcon, FileIcon } from "../ui/icons";

const CHANNEL_LABEL: Record<Fee["channel"], string> = {
  online: "Nộp trực tuyến",
  direct: "Nộp trực tiếp",
  postal: "Nộp qua bưu chính",
};

export function legalTimeText(time: LegalTime): string {
  if (time.kind === "same_day") {
    return "Trong ngày làm việc, nếu hồ sơ đến trước 15:00. Đến sau 15:00 thì có kết quả trong ngày làm việc tiếp theo.";
  }
  return `${time.days} ngày làm việc kể từ khi hồ sơ được tiếp nhận.`;
}

function feeText(fee: Fee): string {
  if (fee.amountVnd === null) return "Theo mức do HĐND thành phố quy định";
  return fee.amountVnd === 0 ? "Miễn phí" : formatVnd(fee.amountVnd);
}

/** What to have ready: papers to photograph, and those the officer looks up so the citizen does not. */
export function DocumentList({ documents }: { documents: ProcedureDefinition["documents"] }) {
  return (
    <ul className="dvc-docs">
      {documents.map((document) => (
        <li key={document.id} className={`dvc-doc${document.pulledFromDatabase ? " dvc-doc--lookup" : ""}`}>
          {document.pulledFromDatabase ? (
            <CheckIcon size={22} className="dvc-doc__icon" />
          ) : (
            <FileIcon size={22} className="dvc-doc__icon" />
          )}
          <span className="dvc-doc__text">
            <span className="dvc-doc__name">
              {document.name}
              {!document.pulledFromDatabase ? (
                <span className={`dvc-tag${document.required ? "" : " dvc-tag--soft"}`}>
                  {document.required ? "Bắt buộc" : "Khi cần"}
                </span>
              ) : null}
            </span>
            {document.pulledFromDatabase ? (
              <span className="dvc-doc__lookup">Cán bộ tự tra cứu, bạn không cần nộp</span>
            ) : null}
            {document.attachmentField && !document.pulledFromDatabase ? (
              <span className="dvc-doc__when">Bạn chụp ảnh ngay trong lúc khai.</span>
            ) : null}
            {document.when ? <span className="dvc-doc__when">{document.when}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function FeeList({ fees }: { fees: Fee[] }) {
  if (fees.length === 0) return <p className="dvc-text">Không mất phí.</p>;
  const online = fees.filter((fee) => fee.channel === "online");
  const shown = online.length > 0 ? [...online, ...fees.filter((fee) => fee.channel !== "online")] : fees;
  return (
    <dl className="dvc-facts">
      {shown.map((fee) => (
        <div key={fee.channel} className="dvc-facts__row">
          <dt>{CHANNEL_LABEL[fee.channel]}</dt>
          <dd>
            <strong>{feeText(fee)}</strong>
            {fee.description ? <span className="dvc-facts__note">{fee.description}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
