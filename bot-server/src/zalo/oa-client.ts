import { cleanText } from "@dvc/shared";
import type { Logger } from "../lib/logger";
import {
  assetAvailable,
  buttonsAttachment,
  createGroupResponseSchema,
  emptyResponseSchema,
  groupListResponseSchema,
  groupQuotaResponseSchema,
  groupResponseSchema,
  imageAttachment,
  MAX_BUTTONS,
  MAX_TEXT_LENGTH,
  MAX_UPLOAD_IMAGE_BYTES,
  OA_PATHS,
  type OaButton,
  type OaGroupInfo,
  quotaResponseSchema,
  sendResponseSchema,
  tagsResponseSchema,
  templateByUidBody,
  templateFields,
  uploadImageResponseSchema,
  userDetailResponseSchema,
} from "./oa-contract";
import { OaError } from "./oa-error";
import type { OaTokenStore } from "./oa-token-store";
import { createZaloCaller, type ZaloFetch } from "./zalo-call";

/**
 * Zalo's OA Open API (consultation messages, templates by user id, user detail, per-user quota). Errors
 * arrive inside HTTP 200 bodies and become an OaError with a `kind` (zalo-error-codes.ts says what a
 * sender does about each); a refused OA token is refreshed once and the call retried once (zalo-call.ts).
 */

export interface OaUserDetail {
  userId: string;
  displayName: string | undefined;
  isFollower: boolean | undefined;
}

export interface OaQuota {
  /** Epoch ms of the user's last interaction with the OA, when Zalo says. */
  lastInteraction: number | undefined;
}

export interface OaClient {
  sendText(userId: string, text: string): Promise<{ messageId: string }>;
  sendButtons(userId: string, text: string, buttons: readonly OaButton[]): Promise<{ messageId: string }>;
  /**
   * An approved template by user id (zalo-oa.md §0/§2 [U]): no 7-day window, no `tracking_id` — keep
   * your own map from the returned `messageId` (receipts name it in `message.msg_id`).
   */
  sendTemplate(
    userId: string,
    templateId: string,
    templateData: Readonly<Record<string, string>>,
  ): Promise<{ messageId: string }>;
  /** A text to an OA-owned group (GMF, §5): no 7-day window, no receipts; same 2,000-character limit. */
  sendGroupText(groupId: string, text: string): Promise<{ messageId: string }>;
  /** An uploaded image (attachment id) with a caption, into an OA-owned group (GMF, §0/§5). */
  sendGroupImage(groupId: string, attachmentId: string, caption: string): Promise<{ messageId: string }>;
  /** One page of the OA's GMF groups and, when Zalo says, how many there are in all. */
  getGroupsOfOa(offset: number, count: number): Promise<{ groups: OaGroupInfo[]; total: number | undefined }>;
  getGroup(groupId: string): Promise<OaGroupInfo>;
  /** Creates a group on one GMF asset (each group uses one, §5). */
  createGroupWithOa(group: {
    name: string;
    description: string | null;
    assetId: string;
    memberUserIds: readonly string[];
  }): Promise<{ groupId: string; groupLink: string | null }>;
  /** The OA's GMF assets not yet used by a group (each creates one group), as Zalo says now. */
  getGroupQuota(): Promise<{ availableAssetIds: string[] }>;
  getUserDetail(userId: string): Promise<OaUserDetail>;
  getQuota(userId: string): Promise<OaQuota>;
  /** Uploads a JPEG or PNG (≤ 1 MB) for image messages; returns Zalo's attachment id. */
  uploadImage(image: { bytes: Uint8Array; contentType: "image/jpeg" | "image/png" }): Promise<string>;
  tagFollower(userId: string, tagName: string): Promise<void>;
  untagFollower(userId: string, tagName: string): Promise<void>;
  listTags(): Promise<string[]>;
}

export interface OaClientOptions {
  baseUrl: string;
  appSecret: string;
  tokens: OaTokenStore;
  logger: Logger;
  timeoutMs?: number;
  fetch?: ZaloFetch;
}

function messageText(text: string): string {
  const normalised = text.normalize("NFC");
  if (normalised.trim().length === 0 || normalised.length > MAX_TEXT_LENGTH) {
    throw new OaError("invalid", undefined);
  }
  return normalised;
}

export function createOaClient(options: OaClientOptions): OaClient {
  const call = createZaloCaller({ ...options, logName: "zalo oa" });

  async function sendCs(userId: string, message: Record<string, unknown>) {
    const answer = await call(
      OA_PATHS.sendCs,
      { recipient: { user_id: userId }, message },
      sendResponseSchema,
    );
    return { messageId: answer.data.message_id };
  }

  return {
    async sendText(userId, text) {
      return sendCs(userId, { text: messageText(text) });
    },
    async sendButtons(userId, text, buttons) {
      if (buttons.length === 0 || buttons.length > MAX_BUTTONS) throw new OaError("invalid", undefined);
      return sendCs(userId, { text: messageText(text), attachment: buttonsAttachment(buttons) });
    },
    async sendTemplate(userId, templateId, templateData) {
      const fields = templateFields(templateId, templateData);
      if (!fields) throw new OaError("invalid", undefined);
      const body = templateByUidBody(userId, fields.templateId, fields.templateData);
      const answer = await call(OA_PATHS.sendTemplate, body, sendResponseSchema);
      return { messageId: answer.data.message_id };
    },
    async sendGroupText(groupId, text) {
      const body = { recipient: { group_id: groupId }, message: { text: messageText(text) } };
      const answer = await call(OA_PATHS.sendGroup, body, sendResponseSchema);
      return { messageId: answer.data.message_id };
    },
    async sendGroupImage(groupId, attachmentId, caption) {
      const message = { text: messageText(caption), attachment: imageAttachment(attachmentId) };
      const answer = await call(
        OA_PATHS.sendGroup,
        { recipient: { group_id: groupId }, message },
        sendResponseSchema,
      );
      return { messageId: answer.data.message_id };
    },
    async getGroupsOfOa(offset, count) {
      const path = `${OA_PATHS.groupsOfOa}?offset=${offset}&count=${count}`;
      const answer = await call(path, undefined, groupListResponseSchema);
      return { groups: answer.data.groups, total: answer.data.total };
    },
    async getGroup(groupId) {
      const path = `${OA_PATHS.group}?group_id=${encodeURIComponent(groupId)}`;
      return (await call(path, undefined, groupResponseSchema)).data;
    },
    async createGroupWithOa({ name, description, assetId, memberUserIds }) {
      const body = {
        group_name: name.normalize("NFC"),
        ...(description ? { group_description: description.normalize("NFC") } : {}),
        asset_id: assetId,
        member_user_ids: [...memberUserIds],
      };
      const answer = await call(OA_PATHS.createGroup, body, createGroupResponseSchema);
      return { groupId: answer.data.group_id, groupLink: answer.data.group_link ?? null };
    },
    async getGroupQuota() {
      // [U] product_type and quota_type left out: every GMF asset of the OA, of any size or source.
      const answer = await call(OA_PATHS.groupQuota, { quota_owner: "OA" }, groupQuotaResponseSchema);
      return { availableAssetIds: answer.data.filter(assetAvailable).map((asset) => asset.asset_id) };
    },
    async getUserDetail(userId) {
      const query = encodeURIComponent(JSON.stringify({ user_id: userId }));
      const answer = await call(`${OA_PATHS.userDetail}?data=${query}`, undefined, userDetailResponseSchema);
      return {
        userId: answer.data.user_id,
        displayName: cleanText(answer.data.display_name ?? "").trim() || undefined,
        isFollower: answer.data.user_is_follower,
      };
    },
    async getQuota(userId) {
      const answer = await call(OA_PATHS.quota, { user_id: userId }, quotaResponseSchema);
      return { lastInteraction: answer.data.last_interaction };
    },
    async uploadImage({ bytes, contentType }) {
      if (bytes.byteLength === 0 || bytes.byteLength > MAX_UPLOAD_IMAGE_BYTES) {
        throw new OaError("invalid", undefined);
      }
      // FormData is serialised anew on each send, so the refresh-and-retry can reuse it.
      const form = new FormData();
      const name = contentType === "image/png" ? "image.png" : "image.jpg";
      // A copy backed by a plain ArrayBuffer, which Blob requires.
      form.set("file", new Blob([new Uint8Array(bytes)], { type: contentType }), name);
      const answer = await call(OA_PATHS.uploadImage, form, uploadImageResponseSchema);
      return answer.data.attachment_id;
    },
    async tagFollower(userId, tagName) {
      await call(OA_PATHS.tagFollower, { user_id: userId, tag_name: tagName }, emptyResponseSchema);
    },
    async untagFollower(userId, tagName) {
      await call(OA_PATHS.untagFollower, { user_id: userId, tag_name: tagName }, emptyResponseSchema);
    },
    async listTags() {
      return (await call(OA_PATHS.listTags, undefined, tagsResponseSchema)).data;
    },
  };
}
