import { z } from "zod";
import { dossierStatusSchema } from "../dossier/status";
import { answersSchema } from "../forms/answers";
import { procedureCodeSchema } from "../procedures/definition";
import { dossierEventSchema } from "./dossiers";

/**
 * The officer area's API (/api/officer/*): commune officers, leaders and province admins. Bearer token
 * from POST /api/officer/session; every route checks the role and scopes to the officer's commune.
 */

export const OFFICER_ROLES = ["officer", "leader", "admin"] as const;
export const officerRoleSchema = z.enum(OFFICER_ROLES);
export type OfficerRole = z.infer<typeof officerRoleSchema>;

/** Lower-case letters, digits, dot, dash, underscore: typed the same on any keyboard. */
export const officerUsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Tên đăng nhập cần ít nhất 3 ký tự.")
  .max(64, "Tên đăng nhập dài tối đa 64 ký tự.")
  .regex(/^[a-z0-9._-]+$/, "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.");

/** At least 12 characters (ASVS 2.1.1); at most 128 so hashing stays cheap (2.1.2). Any character. */
export const officerPasswordSchema = z
  .string()
  .min(12, "Mật khẩu cần ít nhất 12 ký tự.")
  .max(128, "Mật khẩu dài tối đa 128 ký tự.");

/** POST /api/officer/session. A wrong password is not told apart from an unknown username. */
export const officerSignInRequestSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Vui lòng nhập tên đăng nhập.")
    .max(64, "Tên đăng nhập không đúng."),
  password: z.string().min(1, "Vui lòng nhập mật khẩu.").max(128, "Mật khẩu không đúng."),
});

export const officerSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: officerRoleSchema,
  /** The officer's commune; null for a province admin. */
  communeCode: z.string().nullable(),
});
export type Officer = z.infer<typeof officerSchema>;

export const officerSignInResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  officer: officerSchema,
});
export type OfficerSignInResponse = z.infer<typeof officerSignInResponseSchema>;

/** GET /api/officer/dossiers: filters; absent status → every open dossier. */
export const officerInboxQuerySchema = z.object({
  status: dossierStatusSchema.optional(),
  q: z.string().trim().max(64, "Từ khoá tìm kiếm quá dài.").optional(),
  due: z.enum(["overdue", "soon"], { error: "Bộ lọc hạn không hợp lệ." }).optional(),
  procedure: procedureCodeSchema.optional(),
  /** An admin picks the commune; an officer or leader always gets their own. */
  commune: z
    .string()
    .regex(/^\d{5}$/, "Mã xã gồm 5 chữ số.")
    .optional(),
});
export type OfficerInboxQuery = z.infer<typeof officerInboxQuerySchema>;

export const officerInboxItemSchema = z.object({
  code: z.string(),
  procedureCode: z.string(),
  procedureTitle: z.string(),
  status: dossierStatusSchema,
  /** The national label officers use (DOSSIER_STATUS_INFO.officerLabel). */
  statusLabel: z.string(),
  submittedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  /** Still "submitted": when the 8 working hours to acknowledge it end (acknowledgementDue); else null. */
  acknowledgeBy: z.string().nullable(),
  /** Late and unfinished: the apology letter with a new date is owed (POST …/apology). */
  needsApology: z.boolean(),
});
export type OfficerInboxItem = z.infer<typeof officerInboxItemSchema>;

export const officerInboxResponseSchema = z.object({
  communeCode: z.string(),
  dossiers: z.array(officerInboxItemSchema),
  /** Open dossiers per status, for the tabs. */
  counts: z.record(z.string(), z.number().int()),
});
export type OfficerInboxResponse = z.infer<typeof officerInboxResponseSchema>;

export const officerDossierSchema = officerInboxItemSchema.extend({
  communeCode: z.string(),
  procedureVersion: z.number().int(),
  answers: answersSchema,
  timeline: z.array(dossierEventSchema.extend({ actor: z.string() })),
  supplement: z
    .object({ fieldIds: z.array(z.string()), message: z.string(), requestedAt: z.string() })
    .nullable(),
  /** The statuses the status machine lets an officer move it to now. */
  allowedNext: z.array(dossierStatusSchema),
  /** The electronic result, once a "result_ready" move named one. */
  resultFile: z.object({ fileId: z.string(), name: z.string() }).nullable().default(null),
});
export type OfficerDossier = z.infer<typeof officerDossierSchema>;

const reasonSchema = z
  .string()
  .trim()
  .min(1, "Vui lòng ghi lý do.")
  .max(2_000, "Lý do dài tối đa 2.000 ký tự.");

/** For "result_ready" without a pick-up place or a result file. */
export const RESULT_MISSING =
  "Vui lòng ghi nơi và thời gian người dân nhận kết quả, hoặc đính kèm tệp kết quả.";

/**
 * POST /api/officer/dossiers/:code/status with an `Idempotency-Key`. Refusing, stopping and asking for a
 * supplement need a reason the citizen reads; a supplement names the fields to fix, all at once.
 */
export const officerStatusChangeSchema = z.object({
  to: dossierStatusSchema,
  reason: reasonSchema.optional(),
  supplement: z
    .object({
      fieldIds: z
        .array(z.string().min(1).max(100))
        .min(1, "Vui lòng chọn ít nhất một mục cần bổ sung.")
        .max(100),
      message: z
        .string()
        .trim()
        .min(1, "Vui lòng ghi lời nhắn cho người dân: cần bổ sung gì và vì sao.")
        .max(2_000, "Lời nhắn dài tối đa 2.000 ký tự."),
    })
    .optional(),
  /**
   * For "result_ready": where and when the result is handed over, or the electronic result (a file from
   * POST /api/officer/dossiers/:code/result-file), or both; at least one of them.
   */
  result: z
    .object({
      pickUp: z
        .string()
        .trim()
        .min(1, "Vui lòng ghi nơi và thời gian người dân nhận kết quả.")
        .max(500, "Tối đa 500 ký tự.")
        .optional(),
      fileId: z.uuid({ error: "Tệp kết quả không hợp lệ. Vui lòng tải tệp lên lại." }).optional(),
    })
    .refine((result) => result.pickUp !== undefined || result.fileId !== undefined, {
      error: RESULT_MISSING,
      path: ["pickUp"],
    })
    .optional(),
});
export type OfficerStatusChange = z.infer<typeof officerStatusChangeSchema>;

/** A conversation the chatbot handed to officers (GET /api/officer/conversations). */
export const officerConversationSchema = z.object({
  id: z.string(),
  reason: z.enum(["asked", "not_understood"]),
  /** Null: the resident's commune is unknown; the province queue (admins) has it. */
  communeCode: z.string().nullable(),
  openedAt: z.string(),
  pickedUpAt: z.string().nullable(),
  /** Inside Zalo's 7-day window since the resident last wrote: a reply can reach them (zalo-oa.md §0). */
  windowOpen: z.boolean(),
  /**
   * Outside the window a reply of at most REPLY_TEMPLATE_TEXT_MAX characters can still go as the
   * approved reply template (ZALO_TEMPLATE_OFFICER_REPLY), when one is configured.
   */
  templateAvailable: z.boolean(),
  /** When it goes back to the bot if no officer answers: 2 working hours after it opened. */
  returnsToBotAt: z.string().nullable(),
});
export type OfficerConversation = z.infer<typeof officerConversationSchema>;

export const officerConversationListSchema = z.object({ conversations: z.array(officerConversationSchema) });

export const chatLineSchema = z.object({
  author: z.enum(["resident", "bot", "officer"]),
  /** "text", or what the resident sent instead ("image", "sticker", …). */
  kind: z.string(),
  text: z.string().nullable(),
  at: z.string(),
});

export const officerConversationDetailSchema = officerConversationSchema.extend({
  messages: z.array(chatLineSchema),
});
export type OfficerConversationDetail = z.infer<typeof officerConversationDetailSchema>;

/** The reply template's one parameter (`noi_dung`) holds this many characters. */
export const REPLY_TEMPLATE_TEXT_MAX = 200;

/** POST /api/officer/conversations/:id/messages: Zalo's consultation text holds 2,000 characters. */
export const officerReplySchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, "Vui lòng nhập nội dung trả lời.")
    .max(2_000, "Tin nhắn Zalo dài tối đa 2.000 ký tự. Vui lòng rút gọn."),
});

/**
 * POST /api/officer/dossiers/:code/apology with an `Idempotency-Key`: for a late dossier, the apology
 * letter and the new appointment day (a working day after today), sent to the citizen.
 */
export const officerApologySchema = z.object({
  newDueDate: z.iso.date({ error: "Vui lòng chọn ngày hẹn trả kết quả mới." }),
  letter: reasonSchema,
});
export type OfficerApology = z.infer<typeof officerApologySchema>;

/** GET /api/officer/audit (leaders): who did or saw what in their commune, newest first. */
export const officerAuditQuerySchema = z.object({
  before: z.iso.datetime({ error: "Thời điểm không hợp lệ." }).optional(),
  /** With `before`: the last entry shown, so entries of the same instant are neither skipped nor repeated. */
  beforeId: z.coerce
    .number({ error: "Mã mục nhật ký không hợp lệ." })
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .optional(),
  dossier: z.string().max(32).optional(),
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string(),
  action: z.string(),
  dossierCode: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable(),
});
export const officerAuditResponseSchema = z.object({ entries: z.array(auditEntrySchema) });
export type OfficerAuditResponse = z.infer<typeof officerAuditResponseSchema>;
