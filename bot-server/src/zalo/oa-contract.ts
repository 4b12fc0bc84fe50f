import { createHmac } from "node:crypto";
import { z } from "zod";

/**
 * What we know — and what we only believe — about Zalo's OA Open API and OA OAuth v4
 * (shared/reference/zalo-oa.md §2–§3). [C] = confirmed by several independent code bases, [U] =
 * unconfirmed. Every [U] fact the OA client relies on lives in this file.
 */

export const OA_PATHS = {
  /** [C] POST, body `{"recipient":{"user_id"},"message":{"text","attachment"?}}` → `data.message_id`. */
  sendCs: "/v3.0/oa/message/cs",
  /** [C] POST `{"user_id"}` → `data.last_interaction` (epoch ms) among others. */
  quota: "/v3.0/oa/quota/message",
  /** [U] GET with one URL-encoded JSON `data={"user_id":"…"}` param (the GET convention of §2). */
  userDetail: "/v3.0/oa/user/detail",
  /** [C] POST multipart, field `file` → `data.attachment_id`; [U: SPEC] JPEG/PNG ≤ 1 MB. */
  uploadImage: "/v2.0/oa/upload/image",
  /** [C] still v2.0: POST `{"user_id","tag_name"}` (creates the tag when new). */
  tagFollower: "/v2.0/oa/tag/tagfollower",
  /** [C] POST `{"user_id","tag_name"}`. */
  untagFollower: "/v2.0/oa/tag/rmfollowerfromtag",
  /** [C] GET; [U] `data` is the array of tag names. */
  listTags: "/v2.0/oa/tag/gettagsofoa",
} as const;

/** [U: SPEC] the image upload limit. */
export const MAX_UPLOAD_IMAGE_BYTES = 1024 * 1024;

/** [C] POST form-urlencoded `refresh_token, app_id, grant_type=refresh_token`, header `secret_key`. */
export const OAUTH_REFRESH_PATH = "/v4/oa/access_token";

/** House rule OB-7: no Zalo call may hold us longer than 10 s. */
export const OA_TIMEOUT_MS = 10_000;

/** Refresh when the access token has this little left (it lives ~25 h [C]). */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/** [C] text ≤ 2,000 characters; [U: SPEC] NFC-normalise first. */
export const MAX_TEXT_LENGTH = 2_000;

/** [U] how many buttons a cs message may carry; no source states it for v3 cs. */
export const MAX_BUTTONS = 5;

/** [C: PHP, JAVA] hex HMAC-SHA256(access token, key = App Secret); a wrong one answers -242. */
export function appsecretProof(accessToken: string, appSecret: string): string {
  return createHmac("sha256", appSecret).update(accessToken).digest("hex");
}

/** Error codes inside HTTP 200 bodies [C unless said otherwise]. */
export const OA_ERROR_CODES = {
  /** -216 invalid, -220 expired/removed: refresh the OA token once and retry once. */
  tokenInvalid: new Set([-216, -220]),
  rateLimited: new Set([-32]),
  /** The user has not interacted with the OA within 7 days. */
  outsideWindow: new Set([-230, -232]),
  /** Inactive on Zalo for > 45 days. */
  inactive: new Set([-227]),
} as const;

/** [U] `error` is documented as a number; a numeric string is accepted too; missing means 0. */
const zaloErrorCode = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

export const oaEnvelopeSchema = z.object({
  error: zaloErrorCode.optional().default(0),
  message: z.string().optional(),
});

/** Zalo ids are numeric strings longer than 2^53: never JSON numbers. */
export const zaloIdSchema = z.string().regex(/^\d{1,32}$/);

/** [C] `{"data":{"message_id":"…","user_id":"…","sent_time":"…","quota":{…}},"error":0}`. */
export const sendResponseSchema = z.object({
  data: z.object({ message_id: z.string().min(1), user_id: z.string().optional() }),
});

/** [U] the fields of user detail beyond `user_id`; only these are read. */
export const userDetailResponseSchema = z.object({
  data: z.object({
    user_id: zaloIdSchema,
    display_name: z.string().max(200).optional(),
    user_is_follower: z.boolean().optional(),
  }),
});

/** [C] `{"data":{"attachment_id":"…"}}`. */
export const uploadImageResponseSchema = z.object({ data: z.object({ attachment_id: z.string().min(1) }) });

/** [U] the tag list as an array of names; anything else is an unknown shape. */
export const tagsResponseSchema = z.object({ data: z.array(z.string()) });

/** Tag writes answer the bare envelope. */
export const emptyResponseSchema = z.object({});

/** [C] `last_interaction` is epoch ms; [U] number or numeric string, and its absence. */
export const quotaResponseSchema = z.object({
  data: z.object({
    last_interaction: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  }),
});

/**
 * [C] top level, no `data` wrapper: `{"access_token","refresh_token","expires_in":"90000"}` — a string
 * of seconds. [U] a number is accepted too. A refusal comes as `{"error":…}` without tokens.
 */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]),
});

export type ButtonType = "oa.open.url" | "oa.query.show";

export interface OaButton {
  title: string;
  type: ButtonType;
  /** A URL for oa.open.url, the text sent back for oa.query.show. */
  payload: string;
}

/**
 * [U] buttons on a v3 cs message: `attachment = {"type":"template","payload":{"buttons":[…]}}` with
 * `oa.open.url` taking `payload: {"url"}` and `oa.query.show` a string payload [C for the action shapes:
 * PHP]. Whether v3 cs accepts a bare button template is unconfirmed — this is the one place to change.
 */
export function buttonsAttachment(buttons: readonly OaButton[]) {
  return {
    type: "template",
    payload: {
      buttons: buttons.map((button) => ({
        title: button.title,
        type: button.type,
        payload: button.type === "oa.open.url" ? { url: button.payload } : button.payload,
      })),
    },
  };
}
