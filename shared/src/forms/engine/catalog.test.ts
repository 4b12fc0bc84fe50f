import { describe, expect, it } from "vitest";
import { CATALOG, EFORM_FIELD_COUNTS } from "../../procedures/catalog";
import { typedFieldCount } from "./counts";
import type { Profile } from "./prefill";
import { summariseAnswers } from "./summary";
import { validateDossier } from "./validate";
import { visibleSteps } from "./visibility";

/** A citizen whose profile is complete: what every form should then ask at most. */
const FULL_PROFILE: Profile = {
  fullName: "Nguyễn Văn An",
  dateOfBirth: "1990-05-01",
  sex: "nam",
  ethnicity: "Kinh",
  nationality: "Việt Nam",
  cccd: "001090012345",
  phone: "84912345678",
  email: "an.nguyen@gmail.com",
  address: { provinceCode: "01", communeCode: "00004", detail: "Số 5 ngõ 12 Bạch Mai" },
};

const FILEABLE = CATALOG.flatMap((procedure) => (procedure.online ? [procedure] : []));

describe("the engine on the catalog's forms", () => {
  it("has forms to run on", () => {
    expect(FILEABLE.length).toBeGreaterThan(0);
  });

  it.each(FILEABLE.map((procedure) => [procedure.code, procedure] as const))(
    "%s: an empty dossier shows every unconditional step and is refused with messages",
    (_code, procedure) => {
      expect(visibleSteps(procedure.form, {}).length).toBeGreaterThan(0);
      const result = validateDossier(procedure.form, {}, { today: "2025-09-01" });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      for (const error of result.errors) {
        expect(error.message.length).toBeGreaterThan(5);
        expect(procedure.form.steps.map((step) => step.id)).toContain(error.stepId);
      }
      expect(summariseAnswers(procedure.form, {}).length).toBeGreaterThan(0);
    },
  );

  // A count of 0 means there is no national eForm to compare with (e.g. chứng thực is done at the desk).
  it.each(Object.entries(EFORM_FIELD_COUNTS).filter(([, count]) => count > 0))(
    "%s asks a citizen with a profile no more than the national eForm",
    (code, eformCount) => {
      const procedure = FILEABLE.find((candidate) => candidate.code === code);
      if (procedure === undefined) return;
      expect(typedFieldCount(procedure.form, FULL_PROFILE)).toBeLessThanOrEqual(eformCount);
    },
  );

  it("khai sinh (1.001193) asks under half the national eForm's fields", () => {
    const khaiSinh = FILEABLE.find((procedure) => procedure.code === "1.001193");
    const eform = EFORM_FIELD_COUNTS["1.001193"];
    expect(khaiSinh).toBeDefined();
    expect(eform).toBeDefined();
    if (khaiSinh === undefined || eform === undefined) return;
    expect(typedFieldCount(khaiSinh.form, FULL_PROFILE)).toBeLessThan(eform / 2);
  });
});
