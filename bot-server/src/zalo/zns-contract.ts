import { z } from "zod";

/**
 * What we know — and what we only believe — about ZNS / "ZBS Template Message" by phone on
 * business.openapi.zalo.me (shared/reference/zalo-oa.md §0, §4). Same OA access token header as
 * openapi (§4 [C]). Every [U] fact the ZNS client relies on lives in this file.
 */

export const ZNS_PATHS = {
  /**
   * [C §4] POST `{"phone":"84…","template_id","template_data":{…},"tracking_id"}` →
   * `data.msg_id`, `data.sent_time`, `data.quota.{dailyQuota,remainingQuota}` (strings).
   */
  sendTemplate: "/message/template",
} as const;

/**
 * [C §4] `tracking_id` is required, ≤ 48 characters, "no special characters". [U] which characters are
 * special is not published (the sandbox also takes `_ . : -`): letters and digits only is the form
 * every reading accepts.
 */
export const ZNS_TRACKING_ID = /^[A-Za-z0-9]{1,48}$/;

/** [C §4] `84…` without the leading 0 (a `+84…` is accepted too; we send the plain form). */
export const ZNS_PHONE = /^84\d{9}$/;

const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

/**
 * [C §4] `{"data":{"msg_id":"…","sent_time":"…","sending_mode":"1","quota":{"dailyQuota":"500",
 * "remainingQuota":"499"}}}`. Only `msg_id` is required: once Zalo answered error 0 the message is
 * sent, and an odd quota must not make the caller send it again. [U] quota as numbers is accepted too.
 */
export const znsSendResponseSchema = z.object({
  data: z.object({
    msg_id: z.string().min(1),
    quota: z.object({ dailyQuota: count, remainingQuota: count }).optional().catch(undefined),
  }),
});
