/**
 * Weekdays off we assume for a year whose civil-service notice has not been published. [U]
 *
 * The data file lists the statutory days of Bộ luật Lao động 2019 Điều 112(1) for such a year, but two of
 * them cannot be used as they stand: Tết is given as mùng 1 (a Saturday in 2027) while the five Tết days are
 * chosen by the Prime Minister, and Quốc khánh has "+ 1 adjacent day, undecided". This table turns the
 * projection into concrete weekdays. Every date here is unconfirmed; when Bộ Nội vụ publishes the notice
 * (usually October–December of the year before), replace the data file and delete the year from this table
 * (a test fails while both exist).
 */
export interface ProjectedDayOff {
  date: string;
  name: string;
  /** Why this weekday was chosen. */
  basis: string;
}

export const PROJECTED_DAYS_OFF: Readonly<Record<string, readonly ProjectedDayOff[]>> = {
  "2027": [
    { date: "2027-01-01", name: "Tết Dương lịch", basis: "Điều 112(1)" },
    ...["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"].map((date) => ({
      date,
      name: "Tết Âm lịch Đinh Mùi (dự kiến)",
      // Mùng 1 = Sat 6/2/2027; five weekdays 28 Chạp … mùng 5, as python-holidays projects (data file).
      basis: "Điều 112(1); 5 ngày Tết do Thủ tướng quyết định — chưa có thông báo",
    })),
    { date: "2027-04-16", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", basis: "Điều 112(1)" },
    { date: "2027-04-30", name: "Ngày Chiến thắng", basis: "Điều 112(1)" },
    { date: "2027-05-03", name: "Nghỉ bù Quốc tế Lao động (1/5 là thứ Bảy)", basis: "Điều 112(1), 111(3)" },
    { date: "2027-09-02", name: "Quốc khánh", basis: "Điều 112(1)" },
    {
      date: "2027-09-03",
      name: "Quốc khánh (ngày liền kề, dự kiến)",
      // 2/9/2027 is a Thursday. The 2025 and 2026 notices both chose the adjacent day that joins the
      // weekend (Mon 1/9/2025; Tue 1/9/2026 with a swap), so Friday 3/9 is the likelier pick. Our reading.
      basis: "Điều 112(1): 1 ngày liền kề trước hoặc sau — chưa quyết định",
    },
    { date: "2027-11-24", name: "Ngày Văn hóa Việt Nam", basis: "Nghị quyết 28/2026/QH16 Điều 2" },
  ],
};
// Not applied: one private calendar's Saturday 26/12/2026 worked for Thursday 31/12/2026 off (single source).
