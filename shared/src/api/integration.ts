import { z } from "zod";
import { dossierStatusSchema, nationalStatusCodeSchema } from "../dossier/status";
import { answersSchema } from "../forms/answers";
import { errorBodySchema } from "./errors";

/**
 * The integration API for provincial one-stop systems (Một cửa điện tử), issue 14: /api/integration/v1.
 * Every request is signed: X-Signature = hex(HMAC-SHA256(secret, X-Timestamp + "." + raw body)), the raw
 * body being "" for a GET. X-Timestamp is unix seconds and must be within INTEGRATION_CLOCK_SKEW_SECONDS
 * of the server's clock, so a captured request cannot be replayed later.
 */
export const INTEGRATION_API_KEY_HEADER = "X-Api-Key";
export const INTEGRATION_TIMESTAMP_HEADER = "X-Timestamp";
export const INTEGRATION_SIGNATURE_HEADER = "X-Signature";
export const INTEGRATION_BASE_PATH = "/api/integration/v1";
/** ±5 minutes (issue 14). */
export const INTEGRATION_CLOCK_SKEW_SECONDS = 300;

/** The string that is signed: `${timestamp}.${rawBody}`. */
export function integrationSigningInput(timestamp: string, rawBody: string): string {
  return `${timestamp}.${rawBody}`;
}

export const integrationHeadersSchema = z.object({
  [INTEGRATION_API_KEY_HEADER]: z.string().min(1).max(200),
  [INTEGRATION_TIMESTAMP_HEADER]: z.string().regex(/^\d{1,12}$/, "X-Timestamp: giây Unix"),
  [INTEGRATION_SIGNATURE_HEADER]: z.string().regex(/^[0-9a-fA-F]{64}$/, "X-Signature: 64 ký tự hex"),
});

/**
 * POST /api/integration/v1/dossiers/:code/status. `eventId` makes it idempotent: the same eventId with the
 * same body answers the first answer again; with another body, 409. `note` is what the citizen reads:
 * required for 3 (refused), 5 (supplement: what to bring and where), 8 (stopped), 9 (result ready: where
 * and when to pick the result up).
 */
export const statusEventBodySchema = z.object({
  eventId: z.string().min(1).max(100),
  status: nationalStatusCodeSchema,
  /** When the one-stop system made the move, with an offset (2026-12-07T09:30:00+07:00). */
  at: z.iso.datetime({ offset: true }),
  note: z.string().max(2_000).optional(),
});
export type StatusEventBody = z.infer<typeof statusEventBodySchema>;

/** 200: the dossier's status after the move (the same answer on a replayed eventId). */
export const statusEventResponseSchema = z.object({
  code: z.string(),
  eventId: z.string(),
  status: dossierStatusSchema,
  nationalCode: nationalStatusCodeSchema,
  updatedAt: z.string(),
  /** True when this answer is a replay of an eventId already applied. */
  replayed: z.boolean(),
});
export type StatusEventResponse = z.infer<typeof statusEventResponseSchema>;

export const INTEGRATION_PULL_LIMIT_DEFAULT = 50;
export const INTEGRATION_PULL_LIMIT_MAX = 200;

/**
 * GET /api/integration/v1/dossiers?updatedSince=…: the key's communes' dossiers updated at or after
 * `updatedSince`, oldest first. `cursor` is the previous page's `nextCursor` (opaque).
 */
export const pullQuerySchema = z.object({
  updatedSince: z.iso.datetime({ offset: true }),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(INTEGRATION_PULL_LIMIT_MAX)
    .default(INTEGRATION_PULL_LIMIT_DEFAULT),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const integrationDossierSchema = z.object({
  code: z.string(),
  procedureCode: z.string(),
  procedureVersion: z.number().int(),
  communeCode: z.string(),
  status: dossierStatusSchema,
  nationalCode: nationalStatusCodeSchema,
  submittedAt: z.string(),
  dueAt: z.string(),
  updatedAt: z.string(),
  channel: z.enum(["online", "counter"]),
  /** The citizen's answers as filed: the one-stop system processes the dossier (each pull is audited). */
  answers: answersSchema,
});
export type IntegrationDossier = z.infer<typeof integrationDossierSchema>;

export const pullResponseSchema = z.object({
  dossiers: z.array(integrationDossierSchema),
  /** Pass as `cursor` for the next page; null when this page was the last. */
  nextCursor: z.string().nullable(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Every error is the app's one envelope (401, 404, 409, 422, 429 …). */
export const integrationErrorBodySchema = errorBodySchema;
