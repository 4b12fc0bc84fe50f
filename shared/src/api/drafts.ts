import { z } from "zod";
import { answersSchema } from "../forms/answers";
import { procedureCodeSchema } from "../procedures/definition";

export const draftIdSchema = z.uuid({ error: "Mã bản nháp không hợp lệ" });

export const createDraftRequestSchema = z.object({
  /** The client makes the id (a UUID), so a draft begun offline keeps its id once synced. */
  id: draftIdSchema,
  procedureCode: procedureCodeSchema,
  communeCode: z.string().regex(/^\d{5}$/, "Vui lòng chọn xã/phường"),
});

/** PUT /api/drafts/:id — `version` is the one the client last saw; a stale one → 409 with the current draft. */
export const saveDraftRequestSchema = z.object({
  version: z.number().int().min(0),
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
