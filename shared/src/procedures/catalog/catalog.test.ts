import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Condition, Field, FormDefinition } from "../../forms/definition";
import { type FileableProcedure, procedureDefinitionSchema } from "../definition";
import { DECLARATION_STATEMENT, FROM_PROFILE } from "../fields";
import { CATALOG, FILEABLE_CODES, findProcedure } from "./index";
import * as khaiSinh from "./khai-sinh";

/** The codes of shared/data/vn-procedures/procedures_selected_30.json (committed copy of the facts). */
const DATA_FILE_CODES = [
  "1.001193",
  "1.000894",
  "1.000656",
  "1.004873",
  "1.004859",
  "1.001022",
  "1.004837",
  "2.000635",
  "1.004884",
  "1.000689",
  "2.000815",
  "2.000884",
  "2.001019",
  "1.004222",
  "1.004194",
  "1.002755",
  "1.010041",
  "1.003677",
  "1.003197",
  "1.010028",
  "1.010038",
  "1.014061",
  "1.014063",
  "1.014064",
  "1.001612",
  "2.000720",
  "1.013225",
  "1.001699",
  "1.011607",
  "1.013314",
];

/** The core procedures the product promises online: filed through the app's own form. */
const MUST_BE_FILEABLE = [
  "1.001193",
  "1.000894",
  "1.000656",
  "1.004873",
  "2.000635",
  "2.000815",
  "1.004222",
  "1.004194",
  "1.001612",
  "1.013225",
];

/** Same-day (cut-off 15:00) in vn-public-services.md §1.1. */
const SAME_DAY = ["1.001193", "1.000894", "2.000635", "2.000815", "2.000884"];

const fileable = CATALOG.filter((p): p is FileableProcedure => p.online);

function allFields(form: FormDefinition): Field[] {
  return form.steps.flatMap((step) => step.fields);
}

function conditionsOf(form: FormDefinition): { owner: string; condition: Condition }[] {
  return form.steps.flatMap((step) => [
    ...(step.visibleWhen ? [{ owner: `step ${step.id}`, condition: step.visibleWhen }] : []),
    ...step.fields.flatMap((field) =>
      field.visibleWhen ? [{ owner: field.id, condition: field.visibleWhen }] : [],
    ),
  ]);
}

/** Leaf comparisons of a condition: the field and the values it is compared with. */
function comparisons(condition: Condition): { field: string; values: (string | number | boolean)[] }[] {
  if ("all" in condition) return condition.all.flatMap(comparisons);
  if ("any" in condition) return condition.any.flatMap(comparisons);
  if ("not" in condition) return comparisons(condition.not);
  if ("equals" in condition) return [{ field: condition.field, values: [condition.equals] }];
  if ("in" in condition) return [{ field: condition.field, values: condition.in }];
  return [{ field: condition.field, values: [] }];
}

describe("procedure catalog", () => {
  it("holds the 30 procedures of the data file, each once", () => {
    const codes = CATALOG.map((p) => p.code);
    expect(new Set(codes).size).toBe(30);
    expect([...codes].sort()).toEqual([...DATA_FILE_CODES].sort());
    // A changed definition gets a new version (catalog-sync refuses an edited one under its old number).
    expect(CATALOG.every((p) => Number.isInteger(p.version) && p.version >= 1)).toBe(true);
  });

  const dataFile = fileURLToPath(
    new URL("../../../../../shared/data/vn-procedures/procedures_selected_30.json", import.meta.url),
  );
  it.skipIf(!existsSync(dataFile))("keeps the official names and portal addresses of the data file", () => {
    const data = JSON.parse(readFileSync(dataFile, "utf8")) as {
      procedures: { code: string; name: string; source_url: string }[];
    };
    for (const record of data.procedures) {
      expect(findProcedure(record.code)).toMatchObject({
        officialName: record.name,
        portalUrl: record.source_url,
      });
    }
  });

  it("offers at least 15 procedures for online filing, including the core ones", () => {
    expect(FILEABLE_CODES.length).toBeGreaterThanOrEqual(15);
    expect(FILEABLE_CODES).toEqual(expect.arrayContaining(MUST_BE_FILEABLE));
    expect(findProcedure("9.999999")).toBeUndefined();
  });

  it("re-parses every definition unchanged (the schema checks conditions and prefills name real fields)", () => {
    for (const definition of CATALOG) {
      expect(procedureDefinitionSchema.parse(definition)).toEqual(definition);
    }
  });

  it("rejects a form whose condition names a field that does not exist", () => {
    const broken = structuredClone(khaiSinh.procedure);
    if (!broken.online) throw new Error("khai sinh must be fileable");
    const step = broken.form.steps[0];
    step?.fields.push({
      id: "ghost",
      type: "text",
      label: "x",
      visibleWhen: { field: "nowhere", equals: "x" },
    });
    expect(procedureDefinitionSchema.safeParse(broken).success).toBe(false);
  });

  it("uses the same-day legal time where the portal says so", () => {
    for (const code of SAME_DAY)
      expect(findProcedure(code)?.legalTime).toMatchObject({ kind: "same_day", cutoff: "15:00" });
  });

  it("tells how to file every information-only procedure, and collects no uploads for them", () => {
    for (const definition of CATALOG.filter((p) => !p.online)) {
      expect(
        definition.documents.every((d) => d.attachmentField === undefined),
        definition.code,
      ).toBe(true);
    }
  });

  it("gives every procedure search keywords", () => {
    for (const definition of CATALOG) expect(definition.keywords.length, definition.code).toBeGreaterThan(0);
  });
});

describe.each(fileable.map((p) => [p.code, p] as const))("fileable form %s", (_code, definition) => {
  const { form } = definition;
  const fields = allFields(form);
  const byId = new Map(fields.map((field) => [field.id, field]));

  it("has 2 to 5 steps and ends with the declaration", () => {
    expect(form.steps.length).toBeGreaterThanOrEqual(2);
    expect(form.steps.length).toBeLessThanOrEqual(5);
    const last = form.steps.at(-1)?.fields ?? [];
    const declarations = last.filter((field) => field.type === "declaration");
    expect(declarations.length).toBeGreaterThan(0);
    expect(last.at(-1)?.type).toBe("declaration");
    expect(declarations.some((d) => d.type === "declaration" && d.statement.startsWith("Tôi cam đoan"))).toBe(
      true,
    );
  });

  it("names each step by what it asks: the pledge is signed on the review screen, not in a step", () => {
    // A step of declarations only is never shown as a step (its pledges move to the review screen).
    const shown = form.steps.filter((step) => step.fields.some((field) => field.type !== "declaration"));
    for (const step of shown) expect(step.title, step.id).not.toMatch(/cam đoan/i);
  });

  it("takes the requester and the phone from the profile", () => {
    expect(byId.get("requester")).toMatchObject({ type: "person", prefill: FROM_PROFILE });
    expect(byId.get("phone")).toMatchObject({ prefill: { from: "profile", key: "phone" } });
  });

  it("collects each upload for a listed document, and each listed upload in the form", () => {
    const attachmentIds = fields.filter((field) => field.type === "attachment").map((field) => field.id);
    const documented = definition.documents.flatMap((d) => (d.attachmentField ? [d.attachmentField] : []));
    expect([...new Set(documented)].sort()).toEqual([...attachmentIds].sort());
  });

  it("never asks to upload what the officer retrieves from the databases", () => {
    for (const document of definition.documents.filter((d) => d.pulledFromDatabase)) {
      expect(document.attachmentField, document.id).toBeUndefined();
    }
  });

  it("shows fields only on answers given earlier, compared with values the field can take", () => {
    const order = new Map(fields.map((field, index) => [field.id, index]));
    for (const { owner, condition } of conditionsOf(form)) {
      for (const { field: path, values } of comparisons(condition)) {
        // A condition may read a part of an answer ("requester.sex"): the field is the first segment.
        const [id = path, ...part] = path.split(".");
        const target = byId.get(id);
        expect(target, `${owner} → ${id}`).toBeDefined();
        if (byId.has(owner))
          expect(order.get(id) ?? Infinity, `${owner} → ${id}`).toBeLessThan(order.get(owner) ?? -1);
        for (const value of part.length > 0 ? [] : values) {
          if (target?.type === "radio" || target?.type === "select") {
            expect(
              target.options.map((o) => o.value),
              `${owner} → ${id}`,
            ).toContain(value);
          } else if (target?.type === "yes_no") {
            expect(typeof value, `${owner} → ${id}`).toBe("boolean");
          }
        }
      }
    }
  });
});

describe("khai sinh (1.001193)", () => {
  const definition = findProcedure("1.001193");
  if (!definition?.online) throw new Error("khai sinh must be fileable");

  // Typed-field counts against the eForm are checked with the engine: forms/engine/catalog.test.ts.
  it("hides the father when he is not determined, and asks the relationship in words only for 'Khác'", () => {
    const fields = allFields(definition.form);
    expect(fields.find((f) => f.id === "father")?.visibleWhen).toMatchObject({
      all: expect.arrayContaining([{ field: "fatherKnown", equals: true }]),
    });
    expect(fields.find((f) => f.id === "relationshipOther")?.visibleWhen).toEqual({
      field: "relationship",
      equals: "khac",
    });
  });

  it("accepts a late registration but not a birth date in the future", () => {
    const child = allFields(definition.form).find((f) => f.id === "child");
    expect(child).toMatchObject({ dateOfBirthBounds: { maxDaysFromToday: 0, minDaysFromToday: -36500 } });
  });

  it("closes with the national declaration", () => {
    const last = definition.form.steps.at(-1)?.fields.at(-1);
    expect(last).toMatchObject({ type: "declaration", statement: DECLARATION_STATEMENT });
  });
});
