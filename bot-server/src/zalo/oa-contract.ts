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
  /**
   * [U §0/§2] POST an approved template by user id (replaces free-form transaction messages since
   * 2026-03-01) → `data.message_id`; body: templateByUidBody below.
   */
  sendTemplate: "/v3.0/oa/message/template",
  /**
   * [C §0/§5] POST `{"recipient":{"group_id"},"message":{"text"}}` to an OA-owned GMF group →
   * `data.message_id` (and `group_id`); 24/7, no window; groups get no received/seen receipts [C].
   */
  sendGroup: "/v3.0/oa/group/message",
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
  /** [C §0/§5] GET `?offset=&count=` → a page of the OA's GMF groups (groupListResponseSchema). */
  groupsOfOa: "/v3.0/oa/group/getgroupsofoa",
  /** [C §0] GET `?group_id=` → one group (groupResponseSchema). */
  group: "/v3.0/oa/group/getgroup",
  /** [C §0/§5] POST `{group_name, group_description?, asset_id, member_user_ids}` → `{group_id, group_link}`. */
  createGroup: "/v3.0/oa/group/creategroupwithoa",
  /** [C §0/§5] POST `{quota_owner:"OA", product_type?, quota_type?}` → the GMF assets (groupQuotaResponseSchema). */
  groupQuota: "/v3.0/oa/quota/group",
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

/** Zalo's error codes and what each means for a sender: zalo-error-codes.ts (one table, OA and ZNS). */

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

/**
 * [U §0/§2, open question 3] the body of a template sent by user id: top-level `user_id` (3 code bases)
 * rather than `recipient.user_id` (1). The one place to change if Zalo wants the other shape.
 */
export function templateByUidBody(userId: string, templateId: string, templateData: Record<string, string>) {
  return { user_id: userId, template_id: templateId, template_data: templateData };
}

/** [U] a template id's form is not published (ZNS: 20 hex, sandbox: digits): non-empty, ≤ 64 characters. */
export const MAX_TEMPLATE_ID_LENGTH = 64;

/**
 * A template's id and parameters as sent (by user id or by phone): the id checked for form, every value
 * NFC-normalised ([U: SPEC] as for text). undefined when either is unusable (refused before sending).
 */
export function templateFields(
  templateId: string,
  templateData: Readonly<Record<string, string>>,
): { templateId: string; templateData: Record<string, string> } | undefined {
  const id = templateId.trim();
  if (id.length === 0 || id.length > MAX_TEMPLATE_ID_LENGTH) return undefined;
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(templateData)) {
    if (key.length === 0 || typeof value !== "string") return undefined;
    data[key] = value.normalize("NFC");
  }
  return { templateId: id, templateData: data };
}

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

/**
 * [C: GO + SPEC, §5] an image message: `attachment = {"type":"template","payload":{"template_type":"media",
 * "elements":[{"media_type":"image","attachment_id"}]}}`; in a group the `text` beside it is the caption
 * (≤ 2,000 characters, §0).
 */
export function imageAttachment(attachmentId: string) {
  return {
    type: "template",
    payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: attachmentId }] },
  };
}

/** [U] a group as getgroupsofoa/getgroup describe it: the name as `name` or `group_name`. */
const groupInfoSchema = z
  .object({
    group_id: z.string().min(1).max(64),
    name: z.string().max(200).optional(),
    group_name: z.string().max(200).optional(),
    description: z.string().max(1_000).optional(),
    group_description: z.string().max(1_000).optional(),
    status: z.string().max(50).optional(),
    group_link: z.string().max(500).optional(),
  })
  .transform((group) => ({
    groupId: group.group_id,
    name: group.name ?? group.group_name ?? group.group_id,
    description: group.description ?? group.group_description ?? null,
    status: group.status ?? "enabled",
    groupLink: group.group_link ?? null,
  }));
export type OaGroupInfo = z.output<typeof groupInfoSchema>;

/** [U] `data = {total?, groups: […]}` (the SDKs read `groups`; `total` may be missing). */
export const groupListResponseSchema = z.object({
  data: z.object({
    total: z.coerce.number().int().min(0).optional(),
    groups: z.array(groupInfoSchema).default([]),
  }),
});

/** [U] `data.group_info` (SPEC) or the group's fields directly under `data`. */
export const groupResponseSchema = z.object({
  data: z.union([z.object({ group_info: groupInfoSchema }).transform((d) => d.group_info), groupInfoSchema]),
});

/** [C §0] `{group_id, group_link, status}`. */
export const createGroupResponseSchema = z.object({
  data: z.object({
    group_id: z.string().min(1).max(64),
    group_link: z.string().max(500).optional(),
    status: z.string().max(50).optional(),
  }),
});

/**
 * [U] the GMF quota answer: `data` as the list of assets, or `{assets: […]}`. An asset is available unless
 * Zalo marks it used or expired (`status`, or `is_used`). Read, never assumed (issue 13).
 */
const groupAssetSchema = z.object({
  asset_id: z.string().min(1).max(200),
  product_type: z.string().max(50).optional(),
  status: z.string().max(50).optional(),
  is_used: z.boolean().optional(),
});
export const groupQuotaResponseSchema = z.object({
  data: z.union([
    z.array(groupAssetSchema),
    z.object({ assets: z.array(groupAssetSchema).default([]) }).transform((d) => d.assets),
  ]),
});
const SPENT_ASSET = new Set(["used", "expired", "consumed", "inactive"]);
export function assetAvailable(asset: z.infer<typeof groupAssetSchema>): boolean {
  return asset.is_used !== true && !SPENT_ASSET.has((asset.status ?? "").toLowerCase());
}
