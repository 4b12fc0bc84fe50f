/**
 * The 34 provinces and centrally-run cities since 1/7/2025 (Nghị quyết 202/2025/QH15), GSO codes, as in
 * shared/data/vn-admin-2025/provinces_34.csv (the server seeds its unit table from the same file; a test
 * keeps the two equal). Small and fixed, so forms list it without asking the server: a place of birth
 * may be in any province.
 */
export const PROVINCES: readonly { code: string; name: string }[] = [
  { code: "01", name: "Thành phố Hà Nội" },
  { code: "04", name: "Cao Bằng" },
  { code: "08", name: "Tuyên Quang" },
  { code: "11", name: "Điện Biên" },
  { code: "12", name: "Lai Châu" },
  { code: "14", name: "Sơn La" },
  { code: "15", name: "Lào Cai" },
  { code: "19", name: "Thái Nguyên" },
  { code: "20", name: "Lạng Sơn" },
  { code: "22", name: "Quảng Ninh" },
  { code: "24", name: "Bắc Ninh" },
  { code: "25", name: "Phú Thọ" },
  { code: "31", name: "Thành phố Hải Phòng" },
  { code: "33", name: "Hưng Yên" },
  { code: "37", name: "Ninh Bình" },
  { code: "38", name: "Thanh Hóa" },
  { code: "40", name: "Nghệ An" },
  { code: "42", name: "Hà Tĩnh" },
  { code: "44", name: "Quảng Trị" },
  { code: "46", name: "Thành phố Huế" },
  { code: "48", name: "Thành phố Đà Nẵng" },
  { code: "51", name: "Quảng Ngãi" },
  { code: "52", name: "Gia Lai" },
  { code: "56", name: "Khánh Hòa" },
  { code: "66", name: "Đắk Lắk" },
  { code: "68", name: "Lâm Đồng" },
  { code: "75", name: "Đồng Nai" },
  { code: "79", name: "Thành phố Hồ Chí Minh" },
  { code: "80", name: "Tây Ninh" },
  { code: "82", name: "Đồng Tháp" },
  { code: "86", name: "Vĩnh Long" },
  { code: "91", name: "An Giang" },
  { code: "92", name: "Thành phố Cần Thơ" },
  { code: "96", name: "Cà Mau" },
];

/** The province's name by GSO code ("01" → "Thành phố Hà Nội"), undefined for an unknown code. */
export function provinceName(code: string): string | undefined {
  return PROVINCES.find((province) => province.code === code)?.name;
}
