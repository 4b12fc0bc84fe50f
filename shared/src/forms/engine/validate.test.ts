import { describe, expect, it } from "vitest";
import { formDefinitionSchema } from "../definition";
import { buildAnswersSchema } from "./answers-schema";
import { KITCHEN_SINK, kitchenSinkAnswers, TODAY } from "./testing/fixtures";
import { normaliseAnswers, validateDossier, validateStep } from "./validate";

const options = { today: TODAY };

describe("validateDossier", () => {
  it("accepts the sample dossier and returns it normalised", () => {
    const result = validateDossier(KITCHEN_SINK, kitchenSinkAnswers(), options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      fullName: "Nguyễn Thị Lan",
      age: 35,
      area: 1250.5,
      dob: "1990-09-05",
      cccd: "001190012345",
      phone: "84912345678",
    });
  });

  it("drops hidden fields and unknown ids instead of reporting them", () => {
    const answers = { ...kitchenSinkAnswers(), carPlate: 12345, mailing: "garbage", unknownId: { a: 1 } };
    const result = validateDossier(KITCHEN_SINK, answers, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value)).not.toContain("carPlate");
    expect(Object.keys(result.value)).not.toContain("mailing");
    expect(Object.keys(result.value)).not.toContain("unknownId");
  });

  it("requires a field once it shows, and names its step", () => {
    const result = validateDossier(KITCHEN_SINK, { ...kitchenSinkAnswers(), hasCar: true }, options);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "carPlate", stepId: "about", message: "Biển số xe: vui lòng nhập" }],
    });
  });

  it("does not require the fields of a hidden step", () => {
    const answers: Record<string, unknown> = { ...kitchenSinkAnswers(), channel: "direct" };
    delete answers.agree;
    expect(validateDossier(KITCHEN_SINK, answers, options).ok).toBe(true);
  });

  it("reports everything missing from an empty dossier in form order", () => {
    const result = validateDossier(KITCHEN_SINK, {}, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.slice(0, 3).map((error) => error.path)).toEqual(["fullName", "age", "area"]);
    expect(new Set(result.errors.map((error) => error.stepId))).toEqual(
      new Set(["about", "people", "files"]),
    );
  });

  it("treats answers that are not an object as nothing answered", () => {
    for (const answers of [null, 3, "x", [1, 2]]) {
      const result = validateDossier(KITCHEN_SINK, answers, options);
      expect(result.ok).toBe(false);
    }
  });

  it("never reads an answer from Object.prototype", () => {
    const form = formDefinitionSchema.parse({
      steps: [
        { id: "s", title: "S", fields: [{ id: "constructor", type: "text", label: "Tên", required: false }] },
      ],
    });
    expect(validateDossier(form, {}, options)).toEqual({ ok: true, value: {} });
  });
});

describe("validateStep", () => {
  it("checks only the visible fields of that step", () => {
    const result = validateStep(KITCHEN_SINK, "people", { hasCar: true }, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(new Set(result.errors.map((error) => error.stepId))).toEqual(new Set(["people"]));
    expect(result.errors.map((error) => error.path)).toContain("requester.fullName");
  });

  it("decides visibility from answers of other steps", () => {
    const answers = { ...kitchenSinkAnswers(), sameAsHome: false };
    const result = validateStep(KITCHEN_SINK, "people", answers, options);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(["mailing"]);
  });

  it("has nothing to check in a hidden or unknown step", () => {
    expect(validateStep(KITCHEN_SINK, "confirm", { channel: "direct" }, options)).toEqual({
      ok: true,
      value: {},
    });
    expect(validateStep(KITCHEN_SINK, "nope", {}, options)).toEqual({ ok: true, value: {} });
  });
});

describe("buildAnswersSchema", () => {
  it("is a zod schema of exactly the visible fields", () => {
    const schema = buildAnswersSchema(KITCHEN_SINK, { today: TODAY, visible: new Set(["fullName", "age"]) });
    expect(schema.parse({ fullName: " Lan  Anh ", age: "7", cccd: "x" })).toEqual({
      fullName: "Lan Anh",
      age: 7,
    });
    expect(schema.safeParse({ age: "7" }).success).toBe(false);
  });
});

describe("normaliseAnswers", () => {
  it("normalises what is valid, keeps the rest as typed and drops unknown ids", () => {
    const draft = { fullName: "  Lan ", dob: "05/09/1990", phone: "0912", carPlate: " 30A ", other: 1 };
    expect(normaliseAnswers(KITCHEN_SINK, draft)).toEqual({
      fullName: "Lan",
      dob: "1990-09-05",
      phone: "0912",
      carPlate: "30A",
    });
  });
});
