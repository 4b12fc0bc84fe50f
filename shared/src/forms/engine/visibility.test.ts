import { describe, expect, it } from "vitest";
import { type Condition, formDefinitionSchema } from "../definition";
import { evaluateCondition } from "./conditions";
import { stepProgress } from "./progress";
import { formOf, KITCHEN_SINK, kitchenSinkAnswers } from "./testing/fixtures";
import { visibleFieldIds, visibleSteps } from "./visibility";

describe("evaluateCondition", () => {
  const answers: Record<string, unknown> = { kind: "a", count: 2, flag: false, person: { sex: "nu" } };
  const lookup = (path: string) => {
    const [id = "", ...rest] = path.split(".");
    return rest.reduce<unknown>(
      (value, key) => (value as Record<string, unknown> | undefined)?.[key],
      answers[id],
    );
  };
  const holds = (condition: Condition) => evaluateCondition(condition, lookup);

  it("compares with equals and in, without coercing types", () => {
    expect(holds({ field: "kind", equals: "a" })).toBe(true);
    expect(holds({ field: "count", equals: 2 })).toBe(true);
    expect(holds({ field: "count", equals: "2" })).toBe(false);
    expect(holds({ field: "flag", equals: false })).toBe(true);
    expect(holds({ field: "kind", in: ["b", "a"] })).toBe(true);
    expect(holds({ field: "missing", in: ["a"] })).toBe(false);
  });
  it("tells answered from unanswered; false counts as answered", () => {
    expect(holds({ field: "flag", answered: true })).toBe(true);
    expect(holds({ field: "missing", answered: false })).toBe(true);
  });
  it("combines with all, any and not, and reads dotted paths", () => {
    expect(
      holds({
        all: [
          { field: "kind", equals: "a" },
          { field: "person.sex", equals: "nu" },
        ],
      }),
    ).toBe(true);
    expect(holds({ any: [{ field: "kind", equals: "b" }, { not: { field: "flag", equals: true } }] })).toBe(
      true,
    );
    expect(holds({ not: { any: [{ field: "kind", equals: "a" }] } })).toBe(false);
  });
});

describe("visibleSteps", () => {
  it("shows a field when its condition holds over normalised answers", () => {
    const form = formOf(
      { id: "kind", type: "text", label: "Loại" },
      { id: "detail", type: "text", label: "Chi tiết", visibleWhen: { field: "kind", equals: "khác" } },
    );
    expect(visibleFieldIds(form, { kind: "  khác " }).has("detail")).toBe(true);
    expect(visibleFieldIds(form, { kind: "khác".normalize("NFD") }).has("detail")).toBe(true);
    expect(visibleFieldIds(form, { kind: "con" }).has("detail")).toBe(false);
  });

  it("treats a hidden field as unanswered for the fields that depend on it", () => {
    const form = formOf(
      { id: "married", type: "yes_no", label: "Đã kết hôn?" },
      {
        id: "spouseKnown",
        type: "yes_no",
        label: "Biết vợ/chồng?",
        visibleWhen: { field: "married", equals: true },
      },
      { id: "spouse", type: "text", label: "Vợ/chồng", visibleWhen: { field: "spouseKnown", equals: true } },
      { id: "single", type: "text", label: "Lý do", visibleWhen: { field: "spouseKnown", answered: false } },
    );
    const stale = { married: false, spouseKnown: true, spouse: "An" };
    expect([...visibleFieldIds(form, stale)]).toEqual(["married", "single"]);
    expect([...visibleFieldIds(form, { ...stale, married: true })]).toEqual([
      "married",
      "spouseKnown",
      "spouse",
    ]);
  });

  it("reads parts of a person block by dotted path", () => {
    const ids = (answers: Record<string, unknown>) =>
      visibleFieldIds(KITCHEN_SINK, answers).has("maidenName");
    expect(ids(kitchenSinkAnswers())).toBe(true);
    expect(ids({ ...kitchenSinkAnswers(), requester: { sex: "nam" } })).toBe(false);
  });

  it("hides a whole step by its condition and drops steps left empty", () => {
    const steps = (answers: Record<string, unknown>) =>
      visibleSteps(KITCHEN_SINK, answers).map((step) => step.id);
    expect(steps(kitchenSinkAnswers())).toEqual(["about", "people", "files", "confirm"]);
    expect(steps({ ...kitchenSinkAnswers(), channel: "direct" })).toEqual(["about", "people", "files"]);
    const allConditional = formDefinitionSchema.parse({
      steps: [
        { id: "a", title: "A", fields: [{ id: "x", type: "yes_no", label: "X" }] },
        {
          id: "b",
          title: "B",
          fields: [{ id: "y", type: "text", label: "Y", visibleWhen: { field: "x", equals: true } }],
        },
      ],
    });
    expect(visibleSteps(allConditional, { x: false }).map((step) => step.id)).toEqual(["a"]);
  });

  it("does not loop on a rule that depends on its own field", () => {
    const form = formOf(
      { id: "a", type: "text", label: "A", visibleWhen: { field: "b", answered: true } },
      { id: "b", type: "text", label: "B", visibleWhen: { field: "a", answered: true } },
    );
    expect([...visibleFieldIds(form, { a: "x", b: "y" })]).toEqual([]);
  });

  it("ignores answers that are not an object", () => {
    expect(visibleSteps(KITCHEN_SINK, "garbage").length).toBe(3);
    expect(visibleSteps(KITCHEN_SINK, null).length).toBe(3);
  });
});

describe("stepProgress", () => {
  it("counts visible steps only", () => {
    expect(stepProgress(KITCHEN_SINK, kitchenSinkAnswers(), "files")).toEqual({ index: 3, total: 4 });
    const direct = { ...kitchenSinkAnswers(), channel: "direct" };
    expect(stepProgress(KITCHEN_SINK, direct, "files")).toEqual({ index: 3, total: 3 });
    expect(stepProgress(KITCHEN_SINK, direct, "confirm")).toBeNull();
    expect(stepProgress(KITCHEN_SINK, direct, "nope")).toBeNull();
  });
});
