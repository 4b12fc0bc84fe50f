import { z } from "zod";
import { procedureCodeSchema } from "../procedures/definition";
import { communeCodeSchema } from "./units";

/**
 * Broadcast notices (issue 13): the contract between the officer area, the Mini App's "Thông báo" tab,
 * the notice board page and the server. One notice: drafted by an officer, approved by a leader of the
 * same commune (province-wide: an admin), fanned out to the commune's Zalo groups and followers.
 */

/**
 * draft → pending (sent for approval) → approved (waiting for its time) → sending → sent;
 * pending → returned (with a comment) → pending again; draft/pending/returned/approved → cancelled
 * until the fan-out starts.
 */
export const NOTICE_STATUSES = [
  "draft",
  "pending",
  "returned",
  "approved",
  "sending",
  "sent",
  "cancelled",
] as const;
export const noticeStatusSchema = z.enum(NOTICE_STATUSES);
export type NoticeStatus = z.infer<typeof noticeStatusSchema>;

export const NOTICE_STATUS_LABELS: Readonly<Record<NoticeStatus, string>> = {
  draft: "Bản nháp",
  pending: "Chờ duyệt",
  returned: "Bị trả lại",
  approved: "Đã duyệt, chờ gửi",
  sending: "Đang gửi",
  sent: "Đã gửi",
  cancelled: "Đã huỷ",
};

export const NOTICE_CATEGORIES = [
  "general",
  "utilities",
  "health",
  "social_support",
  "security",
  "disaster",
  "event",
  "deadline",
] as const;
export const noticeCategorySchema = z.enum(NOTICE_CATEGORIES, { error: "Vui lòng chọn loại thông báo." });
export type NoticeCategory = z.infer<typeof noticeCategorySchema>;

export const NOTICE_CATEGORY_LABELS: Readonly<Record<NoticeCategory, string>> = {
  general: "Thông báo chung",
  utilities: "Điện, nước",
  health: "Y tế, tiêm chủng",
  social_support: "An sinh, trợ cấp",
  security: "An ninh, trật tự",
  disaster: "Thiên tai, khẩn cấp",
  event: "Sự kiện, họp dân",
  deadline: "Hạn chót, thời hạn",
};

/** Zalo's text limit for a chat or group message (zalo-oa.md §2 [C]: 2,000 characters). */
export const ZALO_TEXT_MAX = 2_000;
export const NOTICE_TITLE_MAX = 150;
/** The full notice (board, Mini App); chat carries a summary and a link when it does not fit. */
export const NOTICE_BODY_MAX = 20_000;
export const NOTICE_SUMMARY_MAX = 500;
/** Zalo's image upload limit (zalo-oa.md §2 [U]: 1 MB, JPEG or PNG). */
export const NOTICE_IMAGE_MAX_BYTES = 1_000_000;

/** Zalo's GMF group ids are opaque hex strings (zalo-oa.md §0): kept as strings, never numbers. */
export const oaGroupIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{1,64}$/, "Mã nhóm Zalo không hợp lệ.");
const isoDateTime = z.iso.datetime({ offset: true, error: "Thời gian không hợp lệ." });

/** POST /api/officer/notices and PUT /api/officer/notices/:id (with `version`). */
export const noticeDraftInputSchema = z.object({
  /** Null: province-wide (admins only). An officer or leader always drafts for their own commune. */
  communeCode: communeCodeSchema.nullable(),
  category: noticeCategorySchema,
  title: z
    .string()
    .trim()
    .min(1, "Vui lòng nhập tiêu đề thông báo.")
    .max(NOTICE_TITLE_MAX, `Tiêu đề dài tối đa ${NOTICE_TITLE_MAX} ký tự.`),
  body: z
    .string()
    .trim()
    .min(1, "Vui lòng nhập nội dung thông báo.")
    .max(NOTICE_BODY_MAX, `Nội dung dài tối đa ${NOTICE_BODY_MAX.toLocaleString("vi-VN")} ký tự.`),
  /** Needed when the title and body do not fit one Zalo message (noticeNeedsSummary). */
  summary: z
    .string()
    .trim()
    .max(NOTICE_SUMMARY_MAX, `Tóm tắt dài tối đa ${NOTICE_SUMMARY_MAX} ký tự.`)
    .nullable()
    .default(null),
  procedureCode: procedureCodeSchema.nullable().default(null),
  groupIds: z.array(oaGroupIdSchema).max(200).default([]),
  toFollowers: z.boolean().default(true),
  /** Null: as soon as it is approved. */
  scheduledAt: isoDateTime.nullable().default(null),
  expiresAt: isoDateTime,
});
export type NoticeDraftInput = z.infer<typeof noticeDraftInputSchema>;

export const noticeUpdateInputSchema = noticeDraftInputSchema.extend({
  version: z.number().int().min(1),
});
export type NoticeUpdateInput = z.infer<typeof noticeUpdateInputSchema>;

/** POST …/approve, …/submit, …/cancel: against the version the reviewer saw. */
export const noticeVersionInputSchema = z.object({ version: z.number().int().min(1) });

/** POST …/return: the leader says what to change. */
export const noticeReturnInputSchema = noticeVersionInputSchema.extend({
  comment: z
    .string()
    .trim()
    .min(1, "Vui lòng ghi điều cần sửa để cán bộ soạn lại.")
    .max(1_000, "Nhận xét dài tối đa 1.000 ký tự."),
});

export const noticeStepSchema = z.object({
  step: z.enum(["draft", "edit", "submit", "approve", "return", "cancel", "start", "finish", "resend"]),
  /** The officer's username; null for the system (fan-out start and finish). */
  by: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});
export type NoticeStep = z.infer<typeof noticeStepSchema>;

/** A notice as the officer area shows it. */
export const officerNoticeSchema = z.object({
  id: z.string(),
  communeCode: z.string().nullable(),
  status: noticeStatusSchema,
  category: noticeCategorySchema,
  title: z.string(),
  body: z.string(),
  summary: z.string().nullable(),
  procedureCode: z.string().nullable(),
  groupIds: z.array(z.string()),
  toFollowers: z.boolean(),
  scheduledAt: z.string().nullable(),
  expiresAt: z.string(),
  hasImage: z.boolean(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  returnComment: z.string().nullable(),
  steps: z.array(noticeStepSchema),
  /** What this officer may do now (the server decides; the buttons follow). */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    cancel: z.boolean(),
    resendFailed: z.boolean(),
  }),
});
export type OfficerNotice = z.infer<typeof officerNoticeSchema>;

export const officerNoticeListSchema = z.object({
  notices: z.array(
    officerNoticeSchema.pick({
      id: true,
      communeCode: true,
      status: true,
      category: true,
      title: true,
      scheduledAt: true,
      expiresAt: true,
      author: true,
      updatedAt: true,
    }),
  ),
});
export type OfficerNoticeList = z.infer<typeof officerNoticeListSchema>;

/** GET /api/officer/notices/audience?communeCode=&groupIds=a,b&toFollowers=true */
export const noticeAudienceQuerySchema = z.object({
  communeCode: communeCodeSchema.optional(),
  groupIds: z
    .string()
    .max(20_000)
    .optional()
    .transform((value) => (value ? value.split(",").filter(Boolean) : []))
    .pipe(z.array(oaGroupIdSchema)),
  toFollowers: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});

/**
 * Before sending: how many each channel will reach. Followers inside the 7-day window get a
 * consultation message; outside it a template by user id when a notice template is configured;
 * otherwise they are unreachable on Zalo (they still see it in the Mini App and on the board).
 */
export const noticeAudienceSchema = z.object({
  groups: z.number().int(),
  followers: z.object({
    consultation: z.number().int(),
    template: z.number().int(),
    unreachable: z.number().int(),
  }),
});
export type NoticeAudience = z.infer<typeof noticeAudienceSchema>;

/** Delivery rows of one notice by state, for the live progress view. */
export const noticeProgressCountsSchema = z.object({
  queued: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  /** No Zalo channel reached them (shown in the Mini App only). */
  unreachable: z.number().int(),
});
export type NoticeProgressCounts = z.infer<typeof noticeProgressCountsSchema>;

export const noticeProgressSchema = z.object({
  status: noticeStatusSchema,
  /** Follower rows still being written (the fan-out is enqueuing): the totals may still grow. */
  enqueuing: z.boolean(),
  groups: noticeProgressCountsSchema,
  followers: noticeProgressCountsSchema,
  updatedAt: z.string(),
});
export type NoticeProgress = z.infer<typeof noticeProgressSchema>;

export const noticeFailureSchema = z.object({
  /** "group" rows name the group; a follower is shown by a masked id, never a name or a phone. */
  target: z.enum(["group", "follower"]),
  label: z.string(),
  /** The reason code (delivery engine) and its Vietnamese wording. */
  reason: z.string(),
  reasonText: z.string(),
  at: z.string().nullable(),
});
export const noticeReportSchema = noticeProgressSchema.extend({
  failures: z.array(noticeFailureSchema),
  /** More failures than listed. */
  moreFailures: z.number().int(),
});
export type NoticeReport = z.infer<typeof noticeReportSchema>;

/** GET /api/officer/groups: the groups this officer may send to (an admin: all, assigned or not). */
export const oaGroupViewSchema = z.object({
  groupId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  groupLink: z.string().nullable(),
  communeCode: z.string().nullable(),
  status: z.string(),
  syncedAt: z.string().nullable(),
});
export type OaGroupView = z.infer<typeof oaGroupViewSchema>;

export const oaGroupListSchema = z.object({
  groups: z.array(oaGroupViewSchema),
  /** GMF assets left to create groups with, as Zalo last said (never assumed); null: not read. */
  groupQuota: z.number().int().nullable(),
});

export const oaGroupCreateInputSchema = z.object({
  name: z.string().trim().min(1, "Vui lòng nhập tên nhóm.").max(100, "Tên nhóm dài tối đa 100 ký tự."),
  description: z.string().trim().max(500, "Mô tả dài tối đa 500 ký tự.").nullable().default(null),
  /** OA user ids of the first members (GMF: 1–99, zalo-oa.md §0). */
  memberUserIds: z
    .array(z.string().regex(/^\d{1,32}$/, "Mã người dùng Zalo không hợp lệ."))
    .min(1, "Vui lòng chọn ít nhất một thành viên.")
    .max(99, "Nhóm tạo mới có tối đa 99 thành viên ban đầu."),
  /** An admin names the commune; an officer or leader creates for their own. */
  communeCode: communeCodeSchema.nullable().default(null),
});

export const oaGroupAssignInputSchema = z.object({ communeCode: communeCodeSchema.nullable() });

/** A notice as residents see it (Mini App, board page): public text only. */
export const publicNoticeSchema = z.object({
  id: z.string(),
  communeCode: z.string().nullable(),
  category: noticeCategorySchema,
  categoryLabel: z.string(),
  title: z.string(),
  body: z.string(),
  procedureCode: z.string().nullable(),
  hasImage: z.boolean(),
  publishedAt: z.string(),
  expiresAt: z.string(),
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

export const publicNoticeListSchema = z.object({
  communeCode: z.string(),
  notices: z.array(publicNoticeSchema),
});
export type PublicNoticeList = z.infer<typeof publicNoticeListSchema>;

export const publicNoticeQuerySchema = z.object({ communeCode: communeCodeSchema });

/** PUT /api/notices/subscription: the commune a signed-in citizen gets notices of on Zalo. */
export const noticeSubscriptionInputSchema = z.object({ communeCode: communeCodeSchema.nullable() });
export const noticeSubscriptionSchema = z.object({
  communeCode: z.string().nullable(),
  /** "not_following": the citizen's Zalo account does not follow the OA yet, so chat cannot reach it. */
  zalo: z.enum(["subscribed", "not_subscribed", "not_following"]),
});
export type NoticeSubscription = z.infer<typeof noticeSubscriptionSchema>;
