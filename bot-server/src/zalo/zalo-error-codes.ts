import { OaError, type OaErrorKind } from "./oa-error";

/**
 * Zalo's error codes (inside HTTP 200 bodies, zalo-oa.md §2 [C]) on both hosts a message goes through —
 * openapi.zalo.me (cs, template by user id) and business.openapi.zalo.me (ZNS) — in ONE table, each
 * with its kind, and each kind with what a sender should do next (the delivery engine's decision):
 * - `retry`: the same channel later (`slowDown`: send less often; `notBefore`: not before that time);
 * - `next_channel`: this recipient cannot get it on this channel; try the next one (§0 channel rule);
 * - `permanent`: the request itself is wrong (configuration or code): no retry, no other channel helps.
 * The codes of the two hosts do not overlap, so one table serves both. A code not in the table is
 * `rejected`, permanent. [C]/[U] as in zalo-oa.md: every [U] code or class is marked here.
 */

export interface ZaloErrorCode {
  code: number;
  kind: OaErrorKind;
  /** Where the code comes from (zalo-oa.md) and how sure it is. */
  source: string;
}

export const ZALO_ERROR_CODES: readonly ZaloErrorCode[] = [
  { code: -32, kind: "rate_limited", source: "[C §6/§7] over the app's calls per minute" },
  { code: -216, kind: "unauthorized", source: "[C §3/§7] OA token invalid: refresh once" },
  { code: -220, kind: "unauthorized", source: "[C §3/§7] OA token expired/removed: refresh once" },
  { code: -124, kind: "unauthorized", source: "[C §0/§3] ZNS host: token invalid: refresh once" },
  { code: -230, kind: "outside_window", source: "[C §2/§7] no interaction within 7 days" },
  { code: -232, kind: "outside_window", source: "[C §2/§7] no interaction within 7 days" },
  { code: -227, kind: "inactive", source: "[C §2/§7] user inactive on Zalo > 45 days" },
  { code: -213, kind: "not_follower", source: "[C §7] not a follower of the OA" },
  { code: -211, kind: "quota_exceeded", source: "[C §7] OA out of quota" },
  { code: -218, kind: "quota_exceeded", source: "[C §7] OA out of quota" },
  { code: -234, kind: "night_window", source: "[C §2 code; U which types] night 22:00–06:00" },
  { code: -108, kind: "bad_phone", source: "[C §0] ZNS: phone number invalid" },
  { code: -118, kind: "no_zalo_account", source: "[C §0] ZNS: no Zalo account for the phone" },
  { code: -114, kind: "cannot_receive", source: "[medium §0] ZNS: user cannot receive" },
  { code: -119, kind: "cannot_receive", source: "[medium §0] ZNS: account cannot receive" },
  { code: -115, kind: "quota_exceeded", source: "[medium §0] ZNS: out of quota / balance" },
  { code: -144, kind: "quota_exceeded", source: "[U §0] ZNS: OA daily limit" },
  { code: -131, kind: "template_not_approved", source: "[U §0] ZNS: template not approved" },
  { code: -133, kind: "night_window", source: "[U §0/§4] ZNS: night 22:00–06:00" },
  { code: -139, kind: "user_refused", source: "[U §0] ZNS: user refused this message type" },
  { code: -141, kind: "user_refused", source: "[U §0] ZNS: user refused this OA" },
];

const KIND_OF_CODE: ReadonlyMap<number, OaErrorKind> = new Map(
  ZALO_ERROR_CODES.map((row) => [row.code, row.kind]),
);

/** The kind of a Zalo `error` code on either host; `rejected` for a code the table does not name. */
export function kindOfZaloError(code: number): OaErrorKind {
  return KIND_OF_CODE.get(code) ?? "rejected";
}

/** A refused OA token, on either host: the caller refreshes it once and retries once (§3 [C]). */
export function isTokenRefusal(code: number): boolean {
  return kindOfZaloError(code) === "unauthorized";
}

export type DeliveryDecision =
  | { action: "retry"; slowDown: boolean; notBefore?: Date }
  | { action: "next_channel" }
  | { action: "permanent" };

type Action = DeliveryDecision["action"];

/** What each kind means for a sender. */
export const ACTION_OF_KIND: Readonly<Record<OaErrorKind, Action>> = {
  unavailable: "retry",
  rate_limited: "retry",
  // Not about this recipient: the OA's token is broken for every message until an admin consents again;
  // retrying later (within the engine's own attempt limit) delivers once it is fixed.
  unauthorized: "retry",
  // [U] Zalo does not say when a quota comes back; daily quotas restart at midnight (Vietnam time).
  quota_exceeded: "retry",
  night_window: "retry",
  outside_window: "next_channel",
  inactive: "next_channel",
  not_follower: "next_channel",
  bad_phone: "next_channel",
  no_zalo_account: "next_channel",
  cannot_receive: "next_channel",
  user_refused: "next_channel",
  template_not_approved: "permanent",
  invalid: "permanent",
  rejected: "permanent",
};

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** [U §0/§2/§4] the night ban: no such message 22:00–06:00, Vietnam time. */
export const NIGHT_WINDOW = { startHour: 22, endHour: 6 } as const;

/** The start (UTC) of the Vietnamese day `at` falls in, plus `hours`. */
function vietnamDayAt(at: Date, hours: number): Date {
  const local = at.getTime() + VIETNAM_OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS + hours * HOUR_MS);
}

/**
 * The end of the night window `now` is in (06:00 Vietnam time); undefined when our clock says it is
 * day (a clock just past 06:00 while Zalo's is not: an ordinary retry is soon enough).
 */
export function nightWindowEnd(now: Date): Date | undefined {
  const hour = Math.floor(((now.getTime() + VIETNAM_OFFSET_MS) % DAY_MS) / HOUR_MS);
  if (hour >= NIGHT_WINDOW.startHour) return vietnamDayAt(now, 24 + NIGHT_WINDOW.endHour);
  if (hour < NIGHT_WINDOW.endHour) return vietnamDayAt(now, NIGHT_WINDOW.endHour);
  return undefined;
}

/** The next midnight in Vietnam, when a daily quota starts again [U]. */
export function nextVietnamMidnight(now: Date): Date {
  return vietnamDayAt(now, 24);
}

/** What to do about a failure of this kind, seen at `now`. */
export function decisionForKind(kind: OaErrorKind, now: Date = new Date()): DeliveryDecision {
  const action = ACTION_OF_KIND[kind];
  if (action !== "retry") return { action };
  if (kind === "night_window") {
    const notBefore = nightWindowEnd(now);
    return notBefore ? { action, slowDown: false, notBefore } : { action, slowDown: false };
  }
  if (kind === "quota_exceeded") return { action, slowDown: false, notBefore: nextVietnamMidnight(now) };
  return { action, slowDown: kind === "rate_limited" };
}

/**
 * What to do about anything a send threw: an OaError by its kind; anything else (the token store's
 * database away, a bug) is retried, since nothing says the message itself is at fault.
 */
export function deliveryDecision(error: unknown, now: Date = new Date()): DeliveryDecision {
  if (error instanceof OaError) return decisionForKind(error.kind, now);
  return { action: "retry", slowDown: false };
}
