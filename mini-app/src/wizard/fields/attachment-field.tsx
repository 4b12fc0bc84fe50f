import type { AttachmentRef } from "@dvc/shared/forms/answers";
import { useRef, useState } from "react";
import { Button } from "zmp-ui";
import { uploadFile } from "../../api/files";
import { chooseImagesInZalo, compressImage, type ImageSource } from "../../platform/images";
import { isInsideZalo, PlatformError } from "../../platform/zalo";
import { CameraIcon, ImageIcon } from "../../ui/icons";
import { describedBy, FieldError, FieldHint } from "../../ui/text-input";
import { rememberThumbnail } from "./attachment-thumbnail";
import { AttachmentTiles, type PendingUpload } from "./attachment-tiles";
import { inputId, type LeafProps, wrapperId } from "./field-types";

const MEGABYTE = 1024 * 1024;
const NO_UPLOAD = "Chưa tải ảnh lên được ở đây. Vui lòng mang giấy tờ đến xã/phường.";

function asRefs(value: unknown): AttachmentRef[] {
  return Array.isArray(value)
    ? value.filter(
        (item): item is AttachmentRef => typeof item === "object" && item !== null && "fileId" in item,
      )
    : [];
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Chưa tải ảnh lên được. Vui lòng thử lại.";
}

/**
 * Photos (or PDFs) of papers: taken with the camera or picked, made small on the phone, uploaded at
 * once and shown as thumbnails that can be removed. A failed upload stays on screen with "Thử lại".
 */
export function AttachmentField({ field, path, value, onChange, env }: LeafProps<"attachment">) {
  const refs = asRefs(value);
  const latest = useRef(refs);
  latest.current = refs;
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [opening, setOpening] = useState<ImageSource | null>(null);
  const cameraInput = useRef<HTMLInputElement>(null);
  const albumInput = useRef<HTMLInputElement>(null);
  const id = inputId(path);
  const error = env.errors.get(path);
  const room = field.maxCount - refs.length - pending.length;
  const acceptsPdf = field.accept.includes("application/pdf");

  const upload = async (item: PendingUpload) => {
    setPending((list) => list.map((p) => (p.localId === item.localId ? { ...p, failure: null } : p)));
    try {
      if (!env.uploadTarget) throw new Error(NO_UPLOAD);
      await env.saveNow();
      const uploaded = await uploadFile({
        file: item.blob,
        name: item.name,
        target: env.uploadTarget,
        fieldId: field.id,
      });
      rememberThumbnail(uploaded.fileId, item.blob);
      onChange([...latest.current, uploaded]);
      setPending((list) => list.filter((p) => p.localId !== item.localId));
    } catch (failure) {
      const failed = { ...item, failure: messageOf(failure) };
      setPending((list) => list.map((p) => (p.localId === item.localId ? failed : p)));
    }
  };

  const add = async (blobs: Blob[], names: string[]) => {
    setProblem(null);
    const items: PendingUpload[] = [];
    for (const [index, original] of blobs.slice(0, Math.max(0, room)).entries()) {
      const isPdf = original.type === "application/pdf";
      const blob = isPdf ? original : await compressImage(original);
      const number = refs.length + pending.length + index + 1;
      const name = isPdf
        ? (names[index] ?? `${field.label} (${number}).pdf`)
        : `${field.label} (${number}).jpg`;
      if (blob.size > field.maxSizeMb * MEGABYTE) {
        setProblem(`Tệp "${name}" quá lớn; tối đa ${field.maxSizeMb} MB.`);
        continue;
      }
      items.push({ localId: `${Date.now()}-${index}`, blob, name, failure: null });
    }
    if (blobs.length > room) setProblem(`Chỉ nhận tối đa ${field.maxCount} tệp cho mục này.`);
    setPending((list) => [...list, ...items]);
    for (const item of items) await upload(item);
  };

  const pick = async (source: ImageSource) => {
    if (!isInsideZalo()) {
      (source === "camera" ? cameraInput : albumInput).current?.click();
      return;
    }
    setOpening(source);
    try {
      await add(await chooseImagesInZalo(source, Math.max(1, room)), []);
    } catch (failure) {
      if (!(failure instanceof PlatformError && failure.kind === "cancelled")) setProblem(messageOf(failure));
    } finally {
      setOpening(null);
    }
  };

  const fromInput = (files: FileList | null) => {
    const list = [...(files ?? [])];
    if (list.length > 0)
      void add(
        list,
        list.map((file) => file.name),
      );
  };

  const remove = (fileId: string) => onChange(latest.current.filter((ref) => ref.fileId !== fileId));

  return (
    <fieldset
      id={wrapperId(path)}
      className={`dvc-field dvc-fieldset dvc-attachments${error ? " dvc-field--error" : ""}`}
      aria-describedby={describedBy(id, true, error)}
    >
      <legend className="dvc-field__label">{field.label}</legend>
      <FieldHint id={id}>
        {field.help ? <span className="dvc-field__hint-line">{field.help}</span> : null}
        <span className="dvc-field__hint-line">
          Chụp rõ cả tờ, đủ sáng, không bị loá. Tối đa {field.maxCount} {acceptsPdf ? "tệp" : "ảnh"}.
        </span>
      </FieldHint>
      <FieldError id={id} message={error} />
      <AttachmentTiles
        refs={refs}
        pending={pending}
        onRemove={remove}
        onRetry={(item) => void upload(item)}
      />
      {problem ? (
        <p className="dvc-field__note dvc-field__note--warn" role="alert">
          {problem}
        </p>
      ) : null}
      {room > 0 ? (
        <div className="dvc-attachments__buttons">
          <Button
            id={id}
            size="large"
            variant="secondary"
            loading={opening === "camera"}
            prefixIcon={<CameraIcon size={22} />}
            onClick={() => void pick("camera")}
          >
            Chụp ảnh
          </Button>
          <Button
            size="large"
            variant="secondary"
            loading={opening === "album"}
            prefixIcon={<ImageIcon size={22} />}
            onClick={() => void pick("album")}
          >
            {acceptsPdf && !isInsideZalo() ? "Chọn ảnh/tệp" : "Chọn ảnh có sẵn"}
          </Button>
        </div>
      ) : null}
      <input
        ref={cameraInput}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        data-testid={`${id}-camera`}
        onChange={(event) => {
          fromInput(event.target.files);
          event.target.value = "";
        }}
      />
      <input
        ref={albumInput}
        type="file"
        accept={field.accept.join(",")}
        multiple={field.maxCount > 1}
        hidden
        data-testid={`${id}-album`}
        onChange={(event) => {
          fromInput(event.target.files);
          event.target.value = "";
        }}
      />
    </fieldset>
  );
}
