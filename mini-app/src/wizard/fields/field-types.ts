import type { Field, LeafField } from "@dvc/shared/forms/definition";
import type { ReactNode } from "react";
import type { UploadTarget } from "../../api/files";

/** Where a field sits in the answers: "child", "child.dateOfBirth", "members.0.member". */
export type FieldPath = string;

const slug = (path: FieldPath) => path.replace(/\./g, "-");
/** The control the citizen types in; the error summary links here. */
export const inputId = (path: FieldPath) => `f-${slug(path)}`;
/** The block around a question with several controls (a person, an address, a list of files). */
export const wrapperId = (path: FieldPath) => `w-${slug(path)}`;

/** What every field needs from the page around it. */
export interface FieldEnv {
  /** Where photos go: the draft, or the dossier under supplement; null where nothing can be uploaded. */
  uploadTarget: UploadTarget | null;
  /** Error messages by path, already filtered to this step. */
  errors: ReadonlyMap<FieldPath, string>;
  /** Saves the draft on the server (uploads need it there first); rejects with a Vietnamese reason. */
  saveNow: () => Promise<void>;
  /** Badge for answers filled from the profile. */
  prefilledBadge: (fieldId: string) => ReactNode;
}

export interface FieldProps<F extends Field = Field> {
  field: F;
  path: FieldPath;
  value: unknown;
  onChange: (value: unknown) => void;
  env: FieldEnv;
}

export type LeafProps<T extends LeafField["type"]> = FieldProps<Extract<LeafField, { type: T }>>;

export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return "";
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
