import { useEffect, useRef, useState } from "react";
import { imageProblem } from "./composer-form";
import { Field } from "./field";

/** The image as the composer holds it: kept as saved, a new pick (not yet uploaded), or removed. */
export type ImageChoice =
  | { kind: "none" }
  | { kind: "saved" }
  | { kind: "new"; file: File }
  | { kind: "removed" };

/** An object URL for the picked file, freed when it changes. jsdom has none: no preview then. */
export function usePreviewUrl(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (file === null || typeof URL.createObjectURL !== "function") {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url;
}

/**
 * An optional image (JPEG/PNG ≤ 1 MB, zalo-oa.md §2), checked here before any upload: a group gets it
 * with the text as its caption. Shown before saving; removable.
 */
export function ImageField({
  image,
  previewUrl: url,
  error,
  onChange,
}: {
  image: ImageChoice;
  /** usePreviewUrl of the picked file: made once, for this field and the group preview. */
  previewUrl: string | null;
  error: string | undefined;
  onChange: (image: ImageChoice) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const pick = (file: File | undefined) => {
    if (!file) return;
    const wrong = imageProblem(file);
    setProblem(wrong);
    if (wrong === null) onChange({ kind: "new", file });
    if (input.current) input.current.value = "";
  };
  const shown = image.kind === "new" || image.kind === "saved";
  return (
    <Field
      id="notice-image"
      label="Ảnh kèm theo (không bắt buộc)"
      hint="Ảnh JPG hoặc PNG, tối đa 1 MB. Trong nhóm Zalo, ảnh được gửi kèm nội dung."
      error={problem ?? error}
    >
      {(aria) => (
        <div className="dvc-notice-image">
          {shown ? (
            <div className="dvc-notice-image__chosen">
              {url ? <img src={url} alt="Ảnh đã chọn" className="dvc-notice-image__preview" /> : null}
              <p className="dvc-text">
                {image.kind === "new" ? `Đã chọn: ${image.file.name}` : "Thông báo đã có ảnh."}
              </p>
              <button
                type="button"
                className="dvc-officer-button dvc-officer-button--secondary"
                onClick={() => {
                  onChange(image.kind === "saved" ? { kind: "removed" } : { kind: "none" });
                  input.current?.focus();
                }}
              >
                Bỏ ảnh
              </button>
            </div>
          ) : null}
          <input
            {...aria}
            ref={input}
            type="file"
            accept="image/jpeg,image/png"
            onChange={(event) => pick(event.target.files?.[0])}
          />
        </div>
      )}
    </Field>
  );
}
