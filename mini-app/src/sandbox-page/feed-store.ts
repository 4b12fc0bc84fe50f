import type { SentMessageView } from "@dvc/bot-server/zalo-sandbox/page-contract";
import { sandboxApi } from "./sandbox-api";
import { Store } from "./store";

export type SandboxTab = "chat" | "feed";

export interface FeedState {
  /** Group posts and ZNS messages, newest first. */
  items: readonly SentMessageView[];
  /** Group id → name, for the posts' headings. */
  groups: ReadonlyMap<string, string>;
  tab: SandboxTab;
  /** Items that arrived while the feed tab was not open (its badge). */
  unseen: number;
}

/**
 * The "Nhóm & ZNS" tab: what the commune posted to its Zalo groups and the ZNS messages it sent, polled
 * with an `after` cursor. What is there at the first poll is not "new": only later arrivals raise the badge.
 */
export class FeedStore extends Store<FeedState> {
  #cursor = 0;
  #loaded = false;

  constructor(private readonly api = sandboxApi) {
    super({ items: [], groups: new Map(), tab: "chat", unseen: 0 });
  }

  /** Without names a group post shows its id; a failure is not worth an error strip. */
  async loadGroups(): Promise<void> {
    try {
      const { groups } = await this.api.groups();
      this.set({ groups: new Map([...this.state.groups, ...groups.map((g) => [g.id, g.name] as const)]) });
    } catch {
      // The next unknown group tries again.
    }
  }

  /** Rejects when the server is away. */
  async pollFeed(): Promise<void> {
    const data = await this.api.feed(this.#cursor);
    const fresh = data.messages.filter((message) => message.id > this.#cursor);
    if (fresh.length === 0) {
      this.#loaded = true;
      return;
    }
    if (fresh.some((m) => m.channel === "oa_group" && !this.state.groups.has(m.recipient))) {
      await this.loadGroups();
    }
    for (const message of fresh) this.#cursor = Math.max(this.#cursor, message.id);
    const unseen =
      this.#loaded && this.state.tab !== "feed" ? this.state.unseen + fresh.length : this.state.unseen;
    this.#loaded = true;
    this.set({ items: [...fresh].reverse().concat(this.state.items), unseen });
  }

  showTab(tab: SandboxTab): void {
    this.set(tab === "feed" ? { tab, unseen: 0 } : { tab });
  }
}
