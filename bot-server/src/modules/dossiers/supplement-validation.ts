import { type FormDefinition, type NormalisedAnswers, validateDossier } from "@dvc/shared";
import { AppError } from "../../lib/errors";
import { fieldErrorMap } from "../drafts/forms";

/**
 * Re-validates a dossier after a supplement. Two reference days, because date bounds count from "today":
 * - the fields the citizen just changed must be valid today (a new appointment date is checked now);
 * - everything else is checked as of the filing day, when it was accepted: the citizen may not edit it,
 *   so it must not fail because time passed (a "within 30 days" date filed three weeks ago).
 * The stored value is the filing-day run's: normalisation does not depend on the day.
 */
export function validateSupplement(
  form: FormDefinition,
  merged: Record<string, unknown>,
  flaggedIds: readonly string[],
  { today, filedOn }: { today: string; filedOn: string },
): NormalisedAnswers {
  const flagged = new Set(flaggedIds);
  const isFlagged = (path: string) => flagged.has(path.split(".")[0] ?? path);
  const asFiled = validateDossier(form, merged, { today: filedOn });
  const asToday = today === filedOn ? asFiled : validateDossier(form, merged, { today });
  const errors = [
    ...(asToday.ok ? [] : asToday.errors.filter((error) => isFlagged(error.path))),
    ...(asFiled.ok ? [] : asFiled.errors.filter((error) => !isFlagged(error.path))),
  ];
  if (errors.length > 0) {
    throw new AppError(
      "VALIDATION_FAILED",
      "Nội dung bổ sung chưa đúng. Vui lòng sửa các mục được đánh dấu rồi gửi lại.",
      {
        fields: fieldErrorMap(errors),
      },
    );
  }
  if (asFiled.ok) return asFiled.value;
  // A flagged date valid only today failed the first run; it is the one the citizen meant.
  if (asToday.ok) return asToday.value;
  // Each run failed only where the other decides (rare: dates valid on one day only): store nothing
  // no run accepted, and show today's view.
  throw new AppError("VALIDATION_FAILED", undefined, { fields: fieldErrorMap(asToday.errors) });
}
