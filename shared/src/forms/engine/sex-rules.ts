import { SEX_LABEL, type Sex, sexFromCccd } from "../../identity/cccd";
import type { Field } from "../definition";
import { MESSAGES } from "./messages";
import { isRecord, ownValue } from "./paths";

export interface SexRuleIssue {
  fieldId: string;
  message: string;
}

/**
 * Choices that say a person's sex ("Mẹ" says the requester is a woman) against what that person's CCCD
 * encodes (digit 4) or the sex they stated. One rule for the app's step check and the server's dossier
 * check, so both refuse the same answers. Only an answer that can be read is compared: a malformed CCCD
 * already has its own message beside the number.
 */
export function sexRuleIssues(
  fields: readonly Field[],
  answers: Record<string, unknown>,
  byId: ReadonlyMap<string, Field>,
): SexRuleIssue[] {
  const issues: SexRuleIssue[] = [];
  for (const field of fields) {
    if (field.type !== "radio" || field.impliesSex === undefined) continue;
    const chosen = ownValue(answers, field.id);
    const expected = typeof chosen === "string" ? field.impliesSex.options[chosen] : undefined;
    const person = ownValue(answers, field.impliesSex.person);
    if (expected === undefined || !isRecord(person)) continue;
    const mismatch = disagreement(person, expected);
    if (mismatch === undefined) continue;
    const option = field.options.find((candidate) => candidate.value === chosen)?.label ?? String(chosen);
    const personLabel = byId.get(field.impliesSex.person)?.label ?? field.impliesSex.person;
    issues.push({
      fieldId: field.id,
      message: MESSAGES.relationshipSex(
        field.label,
        option,
        personLabel,
        SEX_LABEL[mismatch.sex],
        mismatch.source,
      ),
    });
  }
  return issues;
}

function disagreement(
  person: Record<string, unknown>,
  expected: Sex,
): { sex: Sex; source: string } | undefined {
  const encoded = sexFromCccd(ownValue(person, "cccd"));
  if (encoded !== undefined && encoded !== expected) {
    const digit = String(ownValue(person, "cccd")).replace(/\D/g, "")[3] ?? "";
    return { sex: encoded, source: `có số CCCD với chữ số thứ 4 là ${digit}, tức` };
  }
  const stated = ownValue(person, "sex");
  if ((stated === "nam" || stated === "nu") && stated !== expected) {
    return { sex: stated, source: "đã chọn giới tính" };
  }
  return undefined;
}
