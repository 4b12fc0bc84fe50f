/**
 * "Never asked twice": after a dossier is filed, what the citizen typed about themselves (the block the
 * form prefills from the profile, their phone, email) fills the empty parts of their profile — only
 * when they agreed to "Lưu thông tin để điền sẵn lần sau", and never overwriting what the profile has.
 */
import type { CitizenProfile, ProfileUpdate } from "@dvc/shared/api/citizen-profile";
import type { PersonAnswer } from "@dvc/shared/forms/answers";
import type { FormDefinition } from "@dvc/shared/forms/definition";
import type { NormalisedAnswers } from "@dvc/shared/forms/engine/index";
import { getProfile, updateProfile } from "../api/profile";
import { hasConsentPurpose } from "../session/consent-purposes";
import { currentSession } from "../session/session";
import { forgetProfile } from "./use-draft-session";

type Key = keyof ProfileUpdate;

function personUpdate(person: PersonAnswer): ProfileUpdate {
  const { residence, ...rest } = person;
  return { ...rest, ...(residence ? { address: residence } : {}) };
}

/** What the answers would add to the profile: only keys the profile has no value for. */
export function profileAdditions(form: FormDefinition, answers: NormalisedAnswers, profile: CitizenProfile) {
  const found: ProfileUpdate = {};
  for (const field of form.steps.flatMap((step) => step.fields)) {
    const value = answers[field.id];
    if (field.prefill?.from !== "profile" || value === undefined) continue;
    const candidate: ProfileUpdate =
      field.type === "person" ? personUpdate(value as PersonAnswer) : { [field.prefill.key]: value };
    Object.assign(found, candidate);
  }
  const update: ProfileUpdate = {};
  for (const [key, value] of Object.entries(found) as [Key, ProfileUpdate[Key]][]) {
    if (value !== undefined && value !== null && profile[key] === null)
      Object.assign(update, { [key]: value });
  }
  return update;
}

/** Best effort, after the receipt is shown: a failure here never troubles the citizen. */
export async function rememberForNextTime(form: FormDefinition, answers: NormalisedAnswers): Promise<void> {
  const citizenId = currentSession()?.citizen.id;
  if (!citizenId || !hasConsentPurpose(citizenId, "prefill_profile")) return;
  try {
    const update = profileAdditions(form, answers, await getProfile());
    if (Object.keys(update).length === 0) return;
    await updateProfile(update);
    forgetProfile();
  } catch {
    // The profile stays as it was; the citizen can fill it in "Dữ liệu của tôi".
  }
}
