import { describe, expect, it } from "vitest";
import {
  ETHNIC_GROUPS,
  ETHNIC_OPTIONS,
  HOUSEHOLD_RELATIONSHIP_OPTIONS,
  MARITAL_STATUS_OPTIONS,
} from "./options";

describe("shared option lists", () => {
  it("lists the 54 ethnic groups of Vietnam with codes 01–54, Kinh first", () => {
    expect(ETHNIC_GROUPS).toHaveLength(54);
    expect(ETHNIC_GROUPS.map((group) => group.code)).toEqual(
      Array.from({ length: 54 }, (_, index) => String(index + 1).padStart(2, "0")),
    );
    expect(new Set(ETHNIC_GROUPS.map((group) => group.name)).size).toBe(54);
    expect(ETHNIC_OPTIONS[0]).toEqual({ value: "Kinh", label: "Kinh" });
  });

  it("keeps option values unique within each list", () => {
    for (const list of [HOUSEHOLD_RELATIONSHIP_OPTIONS, MARITAL_STATUS_OPTIONS]) {
      const values = list.map((option) => option.value);
      expect(new Set(values).size).toBe(values.length);
    }
  });
});
