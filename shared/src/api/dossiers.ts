import { z } from "zod";
import { dossierStatusSchema } from "../dossier/status";
import { answersSchema } from "../forms/answers";
import { procedureCodeSchema } from "../procedures/definition";
import { draftIdSchema } from "./drafts";

/** POST /api/dossiers, with an `Idempotency-Key` header (one per draft, reused on every retry). */
export const submitDossierRequestSchema = z.object({ draftId: draftIdSchema });

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
export const idempotencyKeySchema = z
  .string()
  .min(8, "Idempotency-Key quá ngắn")
  .max(255, "Idempotency-Key quá dài")
  .regex(/^[A-Za-z0-9_.:-]+$/, "Idempotency-Key chỉ gồm chữ, số và - _ . :");

/** The Zalo message that told the citizen about a timeline step, and how far it got. */
export const dossierNoticeSchema = z.object({
  state: z.enum(["queued", "sent", "delivered", "seen", "in_app", "failed"]),
  /** NOTICE_DELIVERY_LABELS: "Đã gửi qua Zalo · đã nhận · đã xem", … */
  label: z.string(),
});
export type DossierNotice = z.infer<typeof dossierNoticeSchema>;

export const dossierEventSchema = z.object({
  status: dossierStatusSchema,
  /** National label for the citizen (DOSSIER_STATUS_INFO). */
  label: z.string(),
  at: z.string(),
  note: z.string().nullable(),
  /** The message about this step; null when none was sent (e.g. the citizen's own supplement). */
  notice: dossierNoticeSchema.nullable(),
});

export const dossierSummarySchema = z.object({
  code: z.string(),
  procedureCode: procedureCodeSchema,
  procedureTitle: z.string(),
  /**
   * Whose dossier it is ("Nguyễn Minh Khôi" for a birth registration; dossierSubjectName): sent only to
   * the dossier's owner; a name, never an identity or phone number. Null when the answers name no one.
   */
  subjectName: z.string().nullable().optional(),
  communeCode: z.string(),
  status: dossierStatusSchema,
  statusLabel: z.string(),
  submittedAt: z.string(),
  dueAt: z.string(),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

/** GET /api/dossiers: the citizen's own dossiers, the most recently submitted first. */
export const dossierListResponseSchema = z.object({ dossiers: z.array(dossierSummarySchema) });
export type DossierListResponse = z.infer<typeof dossierListResponseSchema>;

export const dossierDetailSchema = dossierSummarySchema.extend({
  procedureVersion: z.number().int(),
  answers: answersSchema,
  timeline: z.array(dossierEventSchema),
  /** When the officer asked for a supplement: the fields and documents to fix, and why. */
  supplement: z
    .object({
      fieldIds: z.array(z.string()),
      message: z.string(),
      requestedAt: z.string(),
    })
    .nullable(),
  /** The electronic result the officer attached when the result was ready: GET /api/files/:fileId. */
  resultFile: z.object({ fileId: z.string(), name: z.string() }).nullable().default(null),
});
export type DossierDetail = z.infer<typeof dossierDetailSchema>;

/**
 * POST /api/dossiers/:code/supplement — only the flagged fields are accepted; answers a 200 DossierDetail.
 * An attachment field is answered with refs from POST /api/files sent with `dossierCode` (not `draftId`).
 */
export const supplementRequestSchema = z.object({ answers: answersSchema });

export const uploadedFileSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  sizeBytes: z.number().int(),
  mimeType: z.enum(["image/jpeg", "image/png", "application/pdf"]),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;
