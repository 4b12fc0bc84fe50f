/**
 * The procedures people come for most, shown on Home before anything is typed. Codes and titles only
 * (the catalog itself is fetched, never bundled); the server remains the source of every detail.
 */
export const POPULAR_PROCEDURES = [
  { code: "1.001193", title: "Đăng ký khai sinh" },
  { code: "1.000894", title: "Đăng ký kết hôn" },
  { code: "1.004194", title: "Đăng ký tạm trú" },
  { code: "1.004222", title: "Đăng ký thường trú" },
  { code: "1.004873", title: "Xác nhận tình trạng hôn nhân" },
  { code: "1.001612", title: "Đăng ký hộ kinh doanh" },
] as const;

export function popularTitle(code: string): string | undefined {
  return POPULAR_PROCEDURES.find((procedure) => procedure.code === code)?.title;
}
