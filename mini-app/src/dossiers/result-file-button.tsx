import { useState } from "react";
import { Button } from "zmp-ui";
import { fetchFileBlob } from "../api/files";

/**
 * "Tải kết quả": the dossier's electronic result, fetched with the citizen's session (only its owner may
 * read it) and saved as a file on the phone (or the computer, in the preview).
 */
export function ResultFileButton({ file }: { file: { fileId: string; name: string } }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const blob = await fetchFileBlob(file.fileId);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = file.name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "Chưa tải được kết quả. Vui lòng thử lại.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="dvc-section" aria-labelledby="dvc-result-title">
      <h2 id="dvc-result-title" className="dvc-section__title">
        Kết quả điện tử
      </h2>
      <p className="dvc-muted">{file.name}</p>
      <Button size="large" fullWidth loading={busy} onClick={() => void download()}>
        Tải kết quả
      </Button>
      {problem ? (
        <p role="alert" className="dvc-field__error">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
