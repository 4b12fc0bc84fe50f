/**
 * Drafts on this device: every change is written here at once (nativeStorage inside Zalo, localStorage
 * outside), before and whatever the server does, so a closed app, a reload or a lost connection never
 * loses an answer. The server copy (draft-sync.ts) follows.
 */
import { storage } from "../platform/zalo";

export const DRAFT_INDEX_KEY = "dvc.drafts.v1";
export const draftKey = (id: string) => `dvc.draft.v1.${id}`;

export interface LocalDraft {
  id: string;
  procedureCode: string;
  procedureVersion: number;
  procedureTitle: string;
  communeCode: string;
  answers: Record<string, unknown>;
  currentStepId: string | null;
  /** The server's version this copy last agreed with; null until the server has the draft. */
  serverVersion: number | null;
  /** The answers as last agreed with the server: the common base of a three-way merge. */
  base: Record<string, unknown>;
  /** Changes not yet saved on the server. */
  dirty: boolean;
  /** Fields the citizen edited: never filled again from the profile. */
  touched: string[];
  /** Fields filled from the profile, shown as "Đã điền sẵn". */
  prefilled: string[];
  /** Made once for this draft and reused on every submit retry, so it can become one dossier only. */
  idempotencyKey: string;
  /** The dossier code once submitted. */
  submittedAs: string | null;
  updatedAt: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/** A stored draft, or undefined when missing or unreadable (an older build's shape). */
function parse(raw: string | null): LocalDraft | undefined {
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      isRecord(value) &&
      typeof value.id === "string" &&
      typeof value.procedureCode === "string" &&
      typeof value.procedureVersion === "number" &&
      typeof value.procedureTitle === "string" &&
      typeof value.communeCode === "string" &&
      isRecord(value.answers) &&
      isRecord(value.base) &&
      (value.currentStepId === null || typeof value.currentStepId === "string") &&
      (value.serverVersion === null || typeof value.serverVersion === "number") &&
      typeof value.dirty === "boolean" &&
      isStringArray(value.touched) &&
      isStringArray(value.prefilled) &&
      typeof value.idempotencyKey === "string" &&
      (value.submittedAs === null || typeof value.submittedAs === "string") &&
      typeof value.updatedAt === "string"
    ) {
      return value as unknown as LocalDraft;
    }
  } catch {
    // not JSON
  }
  return undefined;
}

function readIndex(): string[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(DRAFT_INDEX_KEY) ?? "[]");
    return isStringArray(value) ? value : [];
  } catch {
    return [];
  }
}

export function readDraft(id: string): LocalDraft | undefined {
  return parse(storage.getItem(draftKey(id)));
}

/** Every draft kept on this device, most recently changed first. */
export function readAllDrafts(): LocalDraft[] {
  return readIndex()
    .map(readDraft)
    .filter((draft): draft is LocalDraft => draft !== undefined)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export function writeDraft(draft: LocalDraft): void {
  storage.setItem(draftKey(draft.id), JSON.stringify(draft));
  const index = readIndex();
  if (!index.includes(draft.id)) storage.setItem(DRAFT_INDEX_KEY, JSON.stringify([...index, draft.id]));
}

export function removeDraft(id: string): void {
  storage.removeItem(draftKey(id));
  storage.setItem(DRAFT_INDEX_KEY, JSON.stringify(readIndex().filter((known) => known !== id)));
}

/** All drafts of this device, e.g. when the citizen deletes their data. */
export function removeAllDrafts(): void {
  for (const id of readIndex()) storage.removeItem(draftKey(id));
  storage.removeItem(DRAFT_INDEX_KEY);
}

/** A random UUID v4, also where crypto.randomUUID is missing (http:// pages are not secure contexts). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === "function" && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newLocalDraft(input: {
  procedureCode: string;
  procedureVersion: number;
  procedureTitle: string;
  communeCode: string;
  firstStepId: string | null;
}): LocalDraft {
  const { firstStepId, ...procedure } = input;
  return {
    id: newUuid(),
    ...procedure,
    answers: {},
    currentStepId: firstStepId,
    serverVersion: null,
    base: {},
    dirty: true,
    touched: [],
    prefilled: [],
    idempotencyKey: `dossier-${newUuid()}`,
    submittedAs: null,
    updatedAt: new Date().toISOString(),
  };
}
