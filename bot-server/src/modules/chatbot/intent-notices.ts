import { normaliseTokens } from "./intent-phrases";

/**
 * "nhận thông báo phường Ba Đình", "dang ky nhan thong bao xa Tay Tuu", "đăng ký thông báo", "hủy nhận
 * thông báo": a resident choosing (or dropping) the commune whose notices reach them on Zalo (issue 13).
 * Pure: the commune is looked up by the caller. Read on the folded, shorthand-expanded tokens, so words
 * with and without diacritics are the same.
 *
 * A notice request needs the words "thông báo" AND a verb of subscribing or stopping just before them:
 * "thông báo lưu trú" (a procedure) or "có thông báo gì mới không" are not requests to subscribe.
 */

export type NoticeRequest =
  /** `communeQuery`: the commune as written after "thông báo" (folded), null when none was named. */
  { kind: "notice_subscribe"; communeQuery: string | null } | { kind: "notice_unsubscribe" };

/** How far before "thông báo" the verb may stand: "hủy đăng ký nhận thông báo" is four words. */
const VERB_WINDOW = 4;

/** Folded words that stop notices ("hủy", "ngừng", "dừng", "bỏ"), and pairs ("thôi nhận", "không nhận"). */
const STOP_VERBS = new Set([
  "huy",
  "ngung",
  "dung",
  "bo",
  "thoi nhan",
  "tat nhan",
  "khong nhan",
  "khong muon",
]);
/** "tắt"/"thôi" stop only right before "thông báo": "nhận tất cả thông báo" subscribes. */
const STOP_RIGHT_BEFORE = new Set(["tat", "thoi"]);
/** Folded words and pairs that ask for notices ("nhận", "đăng ký", "theo dõi", "bật", "chọn", "đổi"). */
const SUBSCRIBE_VERBS = new Set(["nhan", "dang ky", "theo doi", "bat", "chon", "doi"]);

/**
 * Words between "thông báo" and the commune's name ("thông báo của/ở/tại/từ phường …"), and politeness
 * that may stand there instead of a name ("đăng ký thông báo nhé ad"). Words AFTER the name are left in:
 * they are Vietnamese syllables too ("Vân Hà", "Minh Châu"), so the commune search drops them from the
 * end until something matches (notice-commune.ts).
 */
const LEADING = new Set([
  ...["cua", "o", "tai", "tu", "cho", "ve", "moi", "cac", "tin", "la", "thuoc", "ben", "sang", "qua"],
  ...["nhe", "nha", "a", "ad", "oi", "voi", "giup", "di", "nua", "em", "toi", "minh", "ok", "duoc", "khong"],
]);
/** Words that say a unit: the name needs one word besides them. */
const UNIT_WORDS = new Set(["xa", "phuong", "thi", "tran", "dac", "khu"]);

export function matchNoticeRequest(text: string): NoticeRequest | undefined {
  // "tb" is chat shorthand for "thông báo" only here, next to a verb: elsewhere it may be "thương binh".
  const tokens = normaliseTokens(text).flatMap((token) => (token === "tb" ? ["thong", "bao"] : [token]));
  const at = tokens.findIndex((token, i) => token === "thong" && tokens[i + 1] === "bao");
  if (at < 0) return undefined;
  const before = tokens.slice(Math.max(0, at - VERB_WINDOW), at);
  const words = [...before, ...before.slice(1).map((token, i) => `${before[i]} ${token}`)];
  const stops = words.some((word) => STOP_VERBS.has(word)) || STOP_RIGHT_BEFORE.has(before.at(-1) ?? "");
  if (stops) return { kind: "notice_unsubscribe" };
  if (!words.some((word) => SUBSCRIBE_VERBS.has(word))) return undefined;
  return { kind: "notice_subscribe", communeQuery: communeQueryOf(tokens.slice(at + 2)) };
}

/** "của phường Ba Đình nhé" → "phuong ba dinh nhe"; no name → null. */
function communeQueryOf(after: readonly string[]): string | null {
  const start = after.findIndex((token) => !LEADING.has(token));
  if (start < 0) return null;
  const words = after.slice(start);
  return words.some((word) => !UNIT_WORDS.has(word)) ? words.join(" ") : null;
}
