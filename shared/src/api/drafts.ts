import { z } from "zod";
import { answersSchema } from "../forms/answers";
import { procedureCodeSchema } from "../procedures/definition";
import { pgNaturalSchema } from "./bounds";
import { errorBodySchema } from "./errors";

export const draftIdSchema = z.uuid({ error: "Mã bản nháp không hợp lệ" });

export const createDraftRequestSchema = z.object({
  /** The client makes the id (a UUID), so a draft begun offline keeps its id once synced. */
  id: draftIdSchema,
  procedureCode: procedureCodeSchema,
  communeCode: z.string().regex(/^\d{5}$/, "Vui lòng chọn xã/phường"),
});

/** PUT /api/drafts/:id — `version` is the one the client last saw; a stale one → 409 with the current draft. */
export const saveDraftRequestSchema = z.object({
  version: pgNaturalSchema,
  answers: answersSchema,
  currentStepId: z.string().max(64).nullable(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});

export const draftSchema = z.object({
  id: draftIdSchema,
  procedureCode: procedureCodeSchema,
  /** The catalog version the draft began on: it is always validated against that definition. */
  procedureVersion: z.number().int(),
  communeCode: z.string(),
  version: z.number().int(),
  answers: answersSchema,
  currentStepId: z.string().nullable(),
  updatedAt: z.string(),
  /** Set once submitted: the dossier code. */
  submittedAs: z.string().nullable(),
});
export type Draft = z.infer<typeof draftSchema>;

/** GET /api/drafts: the citizen's drafts not yet submitted, the most recently saved first. */
export const draftListResponseSchema = z.object({ drafts: z.array(draftSchema) });
export type DraftListResponse = z.infer<typeof draftListResponseSchema>;

/**
 * Why a 409 happened, so the app reacts without reading the message: `stale_version` → merge with
 * `current` or ask the citizen; `consent_required` → show the data-protection notice, then retry;
 * `already_submitted` → open the dossier `submittedAs`.
 */
export const CONFLICT_REASONS = ["stale_version", "consent_required", "already_submitted"] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export const conflictBodySchema = errorBodySchema.extend({
  code: z.literal("CONFLICT"),
  reason: z.enum(CONFLICT_REASONS),
  /** stale_version: the draft as stored now (answers, version, step). */
  current: draftSchema.optional(),
  /** already_submitted: the dossier code. */
  submittedAs: z.string().optional(),
});
export type ConflictBody = z.infer<typeof conflictBodySchema>;

/** POST /api/drafts/:id/validate-step — checks the saved answers of one step ("Tiếp tục"). */
export const validateStepRequestSchema = z.object({ stepId: z.string().min(1).max(64) });

/** `fields`: dotted answer path → what to fix, in Vietnamese (empty when the step is fine). */
export const stepValidationResponseSchema = z.object({
  ok: z.boolean(),
  fields: z.record(z.string(), z.string()),
});
export type StepValidationResponse = z.infer<typeof stepValidationResponseSchema>;
