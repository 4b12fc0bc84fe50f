/**
 * The sandbox page's calls to /sandbox/api. The answers' types are the server's own (page-contract.ts,
 * imported type-only: no server code is bundled), so a renamed field fails `tsc` on both sides.
 */
import type {
  ChatEventAnswer,
  ChatEventRequest,
  CreateResidentRequest,
  GroupsAnswer,
  MessagesAnswer,
  MiniAppUsersAnswer,
  ReceiptsAnswer,
  ResidentAnswer,
  ResidentEventsAnswer,
  ResidentsAnswer,
  SandboxInfo,
  TemplatesAnswer,
} from "@dvc/bot-server/zalo-sandbox/page-contract";
import { isRecord } from "./payload";

const BASE = "/sandbox/api";

export const OFFLINE_MESSAGE = "Không kết nối được máy chủ sandbox. Máy chủ có đang chạy không?";

/** What a refusal says: the fields' messages when it names fields, else its message, else the status. */
function refusalMessage(data: unknown, status: number): string {
  if (isRecord(data)) {
    const fields = isRecord(data.fields) ? Object.values(data.fields).map(String) : [];
    if (fields.length > 0) return fields.join(" ");
    if (typeof data.message === "string" && data.message !== "") return data.message;
  }
  return `Máy chủ trả lỗi HTTP ${status}.`;
}

/**
 * JSON in and out; a refusal rejects with an Error carrying the server's Vietnamese message. The answer is
 * the server's own (same origin, same build of the contract), so it is taken at its declared type.
 */
async function call<T>(method: "GET" | "POST", path: string, body?: object): Promise<T> {
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new Error(OFFLINE_MESSAGE);
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw new Error(refusalMessage(data, response.status));
  return data as T;
}

export const sandboxApi = {
  info: () => call<SandboxInfo>("GET", "/info"),
  templates: () => call<TemplatesAnswer>("GET", "/chat/templates"),
  groups: () => call<GroupsAnswer>("GET", "/chat/groups"),
  residents: () => call<ResidentsAnswer>("GET", "/chat/residents"),
  addResident: (body: CreateResidentRequest) => call<ResidentAnswer>("POST", "/chat/residents", body),
  /** Demo residents who follow the OA and asked the bot for Phường Ba Đình's notices (issue 13). */
  addDemoFollowers: () => call<ResidentsAnswer>("POST", "/chat/demo-followers"),
  miniAppUsers: () => call<MiniAppUsersAnswer>("GET", "/chat/mini-app-users"),
  residentEvents: (residentId: string) =>
    call<ResidentEventsAnswer>("GET", `/chat/residents/${residentId}/events`),
  sendEvent: (residentId: string, body: ChatEventRequest) =>
    call<ChatEventAnswer>("POST", `/chat/residents/${residentId}/events`, body),
  /** One resident's messages after the id `after` (0: all of them), oldest first. */
  messagesTo: (recipient: string, after: number) =>
    call<MessagesAnswer>("GET", `/messages?recipient=${encodeURIComponent(recipient)}&after=${after}`),
  /** How far each of the last messages to `recipient` got (the sandbox's receipts). */
  receiptsTo: (recipient: string) =>
    call<ReceiptsAnswer>("GET", `/receipts?recipient=${encodeURIComponent(recipient)}`),
  /** Group posts and ZNS messages after the id `after`, oldest first. */
  feed: (after: number) => call<MessagesAnswer>("GET", `/messages?channel=oa_group,zns&after=${after}`),
};
