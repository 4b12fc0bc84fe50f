import { describe, expect, it } from "vitest";
import { RESULT_FILE_NOTE, resultReadyNote, statusMessageText } from "./status-messages";

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

  it("says the result can be downloaded in the Mini App when a file is attached", () => {
    const fileOnly = statusMessageText({
      ...base,
      status: "result_ready",
      officerNote: resultReadyNote({ hasFile: true }) ?? undefined,
    });
    expect(fileOnly).toContain(RESULT_FILE_NOTE);
    expect(fileOnly).not.toContain("Nơi và thời gian nhận kết quả");
    expect(fileOnly).not.toContain("mang giấy tờ tùy thân");

    const both = statusMessageText({
      ...base,
      status: "result_ready",
      officerNote: resultReadyNote({ pickUp: "Bộ phận một cửa, 14:00 thứ Ba", hasFile: true }) ?? undefined,
    });
    expect(both).toContain("Nơi và thời gian nhận kết quả: Bộ phận một cửa, 14:00 thứ Ba");
    expect(both).toContain(RESULT_FILE_NOTE);
    expect(both).toContain("mang giấy tờ tùy thân");
    expect(resultReadyNote({ pickUp: "Quầy 3", hasFile: false })).toBe("Quầy 3");
  });
});
