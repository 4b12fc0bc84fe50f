import { type AttachmentRef, attachmentRefSchema } from "../answers";
import type { LeafField } from "../definition";
import { DISPLAY, MESSAGES } from "./messages";
import { formatMegabytes, formatVietnameseNumber, MEGABYTE } from "./numbers";
import { normaliseLine, stripInvisible } from "./text";
import type { Check } from "./types";

type AttachmentField = Extract<LeafField, { type: "attachment" }>;

/** "ảnh" when only images are accepted (what the citizen will photograph), else "tệp". */
export function attachmentNoun(field: AttachmentField): string {
  return field.accept.every((type) => type.startsWith("image/")) ? DISPLAY.imageNoun : DISPLAY.fileNoun;
}

/** How many files a required field needs at least: a required field with minCount 0 still needs one. */
export function minimumCount(field: AttachmentField): number {
  return field.required ? Math.max(field.minCount, 1) : field.minCount;
}

/** Uploaded files, as refs from the upload route: count, type and size are checked against the field. */
export function checkAttachments(
  raw: unknown,
  field: AttachmentField,
  label: string,
): Check<AttachmentRef[]> {
  if (!Array.isArray(raw)) return { ok: false, message: MESSAGES.attachmentBroken(label, 1) };
  const noun = attachmentNoun(field);
  if (raw.length < minimumCount(field)) {
    return { ok: false, message: MESSAGES.attachmentTooFew(label, minimumCount(field), noun) };
  }
  if (raw.length > field.maxCount) {
    return { ok: false, message: MESSAGES.attachmentTooMany(label, field.maxCount, noun, raw.length) };
  }
  const refs: AttachmentRef[] = [];
  const seen = new Set<string>();
  for (const [index, item] of raw.entries()) {
    const parsed = attachmentRefSchema.safeParse(item);
    // File ids come from the upload route; one with invisible characters was not made there.
    if (!parsed.success || stripInvisible(parsed.data.fileId) !== parsed.data.fileId)
      return { ok: false, message: MESSAGES.attachmentBroken(label, index + 1) };
    const ref = { ...parsed.data, name: normaliseLine(parsed.data.name) };
    const problem = refProblem(ref, field, label, seen);
    if (problem !== undefined) return { ok: false, message: problem };
    seen.add(ref.fileId);
    refs.push(ref);
  }
  return { ok: true, value: refs };
}

function refProblem(ref: AttachmentRef, field: AttachmentField, label: string, seen: Set<string>) {
  if (seen.has(ref.fileId)) return MESSAGES.attachmentDuplicate(label, ref.name);
  if (!(field.accept as readonly string[]).includes(ref.mimeType)) {
    return MESSAGES.attachmentType(label, ref.name, acceptedList(field));
  }
  if (ref.sizeBytes > field.maxSizeMb * MEGABYTE) {
    return MESSAGES.attachmentSize(
      label,
      ref.name,
      formatMegabytes(ref.sizeBytes),
      formatVietnameseNumber(field.maxSizeMb),
    );
  }
  return undefined;
}

/** "JPG, PNG hoặc PDF". */
function acceptedList(field: AttachmentField): string {
  const names = field.accept.map((type) => DISPLAY.acceptedTypes[type] ?? type);
  if (names.length === 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} ${DISPLAY.or} ${names.at(-1)}`;
}
