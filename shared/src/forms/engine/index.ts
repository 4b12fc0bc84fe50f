/**
 * The form engine: decides what shows, validates and normalises answers against a form definition,
 * prefills from the profile, and spells answers out for review. Pure: no I/O, no clock (pass `today`).
 *
 * Input conventions (what a citizen may type, what is stored):
 * - numbers: JSON numbers, or Vietnamese notation — "." groups thousands, "," marks decimals ("1.500",
 *   "2,5", "1.250.000,75"; spaces allowed). "1.5" is refused with a hint, never guessed. Stored as numbers.
 * - dates: "YYYY-MM-DD" or day first "DD/MM/YYYY" (also "5/9/2024", "05.09.2024", "05-09-2024"); years
 *   1800–2199; stored ISO. Bounds count days from `today`, a Vietnam local date.
 * - text: invisible characters dropped, NFC, whitespace collapsed, trimmed (paragraphs keep line breaks).
 * - conditions: over field ids or dotted paths into an answer ("requester.sex", "home.provinceCode"),
 *   compared with normalised answers; a hidden field reads as unanswered. Inside a group item, conditions
 *   name the item's own fields.
 * - hidden fields and unknown ids are never checked and never stored.
 */
export {
  type AnswersSchemaOptions,
  buildAnswersSchema,
  fieldAnswerSchema,
  softValue,
} from "./answers-schema";
export { NAME_MAX_LENGTH } from "./checks";
export { type AnswerLookup, evaluateCondition } from "./conditions";
export { typedFieldCount } from "./counts";
export { formatDateVi, type ParsedDate, parseDateInput } from "./dates";
export type { DisplayOptions } from "./display";
export { itemVisibility, minimumItems, visibleItemFields } from "./group-schema";
export type { SchemaContext } from "./leaf-schema";
export { DISPLAY as FORM_DISPLAY, MESSAGES as FORM_MESSAGES, PERSON_PART_LABELS } from "./messages";
export { formatVietnameseNumber, type ParsedNumber, parseVietnameseNumber } from "./numbers";
export {
  type ChosenPlace,
  type PrefillSources,
  type Profile,
  prefillAnswers,
  type ZaloInfo,
} from "./prefill";
export { type StepProgress, stepProgress } from "./progress";
export type { Visibility } from "./resolver";
export { type SummaryItem, type SummaryStep, summariseAnswers } from "./summary";
export type {
  FieldError,
  GroupItemAnswer,
  LeafValue,
  NormalisedAnswers,
  NormalisedValue,
  ValidateOptions,
  ValidationResult,
} from "./types";
export { normaliseAnswers, validateDossier, validateStep } from "./validate";
export { formVisibility, visibleFieldIds, visibleSteps } from "./visibility";
