import { describe, expect, it } from "vitest";
import { statusMessageText } from "./status-messages";

const base = {
  dossierCode: "00292-ABCD-EFGH",
  procedureTitle: "Đăng ký khai sinh",
  dueAt: "2026-12-08T10:00:00.000Z",
};

describe("statusMessageText", () => {
  it("tells a refusal's reason and what to do, without a due date once final", () => {
    const text = statusMessageText({
      ...base,
      status: "refused",
      officerNote: "Không thuộc thẩm quyền của xã.",
    });
    expect(text).toContain("Trạng thái: Hồ sơ không được tiếp nhận.");
    expect(text).toContain("Lý do: Không thuộc thẩm quyền của xã.");
    expect(text).not.toContain("Hẹn trả kết quả");
  });

  it("says where to collect a ready result, and the officer's words for a supplement once only", () => {
    expect(
      statusMessageText({ ...base, status: "result_ready", officerNote: "Bộ phận một cửa, 14:00 thứ Ba" }),
    ).toContain("Nơi và thời gian nhận kết quả: Bộ phận một cửa, 14:00 thứ Ba");
    const supplement = statusMessageText({
      ...base,
      status: "supplement_requested",
      supplementMessage: "Ảnh mờ",
      officerNote: "Ảnh mờ",
    });
    expect(supplement.match(/Ảnh mờ/g)).toHaveLength(1);
    expect(supplement).toContain("Hẹn trả kết quả: 08/12/2026.");
  });
});
