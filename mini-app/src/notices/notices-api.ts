/**
 * The notice API as residents use it (issue 13): the commune's published notices and one notice need no
 * sign-in (public text only); the Zalo subscription ("Nhận thông báo qua Zalo") is the citizen's own.
 */
import {
  type NoticeSubscription,
  noticeSubscriptionSchema,
  type PublicNotice,
  type PublicNoticeList,
  publicNoticeListSchema,
  publicNoticeSchema,
} from "@dvc/shared/api/notices";
import { request, withQuery } from "../api/http";

export function listNotices(communeCode: string, signal?: AbortSignal): Promise<PublicNoticeList> {
  return request(withQuery("/api/notices", { communeCode }), publicNoticeListSchema, {
    signal,
    auth: false,
  });
}

export function getNotice(id: string, signal?: AbortSignal): Promise<PublicNotice> {
  return request(`/api/notices/${encodeURIComponent(id)}`, publicNoticeSchema, { signal, auth: false });
}

/** The image's address: an <img> loads it directly (public, like the notice). */
export function noticeImagePath(id: string): string {
  return `/api/notices/${encodeURIComponent(id)}/image`;
}

export function getNoticeSubscription(signal?: AbortSignal): Promise<NoticeSubscription> {
  return request("/api/notices/subscription", noticeSubscriptionSchema, { signal });
}

/** Null: stop receiving notices on Zalo (the list in the app stays). */
export function setNoticeSubscription(communeCode: string | null): Promise<NoticeSubscription> {
  return request("/api/notices/subscription", noticeSubscriptionSchema, {
    method: "PUT",
    json: { communeCode },
  });
}
