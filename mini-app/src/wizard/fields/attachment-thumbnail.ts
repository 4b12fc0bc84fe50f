/**
 * Thumbnails of uploaded files. Just after an upload the picture is already on the phone; after a reload
 * (or on another phone) it is fetched once with the session token — an <img src> could not send it.
 */
import { useEffect, useState } from "react";
import { fetchFileBlob } from "../../api/files";

const urls = new Map<string, string>();
const types = new Map<string, string>();

export function rememberThumbnail(fileId: string, blob: Blob): void {
  if (urls.has(fileId)) return;
  types.set(fileId, blob.type);
  if (blob.type.startsWith("image/")) urls.set(fileId, URL.createObjectURL(blob));
}

/** The picture's URL for <img>, or null while loading, for a PDF, or when it cannot be fetched. */
export function useThumbnail(fileId: string, mimeType: string): string | null {
  const [url, setUrl] = useState(() => urls.get(fileId) ?? null);
  useEffect(() => {
    if (urls.has(fileId)) {
      setUrl(urls.get(fileId) ?? null);
      return;
    }
    if (!mimeType.startsWith("image/")) return;
    const controller = new AbortController();
    fetchFileBlob(fileId, controller.signal).then(
      (blob) => {
        rememberThumbnail(fileId, blob);
        setUrl(urls.get(fileId) ?? null);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [fileId, mimeType]);
  return url;
}

/** A preview URL for a picture not yet uploaded (kept until the upload ends). */
export function usePreviewUrl(blob: Blob): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob.type.startsWith("image/") || typeof URL.createObjectURL !== "function") return;
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}
