import { useState } from "react";
import { ApiError } from "../../api";
import { officerFile } from "../api/officer-http";

/** One uploaded file as an answer holds it (uploadedFileSchema): its id and the name the citizen gave. */
export interface AttachmentRef {
  fileId: string;
  name: string;
}

/** The file references of an attachment answer; anything else (an older shape, a typo) is skipped. */
export function attachmentsOf(answer: unknown): AttachmentRef[] {
  if (!Array.isArray(answer)) return [];
  return answer.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { fileId, name } = item as { fileId?: unknown; name?: unknown };
    return typeof fileId === "string"
      ? [{ fileId, name: typeof name === "string" ? name : "Tệp đính kèm" }]
      : [];
  });
}

/**
 * The attachments of one field, each a button that opens the file in a new tab. The file is fetched
 * with the officer's token (a plain link could not carry it), then shown from memory: the server lets
 * only this commune's officers read it, and records that they did.
 */
export function AttachmentLinks({
  dossierCode,
  files,
}: {
  dossierCode: string;
  files: readonly AttachmentRef[];
}) {
  const [error, setError] = useState<string | null>(null);
  const open = async (file: AttachmentRef) => {
    setError(null);
    // Opened before the fetch, while the click still counts as the officer's: a tab opened after an
    // await is blocked as a pop-up.
    const tab = window.open("", "_blank");
    try {
      const blob = await officerFile(
        `/api/officer/dossiers/${encodeURIComponent(dossierCode)}/files/${encodeURIComponent(file.fileId)}`,
      );
      const url = URL.createObjectURL(blob);
      if (tab) tab.location.href = url;
      else window.location.assign(url);
    } catch (caught) {
      tab?.close();
      setError(caught instanceof ApiError ? caught.message : "Không mở được tệp. Vui lòng thử lại.");
    }
  };
  return (
    <span className="dvc-attachments">
      {files.map((file) => (
        <button key={file.fileId} type="button" className="dvc-link-button" onClick={() => void open(file)}>
          {file.name}
        </button>
      ))}
      {error ? (
        <span role="alert" className="dvc-attachments__error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
