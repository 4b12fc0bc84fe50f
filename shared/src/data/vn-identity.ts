/**
 * Identity reference data (copied from shared/data/vn-identity/cccd_and_phone.json; facts only).
 *
 * CCCD province codes: digits 1–3 of the số định danh cá nhân are the province where the birth was
 * registered (Thông tư 07/2016/TT-BCA, kept by Thông tư 59/2021/TT-BCA and Luật Căn cước 2023).
 * They are "0" + the GSO code of the 63 pre-2025 provinces. The 1/7/2025 merger into 34 provinces does not
 * change numbers already issued, so every one of the 63 codes stays valid.
 */
export const CCCD_PROVINCE_CODES: Readonly<Record<string, string>> = {
  "001": "Hà Nội",
  "002": "Hà Giang",
  "004": "Cao Bằng",
  "006": "Bắc Kạn",
  "008": "Tuyên Quang",
  "010": "Lào Cai",
  "011": "Điện Biên",
  "012": "Lai Châu",
  "014": "Sơn La",
  "015": "Yên Bái",
  "017": "Hòa Bình",
  "019": "Thái Nguyên",
  "020": "Lạng Sơn",
  "022": "Quảng Ninh",
  "024": "Bắc Giang",
  "025": "Phú Thọ",
  "026": "Vĩnh Phúc",
  "027": "Bắc Ninh",
  "030": "Hải Dương",
  "031": "Hải Phòng",
  "033": "Hưng Yên",
  "034": "Thái Bình",
  "035": "Hà Nam",
  "036": "Nam Định",
  "037": "Ninh Bình",
  "038": "Thanh Hóa",
  "040": "Nghệ An",
  "042": "Hà Tĩnh",
  "044": "Quảng Bình",
  "045": "Quảng Trị",
  "046": "Thừa Thiên Huế",
  "048": "Đà Nẵng",
  "049": "Quảng Nam",
  "051": "Quảng Ngãi",
  "052": "Bình Định",
  "054": "Phú Yên",
  "056": "Khánh Hòa",
  "058": "Ninh Thuận",
  "060": "Bình Thuận",
  "062": "Kon Tum",
  "064": "Gia Lai",
  "066": "Đắk Lắk",
  "067": "Đắk Nông",
  "068": "Lâm Đồng",
  "070": "Bình Phước",
  "072": "Tây Ninh",
  "074": "Bình Dương",
  "075": "Đồng Nai",
  "077": "Bà Rịa - Vũng Tàu",
  "079": "TP. Hồ Chí Minh",
  "080": "Long An",
  "082": "Tiền Giang",
  "083": "Bến Tre",
  "084": "Trà Vinh",
  "086": "Vĩnh Long",
  "087": "Đồng Tháp",
  "089": "An Giang",
  "091": "Kiên Giang",
  "092": "Cần Thơ",
  "093": "Hậu Giang",
  "094": "Sóc Trăng",
  "095": "Bạc Liêu",
  "096": "Cà Mau",
};

/**
 * Mobile prefixes (first three digits of the 10-digit national number) after the 2018 conversion of
 * 11-digit numbers to 10 digits. Grouped by the carrier that was allocated the range; since number
 * portability (2019) a prefix no longer proves the current carrier, so we only use it to accept a number.
 * 055 (Wintel/Reddi) and 052 are less certain in the source but are real allocations: accept them.
 */
export const MOBILE_PREFIXES_BY_CARRIER: Readonly<Record<string, readonly string[]>> = {
  Viettel: ["032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098"],
  Vinaphone: ["081", "082", "083", "084", "085", "088", "091", "094"],
  MobiFone: ["070", "076", "077", "078", "079", "089", "090", "093"],
  Vietnamobile: ["052", "056", "058", "092"],
  Gmobile: ["059", "099"],
  "Itelecom (MVNO)": ["087"],
  "Wintel/Reddi (MVNO)": ["055"],
};

/**
 * Old 11-digit prefixes and the 10-digit prefix each became (switch-over 15/9–14/11/2018, Bộ TT&TT plan; the last
 * seven digits were kept). Used only to tell someone with an old number what it is now.
 */
export const CONVERTED_2018_PREFIXES: Readonly<Record<string, string>> = {
  // Viettel
  "0162": "032",
  "0163": "033",
  "0164": "034",
  "0165": "035",
  "0166": "036",
  "0167": "037",
  "0168": "038",
  "0169": "039",
  // MobiFone
  "0120": "070",
  "0121": "079",
  "0122": "077",
  "0126": "076",
  "0128": "078",
  // Vinaphone
  "0123": "083",
  "0124": "084",
  "0125": "085",
  "0127": "081",
  "0129": "082",
  // Vietnamobile
  "0186": "056",
  "0188": "058",
  // Gmobile
  "0199": "059",
};
