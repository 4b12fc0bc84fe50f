import { describe, expect, it } from "vitest";
import { dossierSubjectName } from "./dossier-subject";

const requester = { fullName: "Nguyễn Thị Lan", cccd: "001192012345", dateOfBirth: "1992-04-05" };

describe("dossierSubjectName", () => {
  it("names the child of a birth registration, not the parent filing it", () => {
    expect(
      dossierSubjectName({
        requester,
        phone: "0912345678",
        child: { fullName: "  Nguyễn   Minh Khôi ", dateOfBirth: "2026-11-01" },
        mother: { fullName: "Nguyễn Thị Lan", cccd: "001192012345" },
      }),
    ).toBe("Nguyễn Minh Khôi");
  });

  it("names both parties of a marriage", () => {
    expect(dossierSubjectName({ requester, partner: { fullName: "Trần Văn Bình" } })).toBe(
      "Nguyễn Thị Lan và Trần Văn Bình",
    );
  });

  it("falls back to the requester, and to nothing when no name was filed", () => {
    expect(dossierSubjectName({ requester, owner: { fullName: "Chủ nhà" } })).toBe("Nguyễn Thị Lan");
    expect(dossierSubjectName({ childName: "Khôi", child: { fullName: "  " } })).toBeNull();
  });

  it("never returns an identity number or a phone number", () => {
    const name = dossierSubjectName({ requester: { cccd: "001192012345" }, phone: "0912345678" });
    expect(name).toBeNull();
  });
});
