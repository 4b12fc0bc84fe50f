import { sexFromCccd } from "../../identity/cccd";
import type { AddressAnswer } from "../answers";
import type { Field, FormDefinition, Prefill, ProfileKey } from "../definition";
import { allFields } from "./answers-schema";
import { asAnswers, isAnswered, isRecord, ownValue, readPath, splitPath } from "./paths";

type ProfileValue<K extends ProfileKey> = K extends "address"
  ? AddressAnswer
  : K extends "sex"
    ? "nam" | "nu"
    : string;
/** What the citizen's profile holds (saved once, never asked twice), keyed as in PROFILE_KEYS. */
export type Profile = { [K in ProfileKey]?: ProfileValue<K> };
/** What Zalo gives with the citizen's consent. */
export interface ZaloInfo {
  name?: string;
  phone?: string;
}
/** The commune the citizen chose on Home (where they live and file): a start for their residence. */
export interface ChosenPlace {
  provinceCode: string;
  communeCode: string;
}
export interface PrefillSources {
  profile?: Profile;
  zalo?: ZaloInfo;
  commune?: ChosenPlace;
}

/**
 * Fills empty answers from the profile, from Zalo, and from other answers ("same as requester"). What
 * the citizen typed is never overwritten, and inside a person block only its empty parts are filled.
 * Call it again when the citizen reaches a step: a copy source answered meanwhile is then picked up.
 */
export function prefillAnswers(
  form: FormDefinition,
  sources: PrefillSources,
  existing: unknown,
): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...asAnswers(existing) };
  const fields = allFields(form);
  for (const field of fields) {
    if (field.prefill && field.prefill.from !== "field") {
      fill(answers, field, externalValue(field, field.prefill, sources));
    }
  }
  // Copies may chain (child's address ← mother's ← requester's): repeat until nothing changes.
  for (let pass = 0; pass <= fields.length; pass += 1) {
    let changed = false;
    for (const field of fields) {
      if (field.prefill?.from !== "field") continue;
      const source = readPath(answers, splitPath(field.prefill.field));
      changed = fill(answers, field, copyValue(field, source)) || changed;
    }
    if (!changed) break;
  }
  return answers;
}

function externalValue(
  field: Field,
  prefill: Prefill,
  { profile = {}, zalo = {}, commune }: PrefillSources,
): unknown {
  if (prefill.from === "zalo") {
    const value = zalo[prefill.key];
    return field.type === "person" && prefill.key === "name" ? { fullName: value } : value;
  }
  if (prefill.from !== "profile") return undefined;
  // A person block prefilled from the profile is the citizen: every part comes from the profile.
  if (field.type === "person") return personFromProfile(profile, zalo, commune);
  return profile[prefill.key];
}

/**
 * The citizen as a person block. A saved profile wins; on first use, before anything is saved, the
 * name comes from Zalo and the residence starts at the commune chosen on Home (the street is typed).
 * Sex the profile lacks is read from the CCCD's digit 4, never asked when it can be derived.
 */
function personFromProfile(
  profile: Profile,
  zalo: ZaloInfo,
  commune: ChosenPlace | undefined,
): Record<string, unknown> {
  const { dateOfBirth, ethnicity, nationality, cccd } = profile;
  const fullName = profile.fullName ?? zalo.name;
  const sex = profile.sex ?? sexFromCccd(cccd);
  const residence = profile.address ?? (commune ? { ...commune, detail: "" } : undefined);
  return { fullName, dateOfBirth, sex, ethnicity, nationality, cccd, residence };
}

/** Adapts a copied answer to the target: a person's residence serves an address field. */
function copyValue(field: Field, source: unknown): unknown {
  if (field.type === "address" && isRecord(source) && isRecord(ownValue(source, "residence"))) {
    return ownValue(source, "residence");
  }
  return source;
}

/** Puts `incoming` where the answer is empty; returns whether anything changed. */
function fill(answers: Record<string, unknown>, field: Field, incoming: unknown): boolean {
  if (!isAnswered(incoming)) return false;
  const current = ownValue(answers, field.id);
  if (field.type === "person") {
    if (!isRecord(incoming) || (isAnswered(current) && !isRecord(current))) return false;
    const person: Record<string, unknown> = isRecord(current) ? { ...current } : {};
    const missing = field.parts.filter(
      (part) => !isAnswered(ownValue(person, part)) && isAnswered(ownValue(incoming, part)),
    );
    for (const part of missing) person[part] = clone(ownValue(incoming, part));
    if (missing.length > 0) answers[field.id] = person;
    return missing.length > 0;
  }
  if (isAnswered(current)) return false;
  answers[field.id] = clone(incoming);
  return true;
}

/** A copy, so editing the target later cannot change the source (answers are plain JSON). */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clone(inner)]));
  return value;
}
