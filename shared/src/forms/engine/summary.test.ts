import { describe, expect, it } from "vitest";
import { summariseAnswers } from "./summary";
import { KITCHEN_SINK, kitchenSinkAnswers } from "./testing/fixtures";

function displays(answers: unknown, options = {}) {
  const items = summariseAnswers(KITCHEN_SINK, answers, options).flatMap((step) => step.items);
  return Object.fromEntries(items.map((item) => [item.fieldId, item.display]));
}

describe("summariseAnswers", () => {
  const answers = {
    ...kitchenSinkAnswers(),
    hasCar: true,
    carPlate: "30A-123.45",
    email: "Lan@Gmail.com",
    members: [{ name: "Bé Na", relation: "khac", relationOther: "cháu ngoại", memberCccd: "" }],
  };

  it("groups visible answers per visible step with their titles", () => {
    const steps = summariseAnswers(KITCHEN_SINK, { ...answers, channel: "direct" });
    expect(steps.map((step) => step.title)).toEqual(["Về bạn", "Người liên quan", "Giấy tờ"]);
    expect(steps[0]?.items[0]).toEqual({
      fieldId: "fullName",
      label: "Họ và tên",
      display: "Nguyễn Thị Lan",
    });
  });

  it("spells answers the Vietnamese way", () => {
    const shown = displays(answers);
    expect(shown).toMatchObject({
      age: "35",
      area: "1.250,5 m²",
      dob: "05/09/1990",
      kind: "Bản sao",
      channel: "Trực tuyến",
      hasCar: "Có",
      sameAsHome: "Có",
      phone: "0912 345 678",
      email: "Lan@gmail.com",
      cccd: "001190012345",
      "requester.sex": "Nữ",
      "requester.dateOfBirth": "05/09/1990",
      "requester.residence": "Số 5 ngõ 12 Bạch Mai, Xã/phường mã 00004, Tỉnh/thành phố mã 01",
      photos: "1 tệp: giay-to.jpg",
      "members.0.relation": "Khác",
      "members.0.relationOther": "cháu ngoại",
      // Optional and left blank: "none", not "not yet typed".
      "members.0.memberCccd": "Không có",
      agree: "Đã xác nhận",
    });
    expect(shown).not.toHaveProperty("mailing");
  });

  it("labels parts and group items with their block", () => {
    const items = summariseAnswers(KITCHEN_SINK, answers).flatMap((step) => step.items);
    const label = (fieldId: string) => items.find((item) => item.fieldId === fieldId)?.label;
    expect(label("requester.fullName")).toBe("Họ, chữ đệm và tên (Người yêu cầu)");
    expect(label("members.0.name")).toBe("Họ và tên (Thành viên 1)");
  });

  it("masks CCCD numbers except the last 4 digits when asked", () => {
    const shown = displays(answers, { maskIdentity: true });
    expect(shown.cccd).toBe("••••••••2345");
    expect(shown["requester.cccd"]).toBe("••••••••2345");
  });

  it("names units when given a lookup", () => {
    const unitName = (kind: "province" | "commune", code: string) =>
      kind === "province" ? `Thành phố Hà Nội (${code})` : "Phường Bạch Mai";
    expect(displays(answers, { unitName }).home).toBe(
      "Số 5 ngõ 12 Bạch Mai, Phường Bạch Mai, Thành phố Hà Nội (01)",
    );
  });

  it("shows unanswered and half-typed answers as they are", () => {
    const shown = displays({ fullName: "", dob: "31/02/2024", phone: "0912", members: [] });
    expect(shown).toMatchObject({
      fullName: "Chưa nhập",
      dob: "31/02/2024",
      phone: "0912",
      members: "Không có",
    });
    expect(displays({ hasCar: false }).hasCar).toBe("Không");
  });
});
