import { cleanText } from "@dvc/shared";
import type { z } from "zod";
import type { Logger } from "../lib/logger";
import {
  appsecretProof,
  buttonsAttachment,
  emptyResponseSchema,
  MAX_BUTTONS,
  MAX_TEXT_LENGTH,
  MAX_UPLOAD_IMAGE_BYTES,
  OA_ERROR_CODES,
  OA_PATHS,
  OA_TIMEOUT_MS,
  type OaButton,
  oaEnvelopeSchema,
  quotaResponseSchema,
  sendResponseSchema,
  tagsResponseSchema,
  uploadImageResponseSchema,
  userDetailResponseSchema,
} from "./oa-contract";
import { OaError, type OaErrorKind } from "./oa-error";
import type { OaTokenStore } from "./oa-token-store";

/**
 * Zalo's OA Open API (consultation messages, user detail, per-user quota). Errors arrive inside HTTP
 * 200 bodies and become an OaError with a `kind`; a refused OA token is refreshed once and the call
 * retried once.
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
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

function kindOf(zaloError: number): OaErrorKind {
  if (OA_ERROR_CODES.rateLimited.has(zaloError)) return "rate_limited";
  if (OA_ERROR_CODES.outsideWindow.has(zaloError)) return "outside_window";
  if (OA_ERROR_CODES.inactive.has(zaloError)) return "inactive";
  if (OA_ERROR_CODES.tokenInvalid.has(zaloError)) return "unauthorized";
  return "rejected";
}

function messageText(text: string): string {
  const normalised = text.normalize("NFC");
  if (normalised.trim().length === 0 || normalised.length > MAX_TEXT_LENGTH) {
    throw new OaError("invalid", undefined);
  }
  return normalised;
}

export function createOaClient(options: OaClientOptions): OaClient {
  const { baseUrl, appSecret, tokens, logger } = options;
  const timeoutMs = options.timeoutMs ?? OA_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));

  async function send(path: string, token: string, body: unknown): Promise<unknown> {
    const headers: Record<string, string> = {
      access_token: token,
      appsecret_proof: appsecretProof(token, appSecret),
    };
    // FormData sets its own multipart content type (with the boundary).
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) headers["content-type"] = "application/json";
    try {
      const response = await doFetch(`${baseUrl}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers,
        ...(body === undefined ? {} : { body: multipart ? body : JSON.stringify(body) }),
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        logger.warn("zalo oa http error", { path, status: response.status });
        throw new OaError("unavailable", undefined);
      }
      return await response.json();
    } catch (error) {
      if (error instanceof OaError) throw error;
      logger.warn("zalo oa unreachable", { path, error });
      throw new OaError("unavailable", undefined, error);
    }
  }

  async function call<T extends z.ZodType>(path: string, body: unknown, schema: T): Promise<z.infer<T>> {
    let token = await tokens.getAccessToken();
    let answer = await send(path, token, body);
    let envelope = oaEnvelopeSchema.safeParse(answer);
    if (envelope.success && OA_ERROR_CODES.tokenInvalid.has(envelope.data.error)) {
      logger.warn("zalo oa token refused, refreshing once", { path, zaloError: envelope.data.error });
      token = await tokens.forceRefresh(token);
      answer = await send(path, token, body);
      envelope = oaEnvelopeSchema.safeParse(answer);
    }
    if (!envelope.success) {
      logger.error("zalo oa answered an unknown shape", { path });
      throw new OaError("unavailable", undefined);
    }
    const zaloError = envelope.data.error;
    if (zaloError !== 0) {
      // Zalo's message is not logged: it may echo what was sent.
      logger.warn("zalo oa refused", { path, zaloError });
      throw new OaError(kindOf(zaloError), zaloError);
    }
    const parsed = schema.safeParse(answer);
    if (!parsed.success) {
      logger.error("zalo oa answered an unknown shape", {
        path,
        paths: parsed.error.issues.map((issue) => issue.path.join(".")),
      });
      throw new OaError("unavailable", undefined);
    }
    return parsed.data;
  }

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
