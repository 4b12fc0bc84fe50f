import { describe, expect, it } from "vitest";
import { personNamesInAnswers } from "./person-names";

describe("personNamesInAnswers", () => {
  it("finds every person's full name, in groups too, and nothing else", () => {
    const answers = {
      requester: { fullName: "Nguyễn Thị Lan", cccd: "001192012345" },
      child: { fullName: "Nguyễn Minh Khôi", dateOfBirth: "2026-11-30" },
      witnesses: [{ person: { fullName: "Trần Văn An" } }],
      phone: "0912345678",
      note: { text: "fullName" },
    };
    expect(personNamesInAnswers(answers)).toEqual(["Nguyễn Thị Lan", "Nguyễn Minh Khôi", "Trần Văn An"]);
  });
});
