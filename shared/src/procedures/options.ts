/**
 * Option lists shared by several procedure forms. Values are short ASCII codes (stable in stored answers);
 * labels are what the citizen reads.
 */

export interface ChoiceOption {
  value: string;
  label: string;
}

/**
 * The 54 ethnic groups of Vietnam, in the order and with the codes of the national list (Danh mục các dân
 * tộc Việt Nam, Quyết định 121-TCTK/PPCĐ ngày 2/3/1979 của Tổng cục Thống kê). `name` is the spelling
 * printed on the citizen identity card; `aliases` are other spellings people type (search folds diacritics).
 */
export const ETHNIC_GROUPS = [
  { code: "01", name: "Kinh", aliases: ["Việt"] },
  { code: "02", name: "Tày", aliases: [] },
  { code: "03", name: "Thái", aliases: [] },
  { code: "04", name: "Hoa", aliases: [] },
  { code: "05", name: "Khmer", aliases: ["Khơ-me", "Khơ me"] },
  { code: "06", name: "Mường", aliases: [] },
  { code: "07", name: "Nùng", aliases: [] },
  { code: "08", name: "Mông", aliases: ["H'Mông", "Hmông", "Hmong"] },
  { code: "09", name: "Dao", aliases: [] },
  { code: "10", name: "Gia Rai", aliases: ["Gia-rai", "Jrai"] },
  { code: "11", name: "Ngái", aliases: [] },
  { code: "12", name: "Ê Đê", aliases: ["Ê-đê", "Rhade"] },
  { code: "13", name: "Ba Na", aliases: ["Ba-na", "Bahnar"] },
  { code: "14", name: "Xơ Đăng", aliases: ["Xơ-đăng"] },
  { code: "15", name: "Sán Chay", aliases: ["Sán Chỉ", "Cao Lan"] },
  { code: "16", name: "Cơ Ho", aliases: ["Cơ-ho", "K'Ho"] },
  { code: "17", name: "Chăm", aliases: ["Chàm"] },
  { code: "18", name: "Sán Dìu", aliases: [] },
  { code: "19", name: "Hrê", aliases: ["H're"] },
  { code: "20", name: "Mnông", aliases: ["M'Nông"] },
  { code: "21", name: "Ra Glai", aliases: ["Raglay", "Ra-glai"] },
  { code: "22", name: "Xtiêng", aliases: ["X'Tiêng"] },
  { code: "23", name: "Bru Vân Kiều", aliases: ["Bru-Vân Kiều", "Vân Kiều"] },
  { code: "24", name: "Thổ", aliases: [] },
  { code: "25", name: "Giáy", aliases: [] },
  { code: "26", name: "Cơ Tu", aliases: ["Cơ-tu", "Ca Tu"] },
  { code: "27", name: "Giẻ Triêng", aliases: ["Gié-Triêng", "Gié Triêng"] },
  { code: "28", name: "Mạ", aliases: [] },
  { code: "29", name: "Khơ Mú", aliases: ["Khơ-mú", "Khmu"] },
  { code: "30", name: "Co", aliases: [] },
  { code: "31", name: "Tà Ôi", aliases: ["Tà-ôi", "Pa Cô"] },
  { code: "32", name: "Chơ Ro", aliases: ["Chơ-ro"] },
  { code: "33", name: "Kháng", aliases: [] },
  { code: "34", name: "Xinh Mun", aliases: ["Xinh-mun"] },
  { code: "35", name: "Hà Nhì", aliases: [] },
  { code: "36", name: "Chu Ru", aliases: ["Chu-ru"] },
  { code: "37", name: "Lào", aliases: [] },
  { code: "38", name: "La Chí", aliases: [] },
  { code: "39", name: "La Ha", aliases: [] },
  { code: "40", name: "Phù Lá", aliases: [] },
  { code: "41", name: "La Hủ", aliases: [] },
  { code: "42", name: "Lự", aliases: [] },
  { code: "43", name: "Lô Lô", aliases: [] },
  { code: "44", name: "Chứt", aliases: [] },
  { code: "45", name: "Mảng", aliases: [] },
  { code: "46", name: "Pà Thẻn", aliases: [] },
  { code: "47", name: "Cờ Lao", aliases: ["Cơ Lao"] },
  { code: "48", name: "Cống", aliases: [] },
  { code: "49", name: "Bố Y", aliases: [] },
  { code: "50", name: "Si La", aliases: [] },
  { code: "51", name: "Pu Péo", aliases: [] },
  { code: "52", name: "Brâu", aliases: [] },
  { code: "53", name: "Ơ Đu", aliases: [] },
  { code: "54", name: "Rơ Măm", aliases: [] },
] as const;
export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

/** For a select: the value is the name as printed on the CCCD, which is also what the person block stores. */
export const ETHNIC_OPTIONS: readonly ChoiceOption[] = ETHNIC_GROUPS.map((group) => ({
  value: group.name,
  label: group.name,
}));

/** Who the requester is to the person a civil-status event concerns (khai sinh, khai tử, bản sao…). */
export const RELATIONSHIP_OPTIONS = [
  { value: "cha", label: "Cha" },
  { value: "me", label: "Mẹ" },
  { value: "con", label: "Con" },
  { value: "vo_chong", label: "Vợ hoặc chồng" },
  { value: "ong_ba", label: "Ông hoặc bà" },
  { value: "anh_chi_em", label: "Anh, chị hoặc em ruột" },
  { value: "chau", label: "Cháu" },
  { value: "khac", label: "Quan hệ khác" },
] as const satisfies readonly ChoiceOption[];

/**
 * Relationship to the household head, as written in box 8 of tờ khai CT01 (Thông tư 53/2025/TT-BCA).
 * "chu_ho" is for the person who is (or becomes) the head.
 */
export const HOUSEHOLD_RELATIONSHIP_OPTIONS = [
  { value: "chu_ho", label: "Là chủ hộ" },
  { value: "vo", label: "Vợ" },
  { value: "chong", label: "Chồng" },
  { value: "con", label: "Con" },
  { value: "cha", label: "Cha" },
  { value: "me", label: "Mẹ" },
  { value: "ong", label: "Ông" },
  { value: "ba", label: "Bà" },
  { value: "chau", label: "Cháu" },
  { value: "anh_chi_em", label: "Anh, chị, em" },
  { value: "con_dau_re", label: "Con dâu, con rể" },
  { value: "khac", label: "Người khác (ở nhờ, người giúp việc…)" },
] as const satisfies readonly ChoiceOption[];

/**
 * Marital status as the kết hôn eForm words it (Thông tư 04/2020/TT-BTP as amended by 04/2024/TT-BTP).
 * "dang_co_vo_chong" only makes sense for the xác nhận tình trạng hôn nhân form.
 */
export const MARITAL_STATUS_OPTIONS = [
  { value: "chua_ket_hon", label: "Chưa từng đăng ký kết hôn với ai" },
  { value: "da_ly_hon", label: "Đã ly hôn, hiện chưa đăng ký kết hôn với ai" },
  { value: "vo_chong_da_mat", label: "Vợ/chồng đã mất, hiện chưa đăng ký kết hôn với ai" },
] as const satisfies readonly ChoiceOption[];

export const MARITAL_STATUS_WITH_SPOUSE_OPTIONS = [
  ...MARITAL_STATUS_OPTIONS,
  { value: "dang_co_vo_chong", label: "Đang có vợ/chồng" },
] as const satisfies readonly ChoiceOption[];

/** Morning or afternoon at the one-stop desk (Bộ phận một cửa). */
export const SESSION_OPTIONS = [
  { value: "sang", label: "Buổi sáng" },
  { value: "chieu", label: "Buổi chiều (trước 15 giờ để nhận kết quả trong ngày)" },
] as const satisfies readonly ChoiceOption[];
