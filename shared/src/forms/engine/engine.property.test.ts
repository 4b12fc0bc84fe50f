import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FormDefinition, PROFILE_KEYS } from "../definition";
import { allFields } from "./answers-schema";
import { typedFieldCount } from "./counts";
import { visibleItemFields } from "./group-schema";
import { type Profile, prefillAnswers } from "./prefill";
import { stepProgress } from "./progress";
import { summariseAnswers } from "./summary";
import { validAnswersArbitrary } from "./testing/arbitraries";
import { PROPERTY_FORMS } from "./testing/property-forms";
import { normaliseAnswers, validateDossier, validateStep } from "./validate";
import { visibleFieldIds, visibleSteps } from "./visibility";

const todayArb = fc
  .integer({ min: 0, max: 5 * 365 })
  .map((days) => new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));

/** Any JSON, plus values of other types' shapes, so garbage also reaches the deeper checks. */
const garbageArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: "binary" }),
  fc.anything(),
  fc.record({ provinceCode: fc.jsonValue(), communeCode: fc.jsonValue(), detail: fc.jsonValue() }),
  fc.array(
    fc.record({ fileId: fc.string(), name: fc.jsonValue(), sizeBytes: fc.double(), mimeType: fc.string() }),
  ),
  fc.array(fc.dictionary(fc.string(), fc.jsonValue())),
);

function answersWithGarbage(form: FormDefinition): fc.Arbitrary<unknown> {
  const ids = allFields(form).map((field) => field.id);
  const key = fc.oneof(fc.constantFrom(...ids), fc.string(), fc.constantFrom("__proto__", "constructor"));
  const mixed = fc
    .tuple(validAnswersArbitrary(form, "2025-09-01"), fc.dictionary(key, garbageArb))
    .map(([valid, garbage]) => ({ ...valid, ...garbage }));
  return fc.oneof(mixed, fc.dictionary(key, garbageArb), garbageArb);
}

function exerciseEverything(form: FormDefinition, answers: unknown, profile: Profile, today: string): void {
  visibleSteps(form, answers);
  validateDossier(form, answers, { today });
  normaliseAnswers(form, answers);
  summariseAnswers(form, answers, { maskIdentity: true });
  prefillAnswers(form, { profile, zalo: { name: "An", phone: "0912345678" } }, answers);
  typedFieldCount(form, profile);
  for (const step of form.steps) {
    validateStep(form, step.id, answers, { today });
    stepProgress(form, answers, step.id);
  }
}

/** Inside each group item too: hidden nested fields and unknown keys get garbage. */
function polluteGroupItems(form: FormDefinition, answers: Record<string, unknown>, garbage: unknown[]): void {
  for (const field of allFields(form)) {
    const items = answers[field.id];
    if (field.type !== "group" || !Array.isArray(items)) continue;
    answers[field.id] = items.map((item: Record<string, unknown>, index) => {
      const shown = new Set(visibleItemFields(field, item).map((nested) => nested.id));
      const hidden = field.fields.filter((nested) => !shown.has(nested.id));
      const junk = Object.fromEntries(
        hidden.map((nested, n) => [nested.id, garbage[(index + n) % garbage.length]]),
      );
      return { ...item, ...junk, notAField: garbage[index % garbage.length] };
    });
  }
}

const profileArb = fc
  .dictionary(fc.constantFrom(...PROFILE_KEYS), garbageArb)
  .map((record) => record as Profile);

describe.each(PROPERTY_FORMS)("form engine properties: $name", ({ form, runs }) => {
  it("never throws on arbitrary answers and profiles", () => {
    fc.assert(
      fc.property(answersWithGarbage(form), profileArb, todayArb, (answers, profile, today) => {
        exerciseEverything(form, answers, profile, today);
      }),
      { numRuns: runs },
    );
  });

  it("accepts generated valid answers, and its value survives a JSON round trip unchanged", () => {
    const dossier = todayArb.chain((today) =>
      fc.tuple(fc.constant(today), validAnswersArbitrary(form, today)),
    );
    fc.assert(
      fc.property(dossier, ([today, answers]) => {
        const first = validateDossier(form, answers, { today });
        expect(first).toMatchObject({ ok: true });
        if (!first.ok) return;
        const again = validateDossier(form, JSON.parse(JSON.stringify(first.value)), { today });
        expect(again).toStrictEqual(first);
      }),
      { numRuns: runs },
    );
  });

  it("keeps a valid dossier valid, with the same value, whatever hidden and unknown answers hold", () => {
    const ids = new Set(allFields(form).map((field) => field.id));
    const dossier = todayArb.chain((today) =>
      fc.tuple(
        fc.constant(today),
        validAnswersArbitrary(form, today),
        fc.array(garbageArb, { minLength: ids.size, maxLength: ids.size }),
        fc.dictionary(
          fc.string().filter((key) => !ids.has(key)),
          garbageArb,
        ),
      ),
    );
    fc.assert(
      fc.property(dossier, ([today, answers, garbage, unknown]) => {
        const before = validateDossier(form, answers, { today });
        const visible = visibleFieldIds(form, answers);
        const polluted: Record<string, unknown> = { ...answers };
        for (const [index, id] of [...ids].entries()) if (!visible.has(id)) polluted[id] = garbage[index];
        for (const [key, value] of Object.entries(unknown)) polluted[key] = value;
        polluteGroupItems(form, polluted, garbage);
        expect(validateDossier(form, polluted, { today })).toStrictEqual(before);
      }),
      { numRuns: runs },
    );
  });
});
