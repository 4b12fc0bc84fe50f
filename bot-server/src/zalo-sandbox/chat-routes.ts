import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../http/env";
import { validate } from "../http/validate";
import { AppError } from "../lib/errors";
import { viewOfEvent } from "./chat-event-view";
import { recordResidentEvent, residentHistory } from "./chat-history-repo";
import { SAMPLE_MEDIA } from "./chat-media";
import { seedDemoFollowers } from "./demo-followers";
import { buildZaloEvent, CHAT_EVENT_KINDS, type ChatEventKind, MAX_CHAT_TEXT_LENGTH } from "./event-payloads";
import { deliverZaloEvent } from "./event-sender";
import { listOaGroups } from "./oa-groups-repo";
import {
  findOaUser,
  listOaUsers,
  recordInteraction,
  type SandboxOaUser,
  setFollowing,
  upsertOaUser,
} from "./oa-users-repo";
import { ownWebhookUrl } from "./own-webhook";
import type {
  ChatEventAnswer,
  GroupsAnswer,
  MiniAppUsersAnswer,
  ResidentAnswer,
  ResidentEventsAnswer,
  ResidentsAnswer,
  SandboxResident,
  TemplatesAnswer,
} from "./page-contract";
import { SANDBOX_TEMPLATES } from "./templates";
import { zaloLikeId } from "./zalo-likeness";
import type { SandboxUsers } from "./zalo-users-repo";

/**
 * The /sandbox chat page's API (mounted at /sandbox/api/chat): residents of the commune who talk to its
 * OA, and what they do — each action becomes a Zalo webhook event, signed with the OA secret key and
 * POSTed over HTTP to this server's own /webhooks/zalo, exactly as Zalo would deliver it. The page reads
 * these answers through the types of page-contract.ts, which each answer `satisfies`.
 *   GET  /residents                        the pretend OA followers
 *   POST /residents {displayName, linkToSandboxUserId?}
 *   GET  /residents/:id/events             what the resident sent (as the webhook accepted it)
 *   POST /residents/:id/events {kind, text?} → {webhookStatus, accepted, refusal, msgId, event, resident}
 *   POST /demo-followers                   demo residents who follow and ask for Ba Đình's notices
 *   GET  /mini-app-users                   sandbox Mini App users a resident may be linked to
 *   GET  /groups                           the OA's sandbox groups (names for the group posts)
 *   GET  /templates                        the sandbox's approved templates (names for the cards)
 *   GET  /media/:file                      the sample photo and sticker the events point at
 */

const createSchema = z.object({
  displayName: z
    .string({ error: "Vui lòng nhập tên cư dân" })
    .trim()
    .min(1, "Vui lòng nhập tên cư dân")
    .max(100, "Tên dài quá 100 ký tự")
    .transform((name) => name.normalize("NFC")),
  linkToSandboxUserId: z
    .string()
    .regex(/^\d{1,32}$/, "Mã người dùng Mini App là một dãy số")
    .optional(),
});

const eventSchema = z
  .object({
    kind: z.enum(CHAT_EVENT_KINDS, { error: "Loại sự kiện không hợp lệ" }),
    text: z
      .string({ error: "Tin nhắn phải là chữ" })
      .max(MAX_CHAT_TEXT_LENGTH, `Tin nhắn dài quá ${MAX_CHAT_TEXT_LENGTH.toLocaleString("vi-VN")} ký tự`)
      .optional(),
  })
  .superRefine((event, context) => {
    if (event.kind === "text" && (event.text ?? "").trim() === "") {
      context.addIssue({ code: "custom", path: ["text"], message: "Vui lòng nhập tin nhắn" });
    }
  });

/** …/chat/ however deep the route (…/chat/residents/:id/events, …/chat/demo-followers). */
function chatBase(c: Context<AppEnv>): URL {
  const url = new URL(c.req.url);
  const at = url.pathname.indexOf("/chat/");
  return new URL(at < 0 ? "./" : url.pathname.slice(0, at + "/chat/".length), url);
}

const idParam = z.object({ id: z.string().regex(/^\d{1,32}$/, "Mã cư dân là một dãy số") });

/** A resident as the page shows them; `miniAppUser` is the sandbox Mini App user they are linked to. */
function describe(user: SandboxOaUser, miniAppNames: ReadonlyMap<string, string>): SandboxResident {
  const linkedName = user.userIdByApp === null ? undefined : miniAppNames.get(user.userIdByApp);
  return {
    id: user.id,
    userIdByApp: user.userIdByApp,
    displayName: user.displayName,
    following: user.following,
    lastInteractionAt: user.lastInteractionAt?.toISOString() ?? null,
    miniAppUser:
      user.userIdByApp !== null && linkedName !== undefined
        ? { id: user.userIdByApp, name: linkedName }
        : null,
  };
}

export function sandboxChatRoutes(
  { database, config, sealer }: Pick<AppDeps, "database" | "config" | "sealer">,
  users: SandboxUsers,
) {
  const { db } = database;
  const existing = async (id: string) => {
    const resident = await findOaUser(db, id);
    if (!resident) {
      throw new AppError("NOT_FOUND", "Không có cư dân này trong sandbox. Vui lòng tải lại trang.");
    }
    return resident;
  };
  const describeOne = async (user: SandboxOaUser) => {
    const linked = user.userIdByApp === null ? undefined : await users.find(user.userIdByApp);
    return describe(user, new Map(linked ? [[linked.id, linked.name]] : []));
  };
  /** One action of a resident: Zalo's record, the signed event to this server's webhook, the history. */
  const act = async (c: Context<AppEnv>, resident: SandboxOaUser, kind: ChatEventKind, text?: string) => {
    const now = new Date();
    const event = buildZaloEvent(kind, text, {
      appId: config.zalo.appId,
      oaId: config.zalo.oaId,
      resident: { id: resident.id, userIdByApp: resident.userIdByApp ?? "" },
      now,
      // From …/chat/<route> up to …/chat/media, wherever the sandbox is mounted.
      mediaBaseUrl: new URL("media", chatBase(c)).href,
    });
    // Zalo's own record changes first, whatever the webhook answers: the product's reply to this very
    // event (sent within a second by its worker) must find the 7-day window open. A follow counts as
    // an interaction too ([U: SPEC], setFollowing restarts the window).
    if (kind === "follow" || kind === "unfollow") {
      await setFollowing(db, { oaUserId: resident.id, following: kind === "follow", at: now });
    } else {
      await recordInteraction(db, { oaUserId: resident.id, at: now });
    }
    // This server's own webhook, reached over HTTP as Zalo reaches it.
    const delivery = await deliverZaloEvent(ownWebhookUrl(c), event, config.zalo.oaSecretKey);
    const accepted = delivery.status >= 200 && delivery.status < 300;
    if (accepted) await recordResidentEvent(db, sealer, { oaUserId: resident.id, event, at: now });
    return { delivery, accepted, view: viewOfEvent(event, now.getTime()) };
  };

  return new Hono<AppEnv>()
    .use(async (c, next) => {
      await next();
      c.header("Cache-Control", "no-store");
    })
    .get("/residents", async (c) => {
      const [list, miniAppUsers] = await Promise.all([listOaUsers(db), users.list()]);
      const names = new Map(miniAppUsers.map((user) => [user.id, user.name] as const));
      return c.json({ residents: list.map((user) => describe(user, names)) } satisfies ResidentsAnswer, 200);
    })
    .post("/residents", validate("json", createSchema), async (c) => {
      const { displayName, linkToSandboxUserId } = c.req.valid("json");
      const linked = linkToSandboxUserId === undefined ? undefined : await users.find(linkToSandboxUserId);
      if (linkToSandboxUserId !== undefined && !linked) {
        throw new AppError("NOT_FOUND", "Không có người dùng Mini App sandbox này. Vui lòng chọn lại.");
      }
      // Not following yet. The per-app id is the linked Mini App user's — how the product ties a chat
      // resident to a citizen (modules/events/residents-repo.ts) — or a fresh one of Zalo's form.
      const resident = await upsertOaUser(db, { displayName, userIdByApp: linked?.id ?? zaloLikeId() });
      return c.json({ resident: await describeOne(resident) } satisfies ResidentAnswer, 201);
    })
    .get("/residents/:id/events", validate("param", idParam), async (c) => {
      const resident = await existing(c.req.valid("param").id);
      return c.json(
        { events: await residentHistory(db, sealer, resident.id) } satisfies ResidentEventsAnswer,
        200,
      );
    })
    .post("/residents/:id/events", validate("param", idParam), validate("json", eventSchema), async (c) => {
      const resident = await existing(c.req.valid("param").id);
      const { kind, text } = c.req.valid("json");
      if (kind === "follow" && resident.following) {
        throw new AppError("CONFLICT", "Cư dân này đang quan tâm OA rồi.");
      }
      if (kind === "unfollow" && !resident.following) {
        throw new AppError("CONFLICT", "Cư dân này chưa quan tâm OA.");
      }
      const { delivery, accepted, view } = await act(c, resident, kind, text);
      return c.json(
        {
          webhookStatus: delivery.status,
          accepted,
          refusal: delivery.refusal,
          msgId: view.msgId,
          event: view,
          resident: await describeOne(await existing(resident.id)),
        } satisfies ChatEventAnswer,
        200,
      );
    })
    .post("/demo-followers", async (c) => {
      const seeded = await seedDemoFollowers(db, (resident, kind, text) => act(c, resident, kind, text));
      if (!seeded.accepted) {
        throw new AppError(
          "UPSTREAM_UNAVAILABLE",
          "Máy chủ chưa nhận sự kiện của cư dân mẫu. Vui lòng thử lại sau giây lát.",
        );
      }
      const residents = await Promise.all(seeded.residents.map(describeOne));
      return c.json({ residents } satisfies ResidentsAnswer, 200);
    })
    .get("/mini-app-users", async (c) => {
      const list = await users.list();
      return c.json(
        { users: list.map((user) => ({ id: user.id, name: user.name })) } satisfies MiniAppUsersAnswer,
        200,
      );
    })
    .get("/groups", async (c) => {
      // Seeds the OA's groups like the OA API does, so the page lists them before any group post.
      const { groups } = await listOaGroups(db);
      return c.json({ groups: groups.map(({ id, name }) => ({ id, name })) } satisfies GroupsAnswer, 200);
    })
    .get("/templates", (c) => {
      const templates = SANDBOX_TEMPLATES.map(({ templateId, templateName }) => ({
        templateId,
        templateName,
      }));
      return c.json({ templates } satisfies TemplatesAnswer, 200);
    })
    .get("/media/:file", (c) => {
      const svg = SAMPLE_MEDIA.get(c.req.param("file"));
      if (svg === undefined) throw new AppError("NOT_FOUND", "Không có tệp mẫu này.");
      c.header("Content-Type", "image/svg+xml");
      return c.body(svg, 200);
    });
}
