/**
 * Broadcast notices (issue 13) for the officer area: /api/officer/notices. Every answer is checked with
 * the shared schema (shared/src/api/notices.ts). A change answers whatever it answers; the screens read
 * the notice again afterwards, so they always show what the server now holds (version, steps, `can`).
 */
import {
  type NoticeAudience,
  type NoticeDraftInput,
  type NoticeProgress,
  type NoticeReport,
  noticeAudienceSchema,
  noticeProgressSchema,
  noticeReportSchema,
  type OfficerNotice,
  type OfficerNoticeList,
  officerNoticeListSchema,
  officerNoticeSchema,
} from "@dvc/shared/api/notices";
import { z } from "zod";
import { withQuery } from "../../api/http";
import { officerRequest, officerRequestRaw } from "./officer-http";

const BASE = "/api/officer/notices";
const noticeUrl = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export type NoticeListItem = OfficerNoticeList["notices"][number];

export async function listNotices(signal?: AbortSignal): Promise<NoticeListItem[]> {
  return (await officerRequest(BASE, officerNoticeListSchema, { signal })).notices;
}

export function getNotice(id: string, signal?: AbortSignal): Promise<OfficerNotice> {
  return officerRequest(noticeUrl(id), officerNoticeSchema, { signal });
}

/** A new draft; only its id is read from the answer. */
export async function createNotice(input: NoticeDraftInput): Promise<string> {
  const created = await officerRequest(BASE, z.object({ id: z.string() }), { method: "POST", json: input });
  return created.id;
}

/** Saves over `version` (409 when someone changed it meanwhile). */
export async function updateNotice(id: string, input: NoticeDraftInput, version: number): Promise<void> {
  await officerRequestRaw(noticeUrl(id), { method: "PUT", json: { ...input, version } });
}

/** Multipart `file`: JPEG or PNG up to 1 MB (the server checks the bytes again). */
export async function uploadNoticeImage(id: string, file: File): Promise<void> {
  const form = new FormData();
  form.append("file", file);
  await officerRequestRaw(`${noticeUrl(id)}/image`, { method: "POST", form, timeoutMs: 60_000 });
}

export async function deleteNoticeImage(id: string): Promise<void> {
  await officerRequestRaw(`${noticeUrl(id)}/image`, { method: "DELETE" });
}

export type NoticeStepAction = "submit" | "approve" | "cancel";

export async function noticeStep(id: string, action: NoticeStepAction, version: number): Promise<void> {
  await officerRequestRaw(`${noticeUrl(id)}/${action}`, { method: "POST", json: { version } });
}

export async function returnNotice(id: string, version: number, comment: string): Promise<void> {
  await officerRequestRaw(`${noticeUrl(id)}/return`, { method: "POST", json: { version, comment } });
}

export function getNoticeAudience(
  query: { communeCode: string | null; groupIds: string[]; toFollowers: boolean },
  signal?: AbortSignal,
): Promise<NoticeAudience> {
  return officerRequest(
    withQuery(`${BASE}/audience`, {
      communeCode: query.communeCode ?? undefined,
      groupIds: query.groupIds.join(","),
      toFollowers: String(query.toFollowers),
    }),
    noticeAudienceSchema,
    { signal },
  );
}

export function getNoticeProgress(id: string, signal?: AbortSignal): Promise<NoticeProgress> {
  return officerRequest(`${noticeUrl(id)}/progress`, noticeProgressSchema, { signal });
}

export function getNoticeReport(id: string, signal?: AbortSignal): Promise<NoticeReport> {
  return officerRequest(`${noticeUrl(id)}/report`, noticeReportSchema, { signal });
}

/** The failed rows back to the queue; answers how many. */
export async function resendFailed(id: string): Promise<number> {
  const answer = await officerRequest(`${noticeUrl(id)}/resend-failed`, z.object({ requeued: z.number() }), {
    method: "POST",
  });
  return answer.requeued;
}
