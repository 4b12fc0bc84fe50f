/** Attachments: uploaded one by one as soon as they are picked, then referenced from the answers. */
import { type UploadedFile, uploadedFileSchema } from "@dvc/shared/api/dossiers";
import { z } from "zod";
import { parseAnswer, request, requestRaw } from "./http";

/** A photo over a slow 3G line: 1 MB at ~50 kB/s. */
const UPLOAD_TIMEOUT_MS = 60_000;

/** Where an upload belongs: a draft being filled, or a dossier answering a supplement request. */
export type UploadTarget = { draftId: string } | { dossierCode: string };

export function uploadFile(input: {
  file: Blob;
  name: string;
  target: UploadTarget;
  /** The attachment field of the form (a top-level field id). */
  fieldId: string;
  signal?: AbortSignal;
}): Promise<UploadedFile> {
  const form = new FormData();
  form.append("file", input.file, input.name);
  if ("draftId" in input.target) form.append("draftId", input.target.draftId);
  else form.append("dossierCode", input.target.dossierCode);
  form.append("fieldId", input.fieldId);
  return request("/api/files", uploadedFileSchema, {
    method: "POST",
    form,
    timeoutMs: UPLOAD_TIMEOUT_MS,
    signal: input.signal,
  });
}

/**
 * The bytes of an uploaded file (for a thumbnail after a reload). The route answers with the file
 * itself; `requestRaw` reads JSON, so this one fetches through the same auth with its own reader.
 */
export async function fetchFileBlob(fileId: string, signal?: AbortSignal): Promise<Blob> {
  const body = await requestRaw(`/api/files/${encodeURIComponent(fileId)}`, {
    signal,
    headers: { Accept: "image/*,application/pdf" },
    binary: true,
  });
  if (!isBlob(body)) return parseAnswer(body, z.never());
  return body;
}

/** Duck-typed: in tests the fetch Blob and the page's Blob are different classes. */
function isBlob(value: unknown): value is Blob {
  return typeof value === "object" && value !== null && "arrayBuffer" in value && "size" in value;
}
