import type { Fee, ProcedureDefinition } from "@dvc/shared/procedures/definition";
import { feeAmountText, feeRows } from "@dvc/shared/procedures/procedure-text";
import { CheckIcon, FileIcon } from "../ui/icons";

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

/** Each fee once: channels that cost the same share a row ("Nộp trực tuyến, trực tiếp hoặc qua bưu chính"). */
export function FeeList({ fees }: { fees: Fee[] }) {
  if (fees.length === 0) return <p className="dvc-text">Không mất phí.</p>;
  return (
    <dl className="dvc-facts" data-testid="fee-list">
      {feeRows(fees).map(({ label, fee }) => (
        <div key={label} className="dvc-facts__row">
          <dt>{label}</dt>
          <dd>
            <strong>{feeAmountText(fee)}</strong>
            {fee.description ? <span className="dvc-facts__note">{fee.description}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
