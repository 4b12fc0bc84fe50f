import { tokenize } from "@dvc/shared";
import { buildPhraseTable, longestMatchAt } from "@dvc/shared/text/phrases";
import { STOP_PHRASES, STOP_WORDS } from "@dvc/shared/text/stop-words";
import { SPELLING_VARIANTS } from "@dvc/shared/text/synonyms";

/**
 * How a chat message is read before any decision: folded, chat abbreviations spelled out, then scanned
 * once for the phrases that signal what the resident wants. Phrases are written with diacritics for
 * review and folded when the tables are built, so "gặp cán bộ" and "gap can bo" are the same cue.
 */

export type Cue =
  | "greeting"
  | "thanks"
  /** Politeness and address words ("ad ơi", "dạ", "vâng"): say nothing, and are not searched. */
  | "filler"
  /** Words that say nothing about the intent but may be part of a procedure's words; kept for search. */
  | "context"
  | "human"
  | "contact"
  /** A request for a person that needs no verb ("người thật", "tư vấn viên"). */
  | "human_request"
  /** Asks about a dossier already filed ("hồ sơ của tôi", "tình trạng hồ sơ"). */
  | "lookup"
  /** Wants to look something up, not said what ("tra cứu", "kiểm tra"): a procedure may be meant too. */
  | "search"
  | "status"
  | "dossier"
  | "submitted"
  | "ask"
  | "app"
  /** Words of a how-to question ("thủ tục", "cần giấy tờ gì", "làm", "đăng ký", "ở đâu"). */
  | "how_to";

/**
 * Chat shorthand → words. Teen code is mostly dropped vowels and initials; only forms common enough to be
 * read one way are listed ("k" is "không" in a question, never "kilo" in a message to the commune).
 * The search's own spelling variants (dk, gks, cccd…) are applied too, so a cue like "đăng ký" sees "dk".
 */
const CHAT_ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ...["k", "ko", "kh", "hk", "hok", "hong", "khg", "kg", "kô"].map((form) => [form, "không"] as const),
  ["dc", "được"],
  ...["j", "gj"].map((form) => [form, "gì"] as const),
  ...["mk", "mik", "mjk"].map((form) => [form, "mình"] as const),
  ...["ok", "oke", "okie", "oki", "okay", "okela"].map((form) => [form, "ok"] as const),
  ...["ad", "add", "admin", "adm"].map((form) => [form, "ad"] as const),
  ...["z", "v"].map((form) => [form, "vậy"] as const),
  ["ntn", "như thế nào"],
  ["bn", "bao nhiêu"],
  ["bnhieu", "bao nhiêu"],
  ["bh", "bao giờ"],
  ["bgio", "bao giờ"],
  ["e", "em"],
  ["t", "tôi"],
  ["tui", "tôi"],
  ["vs", "với"],
  ["r", "rồi"],
  ["ms", "mới"],
  ["ns", "nói"],
  ["nc", "nói chuyện"],
  ["ng", "người"],
  ["hs", "hồ sơ"],
  ["tt", "thủ tục"],
  ["cb", "cán bộ"],
  ["nv", "nhân viên"],
  ["lm", "làm"],
  ["vk", "vợ"],
  ["ck", "chồng"],
  ["trc", "trước"],
  ["ak", "ạ"],
  ["camon", "cảm ơn"],
  ["thankyou", "thank you"],
];

const REWRITES = buildPhraseTable(
  [...SPELLING_VARIANTS, ...CHAT_ABBREVIATIONS].map(([typed, meant]) => [typed, tokenize(meant)] as const),
);

/**
 * Stretched words ("alooo", "chaooo", "camonnn"): no Vietnamese syllable ends in a tripled letter. Doubles
 * stay: "cứu", "hưu", "app" end in one; "cccd" has its triple in front.
 */
function unstretch(token: string): string {
  return token.replace(/(\p{L})\1{2,}$/u, "$1");
}

/** Folded tokens with chat shorthand and spelling variants written out. */
export function normaliseTokens(text: string): string[] {
  const tokens = tokenize(text).map(unstretch);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const match = longestMatchAt(REWRITES, tokens, i);
    if (match === undefined) out.push(tokens[i] ?? "");
    else out.push(...match.value);
    i += match?.length ?? 1;
  }
  return out;
}

const CUE_PHRASES: Readonly<Record<Cue, readonly string[]>> = {
  greeting: [
    "xin chào",
    "chào",
    "alo",
    "a lô",
    "hi",
    "hello",
    "hey",
    "chào buổi sáng",
    "chào buổi chiều",
    "ad ơi",
  ],
  thanks: ["cảm ơn", "cám ơn", "thanks", "thank", "thank you", "tks", "thks", "thx", "biết ơn"],
  // Only words whose folded form no procedure needs. "nhá"/"nhà", "lắm"/"làm", "bạn"/"bán", "xã"/"xa",
  // "vâng"/"vắng" (tạm vắng), "dạ"/"đã" (đã mất) fold alike, so those are `context`: not content, still searched.
  filler: ["ad", "ơi", "ok", "rất", "giùm", "ừ", "hihi", "haha", "hehe"],
  context: ["dạ", "vâng", "nha", "nhá", "nhiều", "lắm", "bạn", "xã", "phường", "ủy ban", "ubnd", "ở đây"],
  human: ["cán bộ", "nhân viên", "người trực", "chuyên viên", "con người", "người hỗ trợ", "tổng đài viên"],
  contact: ["gặp", "nói chuyện", "trò chuyện", "chat", "chuyển", "kết nối", "gọi", "liên hệ", "liên lạc"],
  human_request: [
    "người thật",
    "tư vấn viên",
    "gặp trực tiếp",
    "nói chuyện với người",
    "gặp người",
    "không phải máy",
    "không phải bot",
    "nói chuyện với máy",
  ],
  lookup: [
    "tra cứu hồ sơ",
    "tình trạng hồ sơ",
    "tiến độ hồ sơ",
    "kiểm tra hồ sơ",
    "theo dõi hồ sơ",
    "xem hồ sơ",
    "hồ sơ của tôi",
    "hồ sơ của em",
    "hồ sơ của mình",
    "kết quả hồ sơ",
    "mã hồ sơ",
  ],
  search: ["tra cứu", "tra mã", "kiểm tra", "check"],
  status: [
    "đến đâu rồi",
    "tới đâu rồi",
    "xong chưa",
    "sao rồi",
    "thế nào rồi",
    "duyệt chưa",
    "có kết quả chưa",
    "bao giờ xong",
    "khi nào xong",
    "bao giờ có kết quả",
    "khi nào có kết quả",
    "chưa thấy",
    "chưa có kết quả",
    "lâu vậy",
    "lâu thế",
  ],
  dossier: ["hồ sơ", "đơn", "giấy tờ đã nộp"],
  submitted: ["đã nộp", "nộp rồi", "mới nộp", "nộp hồ sơ"],
  ask: [
    "hỏi",
    "muốn hỏi",
    "cho hỏi",
    "cho em hỏi",
    "cho tôi hỏi",
    "cho mình hỏi",
    "xin hỏi",
    "hỏi chút",
    "hỏi về",
    "thủ tục",
    "thủ tục hành chính",
  ],
  app: ["mini app", "miniapp", "app", "ứng dụng", "online", "trực tuyến", "qua mạng", "trên zalo", "link"],
  how_to: [...STOP_PHRASES, "làm", "đăng ký", "xin", "cấp", "nộp", "cần gì", "mang gì", "làm gì", "sao"],
};

/** Folded phrase → every cue it carries ("hồ sơ" is both a dossier word and a how-to word). */
const CUE_TABLE = buildPhraseTable(mergeCues(), (phrase) => phrase.split(" "));

function mergeCues(): Map<string, Cue[]> {
  const byPhrase = new Map<string, Cue[]>();
  for (const [cue, phrases] of Object.entries(CUE_PHRASES) as [Cue, readonly string[]][]) {
    for (const phrase of phrases) {
      const key = normaliseTokens(phrase).join(" ");
      byPhrase.set(key, [...(byPhrase.get(key) ?? []), cue]);
    }
  }
  return byPhrase;
}

/** Cues whose words are chat, not content: left out of the catalog search. */
const CHAT_CUES: ReadonlySet<Cue> = new Set(["greeting", "thanks", "filler"]);

export interface ScannedMessage {
  cues: ReadonlySet<Cue>;
  /** Words outside every cue phrase and not filler: what is left to understand. */
  content: readonly string[];
  /** The message without greetings, thanks and filler, for the catalog search. */
  searchText: string;
}

/** One left-to-right, longest-match pass over the normalised message. */
export function scanMessage(text: string): ScannedMessage {
  const tokens = normaliseTokens(text);
  const cues = new Set<Cue>();
  const content: string[] = [];
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const match = longestMatchAt(CUE_TABLE, tokens, i);
    const length = match?.length ?? 1;
    const words = tokens.slice(i, i + length);
    for (const cue of match?.value ?? []) cues.add(cue);
    if (match === undefined && !STOP_WORDS.has(words[0] ?? "")) content.push(...words);
    if (!match?.value.some((cue) => CHAT_CUES.has(cue))) kept.push(...words);
    i += length;
  }
  return { cues, content, searchText: kept.join(" ") };
}
