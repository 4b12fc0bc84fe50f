import type { AttachmentRef } from "@dvc/shared/forms/answers";
import { FileIcon, TrashIcon } from "../../ui/icons";
import { usePreviewUrl, useThumbnail } from "./attachment-thumbnail";

export interface PendingUpload {
  localId: string;
  blob: Blob;
  name: string;
  /** Why the upload failed, or null while it runs. */
  failure: string | null;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

export function AttachmentTiles({
  refs,
  pending,
  onRemove,
  onRetry,
}: {
  refs: AttachmentRef[];
  pending: PendingUpload[];
  onRemove: (fileId: string) => void;
  onRetry: (item: PendingUpload) => void;
}) {
  if (refs.length === 0 && pending.length === 0) return null;
  return (
    <ul className="dvc-tiles" aria-label="Tệp đã chọn">
      {refs.map((ref) => (
        <UploadedTile key={ref.fileId} file={ref} onRemove={() => onRemove(ref.fileId)} />
      ))}
      {pending.map((item) => (
        <PendingTile key={item.localId} item={item} onRetry={() => onRetry(item)} />
      ))}
    </ul>
  );
}

function Picture({ url, name }: { url: string | null; name: string }) {
  return url ? (
    <img className="dvc-tile__image" src={url} alt={name} />
  ) : (
    <span className="dvc-tile__placeholder">
      <FileIcon size={32} />
    </span>
  );
}

function UploadedTile({ file, onRemove }: { file: AttachmentRef; onRemove: () => void }) {
  const url = useThumbnail(file.fileId, file.mimeType);
  return (
    <li className="dvc-tile">
      <Picture url={url} name={file.name} />
      <span className="dvc-tile__text">
        <span className="dvc-tile__name">{file.name}</span>
        <span className="dvc-tile__meta">Đã tải lên · {sizeText(file.sizeBytes)}</span>
      </span>
      <button type="button" className="dvc-tile__remove" onClick={onRemove} aria-label={`Xoá ${file.name}`}>
        <TrashIcon size={20} />
        <span>Xoá</span>
      </button>
    </li>
  );
}

function PendingTile({ item, onRetry }: { item: PendingUpload; onRetry: () => void }) {
  const url = usePreviewUrl(item.blob);
  return (
    <li className={`dvc-tile${item.failure ? " dvc-tile--failed" : ""}`}>
      <Picture url={url} name={item.name} />
      <span className="dvc-tile__text">
        <span className="dvc-tile__name">{item.name}</span>
        {item.failure ? (
          <span className="dvc-tile__meta dvc-tile__meta--error" role="alert">
            {item.failure}
          </span>
        ) : (
          <span className="dvc-tile__meta" role="status">
            Đang tải lên…
          </span>
        )}
      </span>
      {item.failure ? (
        <button type="button" className="dvc-tile__retry" onClick={onRetry}>
          Thử lại
        </button>
      ) : (
        <span className="dvc-spinner" aria-hidden="true" />
      )}
    </li>
  );
}
