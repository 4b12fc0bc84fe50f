/**
 * Whose dossier it is, as a name the citizen recognises in their list ("Đăng ký khai sinh — Nguyễn Minh
 * Khôi"): the person the procedure is about when the form names one (the child, the deceased, the ward…),
 * both parties of a marriage, else the requester. Built only for the dossier's owner, from answers they
 * typed themselves; names only — never a CCCD or phone number.
 */

/** Person fields that name the dossier's subject when they are answered (filed answers hold only visible ones). */
const SUBJECT_FIELDS = ["child", "deceased", "ward", "subject", "person"] as const;
/** The other party of a procedure the requester files about themselves and someone else (kết hôn). */
const PARTNER_FIELD = "partner";
const REQUESTER_FIELD = "requester";

function fullNameAt(answers: Readonly<Record<string, unknown>>, fieldId: string): string | null {
  const value = answers[fieldId];
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const name = (value as { fullName?: unknown }).fullName;
  return typeof name === "string" && name.trim() !== "" ? name.trim().replace(/\s+/g, " ") : null;
}

export function dossierSubjectName(answers: Readonly<Record<string, unknown>>): string | null {
  for (const fieldId of SUBJECT_FIELDS) {
    const name = fullNameAt(answers, fieldId);
    if (name) return name;
  }
  const requester = fullNameAt(answers, REQUESTER_FIELD);
  const partner = fullNameAt(answers, PARTNER_FIELD);
  if (requester && partner) return `${requester} và ${partner}`;
  return partner ?? requester;
}
