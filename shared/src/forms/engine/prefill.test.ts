import { describe, expect, it } from "vitest";
import { typedFieldCount } from "./counts";
import { type Profile, prefillAnswers } from "./prefill";
import { formOf, KITCHEN_SINK } from "./testing/fixtures";

const HOME = { provinceCode: "01", communeCode: "00004", detail: "Số 5 ngõ 12" };
const PROFILE: Profile = {
  fullName: "Nguyễn Văn An",
  dateOfBirth: "1990-05-01",
  sex: "nam",
  ethnicity: "Kinh",
  nationality: "Việt Nam",
  cccd: "001090012345",
  phone: "84912345678",
  email: "an@gmail.com",
  address: HOME,
};

describe("prefillAnswers", () => {
  const form = formOf(
    { id: "name", type: "text", label: "Họ tên", prefill: { from: "zalo", key: "name" } },
    { id: "phone", type: "phone", label: "Điện thoại", prefill: { from: "profile", key: "phone" } },
    {
      id: "me",
      type: "person",
      label: "Người yêu cầu",
      parts: ["fullName", "sex", "residence"],
      prefill: { from: "profile", key: "fullName" },
    },
    { id: "home", type: "address", label: "Nơi ở", prefill: { from: "field", field: "me" } },
    { id: "mail", type: "address", label: "Nhận thư", prefill: { from: "field", field: "home" } },
  );

  it("fills empty answers from the profile, Zalo and other answers", () => {
    const answers = prefillAnswers(form, { profile: PROFILE, zalo: { name: "An Nguyễn" } }, {});
    expect(answers).toEqual({
      name: "An Nguyễn",
      phone: "84912345678",
      me: { fullName: "Nguyễn Văn An", sex: "nam", residence: HOME },
      home: HOME,
      mail: HOME,
    });
  });

  it("never overwrites what the citizen typed, filling only empty parts of a person block", () => {
    const typed = {
      phone: "0988 000 111",
      me: { fullName: "Nguyễn An", sex: "" },
      home: { provinceCode: "79" },
    };
    const answers = prefillAnswers(form, { profile: PROFILE }, typed);
    expect(answers.phone).toBe("0988 000 111");
    expect(answers.me).toEqual({ fullName: "Nguyễn An", sex: "nam", residence: HOME });
    expect(answers.home).toEqual({ provinceCode: "79" });
    expect(answers.mail).toEqual({ provinceCode: "79" });
  });

  it("copies are independent of their source", () => {
    const answers = prefillAnswers(form, { profile: PROFILE }, {});
    (answers.home as { detail: string }).detail = "khác";
    expect((answers.mail as { detail: string }).detail).toBe("Số 5 ngõ 12");
  });

  it("leaves everything alone without sources", () => {
    expect(prefillAnswers(form, {}, { extra: 1 })).toEqual({ extra: 1 });
  });
});

describe("typedFieldCount", () => {
  it("counts person parts one by one and leaves out what the profile prefills", () => {
    const form = formOf(
      { id: "me", type: "person", label: "Người yêu cầu", prefill: { from: "profile", key: "fullName" } },
      { id: "child", type: "person", label: "Cháu", parts: ["fullName", "dateOfBirth", "sex"] },
      { id: "note", type: "text", label: "Ghi chú", visibleWhen: { field: "child.sex", equals: "nu" } },
      { id: "copyOfHome", type: "address", label: "Nơi ở", prefill: { from: "field", field: "me" } },
      { id: "file", type: "attachment", label: "Ảnh" },
      { id: "ok", type: "declaration", label: "Cam đoan", statement: "Tôi cam đoan." },
    );
    expect(typedFieldCount(form, {})).toBe(7 + 3 + 1);
    expect(typedFieldCount(form, PROFILE)).toBe(3 + 1);
    expect(typedFieldCount(form, { fullName: "An" })).toBe(6 + 3 + 1);
  });

  it("counts a group's fields once per required item", () => {
    const members = KITCHEN_SINK.steps[2]?.fields[2];
    expect(members?.type).toBe("group");
    if (members?.type !== "group") return;
    expect(typedFieldCount(formOf({ ...members, minItems: 2 }), {})).toBe(8);
  });
});
