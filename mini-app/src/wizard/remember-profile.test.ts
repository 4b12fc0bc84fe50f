import { procedureDefinitionSchema } from "@dvc/shared/procedures/definition";
import { describe, expect, it } from "vitest";
import { PROCEDURE, PROFILE } from "../test/filing-fixture";
import { profileAdditions } from "./remember-profile";

const definition = procedureDefinitionSchema.parse(PROCEDURE);
if (!definition.online) throw new Error("fixture must be fileable");

describe("profileAdditions", () => {
  it("adds what the citizen typed about themselves only where the profile is empty", () => {
    const answers = {
      requester: { fullName: "Nguyễn Lan", dateOfBirth: "1992-04-05" },
      relationship: "me",
      childName: "Nguyễn Minh Khôi",
    };
    expect(profileAdditions(definition.form, answers, PROFILE)).toEqual({});
    const empty = { ...PROFILE, fullName: null, dateOfBirth: null };
    expect(profileAdditions(definition.form, answers, empty)).toEqual({
      fullName: "Nguyễn Lan",
      dateOfBirth: "1992-04-05",
    });
  });
});
