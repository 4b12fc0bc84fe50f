import { dossierStatusSchema } from "@dvc/shared";
import { z } from "zod";

/**
 * The officer's supplement request as stored in `dossiers.supplement` (jsonb). `previousStatus` is kept
 * because where the dossier goes once answered depends on it (`statusAfterSupplement`).
 */
export const storedSupplementSchema = z.object({
  fieldIds: z.array(z.string()).min(1),
  message: z.string(),
  requestedAt: z.string(),
  previousStatus: dossierStatusSchema,
  answeredAt: z.string().nullable(),
});
export type StoredSupplement = z.infer<typeof storedSupplementSchema>;

/** The pending request, or undefined when none is waiting for the citizen. */
export function pendingSupplement(value: unknown): StoredSupplement | undefined {
  const parsed = storedSupplementSchema.safeParse(value);
  return parsed.success && parsed.data.answeredAt === null ? parsed.data : undefined;
}
