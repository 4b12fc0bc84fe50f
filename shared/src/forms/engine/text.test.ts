import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FieldInput } from "../definition";
import { formOf, TODAY } from "./testing/fixtures";
import { isBlankText, normaliseLine, stripInvisible } from "./text";
import { validateDossier } from "./validate";

describe("invisible characters", () => {
  it("drops control characters, lone surrogates and zero-width spaces, keeping whitespace", () => {
    expect(stripInvisible("A\u0000n\u200b\t\u0085h\uD800\n")).toBe("An\th\n");
    expect(stripInvisible("Em 👍")).toBe("Em 👍");
    expect(normaliseLine(" \u0000Lê\u00a0\u00a0Văn\r\nA ")).toBe("Lê Văn A");
  });
  it("counts an answer made only of them as blank", () => {
    expect(isBlankText("\u0000\u200b \t")).toBe(true);
    const result = validateDossier(
      formOf({ id: "x", type: "text", label: "Tên" }),
      { x: "\u0000" },
      { today: TODAY },
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "x", stepId: "only", message: "Tên: vui lòng nhập" }],
    });
  });
});

/** Any string a text-like field accepts comes out in a form that re-validates to itself (and stores in JSON). */
describe.each<FieldInput>([
  { id: "x", type: "text", label: "Tên", required: false, maxLength: 500 },
  { id: "x", type: "long_text", label: "Ghi chú", required: false },
  { id: "x", type: "email", label: "Email", required: false },
  { id: "x", type: "number", label: "Số", required: false, integer: false },
  { id: "x", type: "date", label: "Ngày", required: false },
  { id: "x", type: "phone", label: "Điện thoại", required: false },
  { id: "x", type: "cccd", label: "CCCD", required: false },
])("normalisation of $type is idempotent", (field) => {
  const form = formOf(field);
  const strings = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.string({ unit: "grapheme" }),
    fc.stringMatching(/^[ \d.,+/-]{0,16}$/),
    fc.stringMatching(/^[ a-zA-Z0-9@.]{0,20}$/),
  );
  it("for arbitrary Unicode input", () => {
    fc.assert(
      fc.property(strings, (input) => {
        const first = validateDossier(form, { x: input }, { today: TODAY });
        if (!first.ok) return;
        const again = validateDossier(form, JSON.parse(JSON.stringify(first.value)), { today: TODAY });
        expect(again).toStrictEqual(first);
        const value = first.value.x;
        if (typeof value === "string") expect(stripInvisible(value)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});
