import { foldVietnamese } from "./fold";

/**
 * Words people wrap around what they want ("cho em hỏi làm giấy khai sinh cho con cần những gì ạ").
 * They are dropped as single search terms, but still form two-word phrases with their neighbours, because
 * after folding several collide with words that matter: "cần" and "căn" (căn cước) are both "can", "để"
 * and "đẻ" (đẻ con) both "de", "ở" is half of "ở nhờ", "đi" half of "di chúc". The phrase keeps the meaning.
 *
 * Deliberately NOT here: "thẻ"/"thế" (both "the"), "nhà"/"nhá" ("nha": xây nhà), "sao" (bản sao, sao y),
 * "mất" (lost / died), "lại" (cấp lại, đăng ký lại), "con", "hộ", "mới", "đang" (folds to "dang", as "đăng"
 * does), "nhờ" (ở nhờ).
 */
const STOP_WORDS_WRITTEN: readonly string[] = [
  "làm cho cần gì xin giấy muốn tôi mình em anh chị bác ơi ạ à nhé với và để thì là có không được",
  "phải nào những các một này đó rồi mà ở tại trong về của bị đã sẽ đi người giúp hỏi vậy ra nên",
  "thôi luôn dùng vẫn ai",
].flatMap((line) => line.split(" "));

/**
 * Whole phrases with no bearing on which procedure is meant; removed before anything else so that, for
 * example, the "mất" of "mất bao lâu" (how long does it take) is not read as "lost" or "died".
 */
export const STOP_PHRASES: readonly string[] = [
  "thủ tục hành chính",
  "thủ tục",
  "như thế nào",
  "thế nào",
  "làm sao",
  "ở đâu",
  "nộp ở đâu",
  "bao lâu",
  "mất bao lâu",
  "bao nhiêu",
  "bao nhiêu tiền",
  "hết bao nhiêu",
  "mất bao nhiêu",
  "có được không",
  "được không",
  "cần những gì",
  "giấy tờ",
  "hồ sơ",
  "chuẩn bị",
  "lệ phí",
  "dịch vụ công",
  "trực tuyến",
  "cho hỏi",
  "xin hỏi",
  "cho em hỏi",
  "cho tôi hỏi",
  "cho mình hỏi",
  "hướng dẫn",
];

/** Folded, as search terms are. */
export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORDS_WRITTEN.map(foldVietnamese));
