import { type CitizenProfile, normalisePhone, type ProfileUpdate, validateCccd } from "@dvc/shared";
import { z } from "zod";

/**
 * The pure part of PUT /api/profile: merge a partial update into the stored profile, normalise what
 * people type, and say in Vietnamese what to fix. No I/O, so it is tested without a database.
 */

export const EMPTY_PROFILE: CitizenProfile = {
  fullName: null,
  dateOfBirth: null,
  sex: null,
  ethnicity: null,
  nationality: null,
  cccd: null,
  phone: null,
  email: null,
  address: null,
  communeCode: null,
};

const MAX_ADDRESS_DETAIL = 300;
const emailSchema = z.email();

export type MergeResult =
  | { ok: true; profile: CitizenProfile }
  | { ok: false; fields: Record<string, string> };

/** Whether the update stores a CCCD or a phone number (clearing one needs no consent). */
export function storesIdentifier(update: ProfileUpdate): boolean {
  return [update.cccd, update.phone].some((value) => typeof value === "string" && value.trim() !== "");
}

export function mergeProfile(
  current: CitizenProfile,
  update: ProfileUpdate,
  options: { today: string },
): MergeResult {
  const fields: Record<string, string> = {};
  const next: CitizenProfile = { ...current };
  for (const key of ["fullName", "ethnicity", "nationality"] as const) {
    if (key in update) next[key] = cleanText(update[key]);
  }
  if ("sex" in update) next.sex = update.sex ?? null;
  if ("communeCode" in update) next.communeCode = update.communeCode ?? null;
  if ("dateOfBirth" in update) {
    next.dateOfBirth = update.dateOfBirth ?? null;
    const problem = next.dateOfBirth ? dateProblem(next.dateOfBirth, options.today) : undefined;
    if (problem) fields.dateOfBirth = problem;
  }
  if ("email" in update) {
    next.email = cleanText(update.email)?.toLowerCase() ?? null;
    if (next.email && !emailSchema.safeParse(next.email).success) {
      fields.email = "Email chưa đúng dạng, ví dụ: ten@gmail.com";
    }
  }
  if ("address" in update) {
    const address = update.address ?? null;
    next.address = address ? { ...address, detail: address.detail.normalize("NFC").trim() } : null;
    if (next.address && next.address.detail.length > MAX_ADDRESS_DETAIL) {
      fields.address = `Địa chỉ chi tiết dài quá ${MAX_ADDRESS_DETAIL} ký tự, vui lòng viết gọn lại`;
    }
  }
  if ("phone" in update) {
    const typed = cleanText(update.phone);
    const checked = typed ? normalisePhone(typed) : undefined;
    if (checked && !checked.ok) fields.phone = checked.message;
    next.phone = checked?.ok ? checked.value : null;
  }
  // The CCCD's digits 4–6 encode birth century, sex and year (Thông tư 07/2016/TT-BCA): a change to any
  // of the three is checked against the other two, as they will stand after this update.
  if ("cccd" in update) next.cccd = cleanText(update.cccd);
  if (next.cccd && ("cccd" in update || "dateOfBirth" in update || "sex" in update)) {
    const checked = validateCccd(next.cccd, {
      ...(next.dateOfBirth ? { dateOfBirth: next.dateOfBirth } : {}),
      ...(next.sex ? { sex: next.sex } : {}),
      currentYear: Number(options.today.slice(0, 4)),
    });
    if (checked.ok) next.cccd = checked.value;
    else fields.cccd = checked.message;
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, profile: next };
}

function cleanText(value: string | null | undefined): string | null {
  const text = value?.normalize("NFC").trim();
  return text ? text : null;
}

function dateProblem(isoDate: string, today: string): string | undefined {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) {
    return "Ngày sinh không có thật, vui lòng kiểm tra lại ngày và tháng";
  }
  if (isoDate > today) return "Ngày sinh không thể sau ngày hôm nay, vui lòng kiểm tra lại";
  return undefined;
}

/** Today's date in Vietnam (UTC+7, no daylight saving), as YYYY-MM-DD. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
