import type { AddressAnswer, AttachmentRef, PersonAnswer } from "../answers";

/** A check of one typed value: the normalised value, or one Vietnamese sentence saying what to fix. */
export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

/** One answer once validated and normalised (trimmed NFC text, ISO dates, phones "84…", numbers). */
export type LeafValue = string | number | boolean | AddressAnswer | PersonAnswer | AttachmentRef[];
/** One item of a repeatable group: nested field id → its normalised answer. */
export type GroupItemAnswer = Record<string, LeafValue>;
export type NormalisedValue = LeafValue | GroupItemAnswer[];
/** What a valid dossier stores: visible, answered fields only, each normalised. */
export type NormalisedAnswers = Record<string, NormalisedValue>;

/** One thing to fix: `path` is dotted ("child.dateOfBirth", "members.1.cccd"), `stepId` where it is asked. */
export interface FieldError {
  path: string;
  stepId: string;
  message: string;
}

export type ValidationResult = { ok: true; value: NormalisedAnswers } | { ok: false; errors: FieldError[] };

export interface ValidateOptions {
  /** The day of filing, a Vietnam local date "YYYY-MM-DD"; shared code never reads the clock. */
  today: string;
}
