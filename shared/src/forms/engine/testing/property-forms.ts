import { CATALOG } from "../../../procedures/catalog";
import { type FormDefinition, formDefinitionSchema } from "../../definition";
import { KITCHEN_SINK } from "./fixtures";

/** The forms the engine's property tests run on: the hand-written fixtures and every form of the catalog. */
export interface PropertyForm {
  name: string;
  form: FormDefinition;
  /** Runs per property: many on the fixtures (every field type), fewer per catalog form (there are many). */
  runs: number;
}

const NESTED_CONDITIONS: FormDefinition = formDefinitionSchema.parse({
  steps: [
    {
      id: "a",
      title: "A",
      fields: [
        { id: "married", type: "yes_no", label: "Đã kết hôn?" },
        { id: "known", type: "yes_no", label: "Biết?", visibleWhen: { field: "married", equals: true } },
        { id: "spouse", type: "person", label: "Vợ/chồng", visibleWhen: { field: "known", equals: true } },
      ],
    },
    {
      id: "b",
      title: "B",
      visibleWhen: {
        any: [
          { field: "spouse.sex", equals: "nu" },
          { field: "married", answered: false },
        ],
      },
      fields: [
        { id: "count", type: "number", label: "Số con", min: 0, max: 20 },
        { id: "note", type: "text", label: "Ghi chú", visibleWhen: { field: "count", in: [0, 1] } },
      ],
    },
  ],
});

export const PROPERTY_FORMS: PropertyForm[] = [
  { name: "fixture: kitchen sink", form: KITCHEN_SINK, runs: 150 },
  { name: "fixture: nested conditions", form: NESTED_CONDITIONS, runs: 100 },
  ...CATALOG.flatMap((procedure) =>
    procedure.online
      ? [{ name: `catalog ${procedure.code} ${procedure.title}`, form: procedure.form, runs: 25 }]
      : [],
  ),
];
