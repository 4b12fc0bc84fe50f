/**
 * The composer's form as the officer fills it in, and the request it becomes. Times are read and written
 * in Vietnam time (UTC+7 all year, no daylight saving) whatever the desk computer's zone, so "07:00" means
 * 07:00 in the commune.
 */
import {
  NOTICE_IMAGE_MAX_BYTES,
  type NoticeCategory,
  type NoticeDraftInput,
  noticeDraftInputSchema,
  type OfficerNotice,
} from "@dvc/shared/api/notices";
import { vietnameseIssueMessage } from "@dvc/shared/api/zod-vietnamese";
import { noticeNeedsSummary, noticeSenderName } from "@dvc/shared/notices/notice-text";

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The Mini App ID is the server's (ZALO_MINI_APP_ID); previews only need a link of the same length. */
export const PREVIEW_MINI_APP_ID = "1234567890123456789";

/** A new notice has no id yet: its preview links use one of the same length. */
const PREVIEW_NOTICE_ID = "00000000-0000-4000-8000-000000000000";

export const SUMMARY_REASON =
  "Zalo chỉ gửi được 2.000 ký tự: người dân nhận tóm tắt kèm đường dẫn tới toàn văn.";
export const SUMMARY_REQUIRED = "Vui lòng viết tóm tắt ngắn: nội dung dài hơn một tin nhắn Zalo.";
const IMAGE_TOO_LARGE = "Ảnh lớn hơn 1 MB. Vui lòng chọn ảnh nhỏ hơn hoặc nén ảnh rồi chọn lại.";
const IMAGE_WRONG_TYPE = "Zalo chỉ nhận ảnh JPG hoặc PNG. Vui lòng chọn ảnh khác.";
const SCHEDULE_REQUIRED = "Vui lòng chọn ngày giờ gửi, hoặc chọn “Gửi ngay khi được duyệt”.";
const EXPIRY_REQUIRED = "Vui lòng chọn ngày hết hạn của thông báo.";

export interface ComposerForm {
  /** Null: province-wide (admins only). */
  communeCode: string | null;
  category: NoticeCategory | "";
  title: string;
  body: string;
  summary: string;
  procedure: { code: string; title: string } | null;
  groupIds: string[];
  toFollowers: boolean;
  when: "now" | "later";
  /** "2026-12-07T07:30", Vietnam time (an <input type="datetime-local">). */
  scheduledAt: string;
  /** "2026-12-21", Vietnam date; the notice runs until the end of that day. */
  expiresOn: string;
}

/** "2026-12-07T07:30" in Vietnam time for an instant. */
export function vnLocal(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 16);
}

/** The instant of a Vietnam wall-clock time, or null when the text is not one. */
export function fromVnLocal(local: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const at = new Date(`${local}:00+07:00`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** 22:00–06:00 in Vietnam: quiet hours for follower messages (delivery/channel-ladder.ts quietUntil). */
export function isNight(at: Date): boolean {
  const hour = new Date(at.getTime() + VN_OFFSET_MS).getUTCHours();
  return hour >= 22 || hour < 6;
}

export function emptyForm(communeCode: string | null, now: Date): ComposerForm {
  return {
    communeCode,
    category: "",
    title: "",
    body: "",
    summary: "",
    procedure: null,
    groupIds: [],
    toFollowers: true,
    when: "now",
    scheduledAt: "",
    expiresOn: vnLocal(new Date(now.getTime() + 14 * 24 * 60 * 60 * 1000)).slice(0, 10),
  };
}

export function formOf(notice: OfficerNotice): ComposerForm {
  return {
    communeCode: notice.communeCode,
    category: notice.category,
    title: notice.title,
    body: notice.body,
    summary: notice.summary ?? "",
    procedure: notice.procedureCode ? { code: notice.procedureCode, title: notice.procedureCode } : null,
    groupIds: notice.groupIds,
    toFollowers: notice.toFollowers,
    when: notice.scheduledAt ? "later" : "now",
    scheduledAt: notice.scheduledAt ? vnLocal(new Date(notice.scheduledAt)) : "",
    expiresOn: vnLocal(new Date(notice.expiresAt)).slice(0, 10),
  };
}

/** When it would leave: the scheduled time, or now. */
export function sendTime(form: ComposerForm, now: Date): Date {
  return (form.when === "later" ? fromVnLocal(form.scheduledAt) : null) ?? now;
}

/** The notice's text facts for shared/src/notices/notice-text.ts. */
export function textFacts(
  form: ComposerForm,
  id: string | null,
  commune: { type: string; name: string } | null,
) {
  return {
    id: id ?? PREVIEW_NOTICE_ID,
    category: form.category === "" ? ("general" as const) : form.category,
    title: form.title.trim(),
    body: form.body.trim(),
    summary: form.summary.trim() === "" ? null : form.summary.trim(),
    procedureCode: form.procedure?.code ?? null,
    senderName: noticeSenderName(commune),
  };
}

export function needsSummary(form: ComposerForm): boolean {
  const { summary: _summary, ...facts } = textFacts(form, null, null);
  return noticeNeedsSummary(facts, PREVIEW_MINI_APP_ID);
}

export type Checked = { ok: true; input: NoticeDraftInput } | { ok: false; fields: Record<string, string> };

/** The shared schema's checks plus the composer's own, worded as the server words them. */
export function checkForm(form: ComposerForm): Checked {
  const fields: Record<string, string> = {};
  const scheduled = form.when === "later" ? fromVnLocal(form.scheduledAt) : null;
  if (form.when === "later" && scheduled === null) fields.scheduledAt = SCHEDULE_REQUIRED;
  const expires = fromVnLocal(`${form.expiresOn}T23:59`);
  if (expires === null) fields.expiresAt = EXPIRY_REQUIRED;
  const summarised = needsSummary(form);
  if (summarised && form.summary.trim() === "") fields.summary = SUMMARY_REQUIRED;
  const parsed = noticeDraftInputSchema.safeParse(
    {
      communeCode: form.communeCode,
      category: form.category === "" ? undefined : form.category,
      title: form.title,
      body: form.body,
      summary: summarised ? form.summary : null,
      procedureCode: form.procedure?.code ?? null,
      groupIds: form.groupIds,
      toFollowers: form.toFollowers,
      scheduledAt: scheduled?.toISOString() ?? null,
      expiresAt: (expires ?? new Date(0)).toISOString(),
    },
    { error: vietnameseIssueMessage },
  );
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
  }
  if (form.category === "") fields.category = "Vui lòng chọn loại thông báo.";
  if (!parsed.success || Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, input: parsed.data };
}

/** What is wrong with a picked image before it is sent (zalo-oa.md §2: JPEG or PNG, ≤ 1 MB). */
export function imageProblem(file: File): string | null {
  if (file.type !== "image/jpeg" && file.type !== "image/png") return IMAGE_WRONG_TYPE;
  if (file.size > NOTICE_IMAGE_MAX_BYTES) return IMAGE_TOO_LARGE;
  return null;
}
