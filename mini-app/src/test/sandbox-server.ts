/**
 * An in-memory stand-in for the sandbox's /sandbox/api, for the sandbox page's component tests: the same
 * answers as bot-server/src/zalo-sandbox/chat-routes.ts and routes.ts (typed by the same contract), with
 * the product's side played by the test (`sendToResident`, `post`, `webhookDown`).
 */
import type {
  ChatEventRequest,
  ChatEventView,
  CreateResidentRequest,
  SandboxInfo,
  SandboxResident,
  SentMessageView,
} from "@dvc/bot-server/zalo-sandbox/page-contract";

export const MINI_APP_ID = "5555555555";

const INFO: SandboxInfo = {
  mode: "sandbox",
  appId: "1234567890123456789",
  oaId: "9876543210",
  miniAppId: MINI_APP_ID,
  baseUrls: { api: "", oauth: "", graph: "", business: "" },
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

export class FakeSandboxServer {
  readonly residents: SandboxResident[] = [];
  readonly events = new Map<string, ChatEventView[]>();
  readonly messages: SentMessageView[] = [];
  readonly groups = [{ id: "df7d5a31765c9f02c64d", name: "Tổ dân phố 5 — Ba Đình" }];
  readonly templates = [{ templateId: "300001", templateName: "Cập nhật trạng thái hồ sơ" }];
  readonly miniAppUsers: { id: string; name: string }[] = [];
  /** When set, the product's webhook refuses every event as a product whose database is away would. */
  webhookDown = false;
  #ids = 0;

  addResident(displayName: string, following = false): SandboxResident {
    this.#ids += 1;
    const resident: SandboxResident = {
      id: String(4_000_000 + this.#ids),
      userIdByApp: String(9_000_000 + this.#ids),
      displayName,
      following,
      lastInteractionAt: null,
      miniAppUser: null,
    };
    this.residents.push(resident);
    this.events.set(resident.id, []);
    return resident;
  }

  /** Something the product sent (a row of the sandbox's record), `at` ms after the epoch by default now. */
  post(row: Omit<SentMessageView, "id" | "createdAt"> & { at?: number }): SentMessageView {
    const { at, ...rest } = row;
    const message: SentMessageView = {
      ...rest,
      id: this.messages.length + 1,
      createdAt: new Date(at ?? Date.now()).toISOString(),
    };
    this.messages.push(message);
    return message;
  }

  sendToResident(
    residentId: string,
    payload: unknown,
    extra: Partial<SentMessageView> = {},
  ): SentMessageView {
    return this.post({ channel: "oa_cs", recipient: residentId, messageId: null, payload, ...extra });
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), "http://sandbox.test");
    const method = init?.method ?? "GET";
    const body: unknown = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const path = url.pathname.replace(/^\/sandbox\/api/, "");
    const eventsOf = /^\/chat\/residents\/(\d+)\/events$/.exec(path);
    if (method === "GET" && path === "/info") return json(INFO);
    if (method === "GET" && path === "/chat/templates") return json({ templates: this.templates });
    if (method === "GET" && path === "/chat/groups") return json({ groups: this.groups });
    if (method === "GET" && path === "/chat/mini-app-users") return json({ users: this.miniAppUsers });
    if (method === "GET" && path === "/chat/residents") return json({ residents: this.residents });
    if (method === "POST" && path === "/chat/residents") return this.#create(body as CreateResidentRequest);
    if (method === "POST" && path === "/chat/demo-followers") {
      // As chat-routes.ts: the demo residents, following (the bot's part is the server's, not drawn here).
      const demo = ["Phạm Thị Hoa (mẫu)", "Lê Văn Nam (mẫu)"].map(
        (name) => this.residents.find((r) => r.displayName === name) ?? this.addResident(name, true),
      );
      return json({ residents: demo });
    }
    if (method === "GET" && eventsOf?.[1]) return json({ events: this.events.get(eventsOf[1]) ?? [] });
    if (method === "POST" && eventsOf?.[1]) return this.#event(eventsOf[1], body as ChatEventRequest);
    if (method === "GET" && path === "/messages") return json({ messages: this.#sent(url.searchParams) });
    if (method === "GET" && path === "/receipts") {
      const recipient = url.searchParams.get("recipient");
      const receipts = this.messages
        .filter((m) => m.recipient === recipient)
        .map((m) => ({ id: m.id, delivery: m.delivery ?? "sent" }));
      return json({ receipts });
    }
    return json({ code: "NOT_FOUND", message: "Không tìm thấy." }, 404);
  };

  #create({ displayName, linkToSandboxUserId }: CreateResidentRequest): Response {
    if (displayName.trim() === "") {
      return json(
        {
          code: "VALIDATION_FAILED",
          message: "Thông tin chưa đúng.",
          fields: { displayName: "Vui lòng nhập tên cư dân" },
        },
        400,
      );
    }
    const resident = this.addResident(displayName.trim());
    const linked = this.miniAppUsers.find((user) => user.id === linkToSandboxUserId);
    if (linked) resident.miniAppUser = linked;
    return json({ resident }, 201);
  }

  #event(residentId: string, { kind, text }: ChatEventRequest): Response {
    const resident = this.residents.find((r) => r.id === residentId);
    if (!resident) return json({ code: "NOT_FOUND", message: "Không có cư dân này trong sandbox." }, 404);
    const event: ChatEventView = {
      eventName: kind === "text" ? "user_send_text" : kind,
      kind,
      msgId: null,
      text: text ?? null,
      imageUrl: null,
      location: kind === "location" ? { latitude: "21.0368", longitude: "105.8347" } : null,
      at: Date.now(),
    };
    if (kind === "follow" || kind === "unfollow") resident.following = kind === "follow";
    if (this.webhookDown) {
      return json({
        webhookStatus: 503,
        accepted: false,
        refusal: "Hệ thống đang tạm gián đoạn.",
        msgId: null,
        event,
        resident,
      });
    }
    this.events.get(residentId)?.push(event);
    return json({ webhookStatus: 200, accepted: true, refusal: null, msgId: null, event, resident });
  }

  #sent(query: URLSearchParams): SentMessageView[] {
    const after = Number(query.get("after") ?? 0);
    const recipient = query.get("recipient");
    const channels = query.get("channel")?.split(",");
    return this.messages.filter(
      (m) =>
        m.id > after &&
        (recipient === null || m.recipient === recipient) &&
        (channels === undefined || channels.includes(m.channel)),
    );
  }
}
