import type { ATTACHMENT_TYPES } from "@dvc/shared";

/**
 * What an upload really is, read from its first bytes (ASVS 5.2.2): the client's Content-Type and file
 * name are claims, the magic bytes are evidence.
 */

export type AttachmentMime = (typeof ATTACHMENT_TYPES)[number];

const SIGNATURES: readonly { mime: AttachmentMime; bytes: readonly number[] }[] = [
  // JPEG: SOI marker then the first segment's marker byte.
  { mime: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  // PNG: the full 8-byte signature (its CR LF / LF bytes catch a file mangled by a text transfer).
  { mime: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // PDF: "%PDF-" at offset 0 (ISO 32000-1 §7.5.2); readers tolerate junk before it, we do not.
  { mime: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

export function sniffAttachmentType(bytes: Uint8Array): AttachmentMime | undefined {
  return SIGNATURES.find(({ bytes: magic }) => magic.every((byte, index) => bytes[index] === byte))?.mime;
}

const EXTENSIONS: Readonly<Record<AttachmentMime, readonly string[]>> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "application/pdf": ["pdf"],
};
const KNOWN_EXTENSIONS = new Set(Object.values(EXTENSIONS).flat());
const MAX_STEM_CHARS = 100;
const FALLBACK_STEM = "tep-dinh-kem";

export type FileNameCheck = { ok: true; name: string } | { ok: false; extension: string };

/**
 * A safe display name for an upload whose type is `mime`: no folders, control characters or characters
 * that break a header or a file system; NFC; at most 100 characters before the extension.
 * - one of our extensions that names another of our types (a PNG saved as ".jpg", common on phones):
 *   corrected, since the bytes were verified and are served with the verified type;
 * - any other extension (".exe", ".html", ".svg"): refused, the name does not match the content;
 * - none: the verified type's extension is added.
 */
export function safeFileName(raw: string, mime: AttachmentMime): FileNameCheck {
  const base = raw.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}"*:<>?|]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "");
  const dot = cleaned.lastIndexOf(".");
  const candidate = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : "";
  // "Giấy tờ 12.5.2024" has no extension: only a short run of letters and digits starting with a letter is one.
  const extension = /^[a-z][a-z0-9]{0,4}$/.test(candidate) ? candidate : "";
  if (extension !== "" && !KNOWN_EXTENSIONS.has(extension)) return { ok: false, extension };
  const stemRaw = (extension === "" ? cleaned : cleaned.slice(0, dot)).replace(/[.\s]+$/, "");
  const stem = [...stemRaw].slice(0, MAX_STEM_CHARS).join("") || FALLBACK_STEM;
  const ours = EXTENSIONS[mime];
  const finalExtension = ours.includes(extension) ? extension : (ours[0] ?? "bin");
  return { ok: true, name: `${stem}.${finalExtension}` };
}

/**
 * `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 §4.3, RFC 8187), so a
 * Vietnamese name survives and nothing in it can end the header early (ASVS 5.4.1/5.4.2).
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
