import type {
  ChatEventRequest,
  SandboxInfo,
  SandboxResident,
} from "@dvc/bot-server/zalo-sandbox/page-contract";
import { type ConversationItem, conversationOf, oaItem, placeItem, residentItem } from "./conversation-items";
import { sandboxApi } from "./sandbox-api";
import { Store } from "./store";

export type ChatEventKind = ChatEventRequest["kind"];

export interface ChatState {
  info: SandboxInfo | null;
  /** Template id → name, for the template cards' titles. */
  templates: ReadonlyMap<string, string>;
  /** null until the first answer (the picker says "Đang tải…"). */
  residents: readonly SandboxResident[] | null;
  current: SandboxResident | null;
  /** idle: no resident to show; failed: their conversation could not be read (the error says why). */
  phase: "idle" | "loading" | "loaded" | "failed";
  items: readonly ConversationItem[];
  /** One resident action at a time: the buttons wait for the webhook's answer. */
  busy: boolean;
  error: string | null;
  /** Bumped when the conversation must scroll to its end wherever the reader was (first look, own message). */
  pin: number;
}

const INITIAL: ChatState = {
  info: null,
  templates: new Map(),
  residents: null,
  current: null,
  phase: "idle",
  items: [],
  busy: false,
  error: null,
  pin: 0,
};

export const OFFLINE_POLL_MESSAGE = "Mất kết nối tới máy chủ sandbox. Đang thử lại…";

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The residents, the conversation of the chosen one, sending (each action is one signed webhook event,
 * see bot-server/src/zalo-sandbox/chat-routes.ts) and polling with an `after` cursor, so a poll carries
 * only what is new. A failed send shows why; the composer keeps the typed text.
 */
export class ChatStore extends Store<ChatState> {
  /** Bumped on every change of resident: an answer for the one before is dropped. */
  #generation = 0;
  /** The id of the last OA message shown. */
  #cursor = 0;
  /** The error shown is the poll's "connection lost", to clear when a poll works again. */
  #offline = false;

  constructor(private readonly api = sandboxApi) {
    super(INITIAL);
  }

  /** The page's first look: template names and info first (cards need them), then the residents. */
  async start(preferredId: string): Promise<void> {
    const templates = this.api
      .templates()
      .then((data) =>
        this.set({ templates: new Map(data.templates.map((t) => [t.templateId, t.templateName])) }),
      )
      .catch(() => {});
    const info = this.api.info().then((data) => this.set({ info: data }));
    await Promise.all([info, templates]).catch(() => {});
    await this.openResidents(preferredId);
  }

  /** The residents again, with `preferredId` open (a reload's, or one just added); a failure is shown. */
  async openResidents(preferredId: string): Promise<void> {
    await this.loadResidents(preferredId).catch((error: unknown) => this.showError(messageOf(error)));
  }

  /** Reads the residents again and opens `preferredId`'s conversation (else the first one's). */
  async loadResidents(preferredId: string): Promise<void> {
    const { residents } = await this.api.residents();
    this.set({ residents });
    void this.selectResident(residents.find((r) => r.id === preferredId) ?? residents[0] ?? null);
  }

  selectById(id: string): Promise<void> {
    return this.selectResident(this.state.residents?.find((r) => r.id === id) ?? null);
  }

  /** Opens one resident's conversation: their own events and the OA's messages, merged by time. */
  async selectResident(resident: SandboxResident | null): Promise<void> {
    this.#generation += 1;
    const generation = this.#generation;
    this.#cursor = 0;
    this.#offline = false;
    this.set({ current: resident, items: [], phase: resident ? "loading" : "idle", error: null });
    if (!resident) return;
    // A reload opens the same resident again.
    history.replaceState(null, "", `#${resident.id}`);
    try {
      const [own, sent] = await Promise.all([
        this.api.residentEvents(resident.id),
        this.api.messagesTo(resident.id, 0),
      ]);
      if (generation !== this.#generation) return;
      for (const message of sent.messages) this.#cursor = Math.max(this.#cursor, message.id);
      const items = conversationOf(own.events, sent.messages);
      this.set({ items, phase: "loaded", pin: this.state.pin + 1 });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.set({ phase: "failed" });
      this.showError(messageOf(error));
    }
  }

  /** One resident action → one signed webhook event; resolves true when the webhook accepted it. */
  async sendEvent(kind: ChatEventKind, text?: string): Promise<boolean> {
    const resident = this.state.current;
    if (!resident) {
      this.showError("Hãy thêm hoặc chọn một cư dân trước.");
      return false;
    }
    if (this.state.busy) return false;
    const generation = this.#generation;
    this.set({ busy: true });
    try {
      const data = await this.api.sendEvent(resident.id, text === undefined ? { kind } : { kind, text });
      this.#updateResident(data.resident);
      if (!data.accepted) {
        const why = data.refusal ? `: ${data.refusal}` : ".";
        this.showError(`Máy chủ không nhận sự kiện (HTTP ${data.webhookStatus})${why}`);
        return false;
      }
      this.hideError();
      if (generation === this.#generation) {
        this.set({ items: placeItem(this.state.items, residentItem(data.event)), pin: this.state.pin + 1 });
      }
      return true;
    } catch (error) {
      this.showError(`Không gửi được: ${messageOf(error)}`);
      return false;
    } finally {
      this.set({ busy: false });
    }
  }

  /** New OA messages to the open conversation, once it has loaded. Rejects when the server is away. */
  async pollChat(): Promise<void> {
    const resident = this.state.current;
    if (!resident || this.state.phase !== "loaded") return;
    const generation = this.#generation;
    const data = await this.api.messagesTo(resident.id, this.#cursor);
    if (generation !== this.#generation) return;
    let items = this.state.items;
    for (const message of data.messages) {
      if (message.id <= this.#cursor) continue;
      this.#cursor = message.id;
      items = placeItem(items, oaItem(message));
    }
    if (items !== this.state.items) this.set({ items });
    await this.#refreshReceipts(resident.id, generation);
  }

  /** Receipts arrive after their message: while one shown is not yet seen, ask how far each got. */
  async #refreshReceipts(residentId: string, generation: number): Promise<void> {
    const waiting = this.state.items.some((item) => item.kind === "oa" && item.message.delivery !== "seen");
    if (!waiting) return;
    const { receipts } = await this.api.receiptsTo(residentId);
    if (generation !== this.#generation) return;
    const stateOf = new Map(receipts.map((receipt) => [receipt.id, receipt.delivery]));
    let changed = false;
    const items = this.state.items.map((item) => {
      const delivery = item.kind === "oa" ? stateOf.get(item.message.id) : undefined;
      if (item.kind !== "oa" || delivery === undefined || delivery === item.message.delivery) return item;
      changed = true;
      return { ...item, message: { ...item.message, delivery } };
    });
    if (changed) this.set({ items });
  }

  pollFailed(): void {
    this.#offline = true;
    this.showError(OFFLINE_POLL_MESSAGE);
  }

  pollWorked(): void {
    if (this.#offline) this.hideError();
  }

  showError(text: string): void {
    this.set({ error: text });
  }

  hideError(): void {
    this.#offline = false;
    if (this.state.error !== null) this.set({ error: null });
  }

  /** The resident as the server now has them (following or not). */
  #updateResident(fresh: SandboxResident): void {
    const residents = this.state.residents?.map((r) => (r.id === fresh.id ? fresh : r)) ?? null;
    const current = this.state.current?.id === fresh.id ? fresh : this.state.current;
    this.set({ residents, current });
  }
}
