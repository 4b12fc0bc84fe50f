import { describe, expect, it } from "vitest";
import { findProcedure } from "../../procedures/catalog";
import { prefillAnswers } from "./prefill";
import { validateDossier, validateStep } from "./validate";

const TODAY = "2026-12-01";
function fileable(code: string) {
  const procedure = findProcedure(code);
  if (!procedure?.online) throw new Error(`${code} must be fileable`);
  return procedure;
}
const khaiSinh = fileable("1.001193");
const ketHon = fileable("1.000894");

/** Born 1992, digit 4: 1 = woman, 0 = man (born 1900–1999). */
const WOMAN_1992 = "001192012345";
const MAN_1990 = "001090012345";

const requester = (cccd: string) => ({
  fullName: "Nguyễn Thị Lan",
  dateOfBirth: "1992-04-05",
  cccd,
  residence: { provinceCode: "01", communeCode: "00292", detail: "Số 5 ngõ 12 Bạch Mai" },
});

function stepErrors(stepId: string, answers: Record<string, unknown>) {
  const result = validateStep(khaiSinh.form, stepId, answers, { today: TODAY });
  return result.ok ? [] : result.errors;
}

describe("relationships and roles checked against the sex a CCCD encodes", () => {
  it("refuses “Mẹ” for a requester whose CCCD is a man's, beside the relationship, saying what to do", () => {
    const errors = stepErrors("nguoiKhai", {
      requester: requester(MAN_1990),
      phone: "0912345678",
      relationship: "me",
    });
    const beside = errors.find((error) => error.path === "relationship");
    expect(beside?.message).toContain("không chọn được “Mẹ”");
    expect(beside?.message).toContain("chữ số thứ 4 là 0");
    expect(beside?.message).toContain("Hãy chọn lại");
  });

  it("accepts “Mẹ” for a woman's CCCD, and “Người khác” whatever the CCCD", () => {
    const base = { phone: "0912345678" };
    expect(
      stepErrors("nguoiKhai", { ...base, requester: requester(WOMAN_1992), relationship: "me" }),
    ).toEqual([]);
    expect(
      stepErrors("nguoiKhai", {
        ...base,
        requester: { ...requester(MAN_1990), dateOfBirth: "1990-01-01" },
        relationship: "khac",
        relationshipOther: "ông ngoại",
      }),
    ).toEqual([]);
  });

  it("refuses a mother's CCCD that encodes a man, on the mother's number", () => {
    const errors = stepErrors("chaMe", {
      relationship: "khac",
      mother: { fullName: "Trần Thị Hoa", cccd: MAN_1990 },
      fatherKnown: false,
    });
    expect(errors.map((error) => error.path)).toEqual(["mother.cccd"]);
    expect(errors[0]?.message).toContain("mẹ của cháu là người nữ");
  });

  it("the server's dossier check applies the same rule", () => {
    const result = validateDossier(
      khaiSinh.form,
      { requester: requester(MAN_1990), relationship: "me" },
      { today: TODAY },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.path)).toContain("relationship");
  });

  it("says “chọn” for an ethnicity left blank (it is picked from a list)", () => {
    const errors = stepErrors("tre", {
      child: { fullName: "Nguyễn Minh Khôi", dateOfBirth: "2026-11-20", sex: "nam" },
    });
    expect(errors.find((error) => error.path === "child.ethnicity")?.message).toBe(
      "Dân tộc (Cháu được khai sinh): vui lòng chọn",
    );
  });
});

describe("prefill from what is known", () => {
  it("on first use: the Zalo name and the commune chosen on Home start the requester", () => {
    const answers = prefillAnswers(
      khaiSinh.form,
      {
        profile: {},
        zalo: { name: "Nguyễn Thị Lan" },
        commune: { provinceCode: "01", communeCode: "00292" },
      },
      {},
    );
    expect(answers.requester).toEqual({
      fullName: "Nguyễn Thị Lan",
      residence: { provinceCode: "01", communeCode: "00292", detail: "" },
    });
  });

  it("a saved profile wins over Zalo and the chosen commune", () => {
    const address = { provinceCode: "01", communeCode: "00004", detail: "Số 1 Hàng Bài" };
    const answers = prefillAnswers(
      khaiSinh.form,
      {
        profile: { fullName: "Lê Thị Hồng", address },
        zalo: { name: "Hồng Lê" },
        commune: { provinceCode: "01", communeCode: "00292" },
      },
      {},
    );
    expect(answers.requester).toEqual({ fullName: "Lê Thị Hồng", residence: address });
  });

  it("kết hôn: the requester's sex is derived from the profile's CCCD when the profile has none", () => {
    const answers = prefillAnswers(ketHon.form, { profile: { cccd: WOMAN_1992 } }, {});
    expect(answers.requester).toMatchObject({ cccd: WOMAN_1992, sex: "nu" });
  });
});
