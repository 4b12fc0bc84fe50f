/**
 * The words people use for procedures, mapped to the words the catalog uses. Written with diacritics so a
 * Vietnamese reader can review them; folded when the tables are built.
 *
 * Two kinds:
 * - SPELLING_VARIANTS are the same word written differently (i and y are both in use: "kí"/"ký";
 *   abbreviations: "đk", "cmnd"). They are rewritten in documents and queries alike.
 * - QUERY_SYNONYMS are different words for the same need ("cưới" → kết hôn). They only add terms to a query,
 *   with a weight below 1, and the person's own words are searched too (the catalog's `keywords` may hold
 *   them verbatim, which then scores higher).
 * Per-procedure colloquialisms belong in the catalog's keywords (procedure-keywords.ts), not here: this table
 * is for words that mean the same whichever procedure they appear in.
 */

/** [as typed, canonical]. Single syllables are matched as whole tokens only. */
export const SPELLING_VARIANTS: readonly (readonly [string, string])[] = [
  // i/y: both spellings are taught and used; the catalog writes "ký", "lý".
  ["kí", "ký"],
  ["lí", "lý"],
  ["qui", "quy"],
  // Abbreviations common in chat and on forms.
  ["đk", "đăng ký"],
  ["dky", "đăng ký"],
  ["dki", "đăng ký"],
  ["đkkh", "đăng ký kết hôn"],
  ["đkkd", "đăng ký kinh doanh"],
  ["gks", "giấy khai sinh"],
  ["gpxd", "giấy phép xây dựng"],
  ["gpkd", "giấy phép kinh doanh"],
  ["hkd", "hộ kinh doanh"],
  ["ubnd", "ủy ban nhân dân"],
  ["shk", "sổ hộ khẩu"],
  // The identity card has had four names; since Luật Căn cước 2023 it is "thẻ căn cước".
  ["cmnd", "căn cước"],
  ["cmt", "căn cước"],
  ["cccd", "căn cước"],
  ["chứng minh nhân dân", "căn cước"],
  ["chứng minh thư", "căn cước"],
  ["căn cước công dân", "căn cước"],
];

export interface SynonymGroup {
  /** What the phrases mean, in the catalog's words. */
  means: string;
  /** How much a match on the added words counts relative to the person's own words (0–1). */
  weight: number;
  phrases: readonly string[];
}

export const QUERY_SYNONYMS: readonly SynonymGroup[] = [
  // Household registration books were abolished on 1/1/2023 (Luật Cư trú 2020), the words live on.
  { means: "thường trú", weight: 0.8, phrases: ["hộ khẩu", "sổ hộ khẩu"] },
  {
    means: "đăng ký thường trú",
    weight: 0.9,
    phrases: ["nhập hộ khẩu", "nhập khẩu", "chuyển hộ khẩu", "chuyển khẩu"],
  },
  {
    means: "xóa đăng ký thường trú",
    weight: 0.9,
    phrases: ["cắt khẩu", "cắt hộ khẩu", "xóa hộ khẩu", "xóa khẩu", "rút hộ khẩu"],
  },
  { means: "tách hộ", weight: 0.9, phrases: ["tách khẩu", "tách hộ khẩu", "tách sổ hộ khẩu", "ra ở riêng"] },
  { means: "tạm trú", weight: 0.7, phrases: ["ở trọ", "thuê trọ", "nhà trọ", "phòng trọ", "kt3"] },
  { means: "xóa đăng ký tạm trú", weight: 0.9, phrases: ["cắt tạm trú", "hủy tạm trú", "trả phòng trọ"] },
  { means: "gia hạn tạm trú", weight: 0.9, phrases: ["hết hạn tạm trú", "tạm trú hết hạn"] },
  {
    means: "khai báo tạm vắng",
    weight: 0.8,
    phrases: ["đi xa", "đi làm xa", "vắng nhà", "đi vắng", "vắng mặt"],
  },
  {
    means: "xác nhận thông tin về cư trú",
    weight: 0.9,
    phrases: ["xác nhận cư trú", "xác nhận nơi ở", "xác nhận địa chỉ", "xác nhận hộ khẩu", "ct07"],
  },
  {
    means: "khai sinh",
    weight: 0.9,
    phrases: ["đẻ con", "sinh con", "mới sinh", "mới đẻ", "em bé", "trẻ sơ sinh", "giấy chứng sinh"],
  },
  {
    means: "kết hôn",
    weight: 0.9,
    phrases: ["cưới", "cưới vợ", "cưới chồng", "lấy vợ", "lấy chồng", "đám cưới", "cưới hỏi", "hôn thú"],
  },
  {
    means: "khai tử",
    weight: 0.9,
    phrases: ["chết", "qua đời", "tử vong", "từ trần", "đã mất", "mất rồi", "báo tử", "chứng tử"],
  },
  {
    means: "xác nhận tình trạng hôn nhân",
    weight: 0.9,
    phrases: ["độc thân", "chưa vợ", "chưa chồng", "chưa kết hôn", "chưa lấy vợ", "chưa lấy chồng"],
  },
  {
    means: "thay đổi cải chính bổ sung thông tin hộ tịch",
    weight: 0.8,
    phrases: [
      "sửa tên",
      "đổi tên",
      "sai tên",
      "sửa ngày sinh",
      "sai ngày sinh",
      "đổi họ",
      "cải chính",
      "đổi dân tộc",
    ],
  },
  { means: "nhận cha mẹ con", weight: 0.9, phrases: ["nhận con", "nhận bố", "nhận cha", "nhận mẹ"] },
  {
    means: "bản sao trích lục hộ tịch",
    weight: 0.8,
    phrases: ["trích lục", "bản sao giấy khai sinh", "bản sao khai sinh"],
  },
  {
    means: "chứng thực bản sao từ bản chính",
    weight: 0.9,
    phrases: ["sao y", "sao y bản chính", "công chứng bản sao", "photo công chứng", "công chứng giấy tờ"],
  },
  { means: "chứng thực", weight: 0.7, phrases: ["công chứng"] },
  {
    means: "chứng thực chữ ký",
    weight: 0.9,
    phrases: ["xác nhận chữ ký", "công chứng chữ ký", "ký tên", "điểm chỉ", "ủy quyền"],
  },
  { means: "chứng thực di chúc", weight: 0.8, phrases: ["lập di chúc", "viết di chúc", "làm di chúc"] },
  {
    means: "giấy phép xây dựng",
    weight: 0.9,
    phrases: ["xây nhà", "sửa nhà", "làm nhà", "cất nhà", "cơi nới", "xây dựng nhà", "xin phép xây"],
  },
  {
    means: "hộ kinh doanh",
    weight: 0.9,
    phrases: [
      "mở quán",
      "mở tiệm",
      "mở cửa hàng",
      "mở shop",
      "buôn bán",
      "bán hàng",
      "kinh doanh",
      "tạp hóa",
      "giấy phép kinh doanh",
      "đăng ký kinh doanh",
      "kinh doanh cá thể",
    ],
  },
  {
    means: "thay đổi nội dung đăng ký hộ kinh doanh",
    weight: 0.8,
    phrases: [
      "đổi địa chỉ kinh doanh",
      "đổi ngành nghề",
      "chuyển địa điểm kinh doanh",
      "thay đổi giấy phép kinh doanh",
    ],
  },
  { means: "cấp lại thẻ căn cước", weight: 0.8, phrases: ["làm lại căn cước", "mất căn cước", "bị mất thẻ"] },
  { means: "cấp lại", weight: 0.6, phrases: ["làm lại", "bị mất", "đánh rơi", "thất lạc"] },
  {
    means: "cấp đổi thẻ căn cước",
    weight: 0.8,
    phrases: ["đổi căn cước", "đổi thẻ căn cước", "căn cước hết hạn"],
  },
  { means: "cấp thẻ căn cước", weight: 0.8, phrases: ["làm căn cước", "làm thẻ căn cước"] },
  { means: "khuyết tật", weight: 0.9, phrases: ["tàn tật", "tật nguyền", "người khuyết tật"] },
  { means: "hộ nghèo hộ cận nghèo", weight: 0.9, phrases: ["nghèo", "sổ nghèo", "cận nghèo", "nhà nghèo"] },
];
