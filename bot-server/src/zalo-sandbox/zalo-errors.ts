/**
 * Every refusal the sandbox's OA, OAuth and ZNS endpoints give, in one place, each with where the code
 * comes from (shared/reference/zalo-oa.md; [C] confirmed, [U] unconfirmed). Refusals are HTTP 200 bodies
 * `{"error": <negative>, "message"}` like Zalo's (§2 [C]); OAuth's carry `error_name` instead (see below).
 */

export interface ZaloRefusal {
  error: number;
  message: string;
}

/** openapi.zalo.me (/sandbox/openapi). */
export const OA_REFUSALS = {
  /** [C §3/§7] missing or unknown access token. */
  invalidToken: { error: -216, message: "Access token is invalid" },
  /** [C §3/§7] -220 "expired/removed": an issued token past its 25 h. The client refreshes on both. */
  expiredToken: { error: -220, message: "Access token has expired" },
  /** [C §2] a wrong appsecret_proof header (an absent one is accepted: the header is optional [C]). */
  badProof: { error: -242, message: "Invalid appsecret_proof" },
  /** [C §6] more than the app's calls per minute. */
  rateLimited: { error: -32, message: "Rate limit exceeded" },
  /** [C §7] a malformed body or parameter. */
  badParams: { error: -201, message: "Parameters are invalid" },
  /**
   * [C §7 code, U use] -213 "not a follower" for a user_id the OA has never seen. Zalo may well answer
   * -201 for an id it does not know at all; to the OA such a user has simply never followed or written.
   */
  unknownUser: { error: -213, message: "User has not followed the OA" },
  /** [C §2/§7] no interaction within 7 days (-230; -232 is the other code seen for it). */
  outsideWindow: { error: -230, message: "User has not interacted with the OA in the last 7 days" },
  /** [U] a group id the OA does not own: no source gives the code, -201 is the bad-parameter code. */
  unknownGroup: { error: -201, message: "group_id is invalid" },
  /** [U] a GMF asset_id the OA does not own: no source gives the code, -201 is the bad-parameter code. */
  unknownAsset: { error: -201, message: "asset_id is invalid" },
  /** [U: §7 "-211/-218 out of quota"] a GMF asset already consumed by a group. */
  usedAsset: { error: -211, message: "GMF quota asset has been used" },
  /** [U] an upload that is too large or not of an accepted type: no source gives the code. */
  badUpload: { error: -201, message: "File is invalid (type or size)" },
  /** [U] a template id the OA has no approved template for (by-UID template messages). */
  unknownTemplate: { error: -201, message: "template_id is invalid" },
} as const satisfies Record<string, ZaloRefusal>;

/**
 * business.openapi.zalo.me (/sandbox/business). [U §7] -108 bad phone and -124 token are in zalo-oa.md
 * (single source). The rest are NOT in zalo-oa.md: they follow Zalo's published ZNS error table as
 * remembered (-109 template id, -112 template data, -122 body format, -144 daily quota) — verify.
 */
export const ZNS_REFUSALS = {
  /** [U §7] missing, unknown, expired token, or a wrong appsecret_proof: the ZNS host has one code. */
  invalidToken: { error: -124, message: "Access token is invalid" },
  badPhone: { error: -108, message: "Phone number is invalid" },
  unknownTemplate: { error: -109, message: "Template id is invalid" },
  badTemplateData: { error: -112, message: "Template data is invalid" },
  /** A malformed body, or tracking_id missing / longer than 48 / with special characters [C §4]. */
  badBody: { error: -122, message: "Body format is invalid" },
  dailyQuota: { error: -144, message: "OA has exceeded the daily quota" },
} as const satisfies Record<string, ZaloRefusal>;

/**
 * oauth.zaloapp.com (/sandbox/oauth): `{"error", "error_name", "error_description"}` in an HTTP 200, no
 * `data`. [U] the codes: -14014 for a used, unknown or expired refresh token is what community code and
 * tests/support/fake-zalo-oa.ts use; -14002 (app id) and -14003 (parameters) follow community notes on
 * Zalo's OAuth errors. The product only needs "no tokens in the answer" → OaError "unauthorized".
 */
export const OAUTH_REFUSALS = {
  badAppId: { error: -14002, error_name: "Invalid app_id", error_description: "app_id is invalid" },
  badParams: {
    error: -14003,
    error_name: "Invalid parameter",
    error_description:
      "refresh_token, app_id, grant_type=refresh_token and the secret_key header are required",
  },
  badSecret: { error: -14003, error_name: "Invalid secret key", error_description: "secret_key is invalid" },
  badRefreshToken: {
    error: -14014,
    error_name: "Invalid refresh token",
    error_description: "Refresh token is invalid, expired or already used",
  },
} as const;
