import type { Logger } from "../lib/logger";
import { deliverZaloEvent } from "./event-sender";
import {
  oaReceivedEvent,
  oaSeenEvent,
  type ReceiptContext,
  type ZEventServer,
  znsReceivedEvent,
} from "./receipt-payloads";

/**
 * The sandbox's receipts, as Zalo sends them after a message it accepted (zalo-oa.md §0 "Receipts"):
 * a moment after an OA message (cs or template by user id) to a follower, `user_received_message`, then
 * a moment later `user_seen_message` (the sandbox's residents all "have the chat open"); a moment after a
 * ZNS message, its ZNS `user_received_message` (no seen, §4 [C]). Signed and POSTed over HTTP to the
 * product's webhook (event-sender.ts), like the chat page's events.
 *
 * Fire-and-forget: scheduling never throws nor waits, so the API answer never depends on it; a failed
 * delivery is logged (event name, status or error class — never an id, a phone number or a body) and
 * not retried. Timers are unref'd (they never keep the process alive) and `stop()` cancels them and
 * aborts deliveries in flight, for a clean shutdown.
 */

/** The default pause before each receipt: long enough to look like a phone, short enough to watch. */
export const DEFAULT_RECEIPT_DELAY_MS = 1_500;

export interface SandboxReceiptsOptions {
  appId: string;
  oaId: string;
  /** Signs the events (config.zalo.oaSecretKey), as Zalo signs them (§1). */
  oaSecretKey: string;
  logger: Logger;
  /** After the message was accepted, before `user_received_message` (default 1.5 s; tests: 0). */
  receivedAfterMs?: number;
  /** After `user_received_message`, before `user_seen_message` (default 1.5 s; tests: 0). */
  seenAfterMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Called once the product's webhook took a receipt (2xx): the sandbox's own record of the message. */
  onReceipt?: (messageId: string, receipt: "delivered" | "seen") => Promise<void>;
}

export interface SandboxReceipts {
  /** An OA message (cs or template by uid) was accepted for `userId`, a follower. */
  afterOaMessage(input: { webhookUrl: URL; userId: string; messageId: string }): void;
  /** A ZNS message was accepted for `phone` (84…), which is held in memory only until it is sent. */
  afterZnsMessage(input: { webhookUrl: URL; phone: string; messageId: string; trackingId: string }): void;
  /** Resolves once no receipt is waiting or in flight. */
  idle(): Promise<void>;
  /** Cancels the waiting receipts and aborts those in flight; later messages get none. */
  stop(): Promise<void>;
}

export function createSandboxReceipts(options: SandboxReceiptsOptions): SandboxReceipts {
  const { logger, oaSecretKey } = options;
  const receivedAfterMs = options.receivedAfterMs ?? DEFAULT_RECEIPT_DELAY_MS;
  const seenAfterMs = options.seenAfterMs ?? DEFAULT_RECEIPT_DELAY_MS;
  const baseFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const stopping = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let waiters: (() => void)[] = [];

  const busy = () => timers.size > 0 || inFlight.size > 0;
  const wakeWaiters = () => {
    if (busy()) return;
    for (const wake of waiters) wake();
    waiters = [];
  };

  /** Each delivery is also aborted by stop(), besides its own timeout. */
  const abortable: typeof fetch = (input, init) =>
    baseFetch(input, {
      ...init,
      signal: init?.signal ? AbortSignal.any([init.signal, stopping.signal]) : stopping.signal,
    });

  const context = (): ReceiptContext => ({ appId: options.appId, oaId: options.oaId, now: now() });

  /** True when the webhook took it (2xx). */
  async function deliver(
    webhookUrl: URL,
    event: { app_id: string; timestamp: string; event_name: string },
    server: ZEventServer,
  ): Promise<boolean> {
    const source = server === "ZNS" ? "zns" : "oa";
    try {
      const delivery = await deliverZaloEvent(webhookUrl, event, oaSecretKey, abortable, server);
      if (delivery.status < 200 || delivery.status >= 300) {
        logger.warn("sandbox receipt refused by the webhook", {
          eventName: event.event_name,
          source,
          status: delivery.status,
        });
        return false;
      }
      return true;
    } catch (error) {
      if (stopping.signal.aborted) return false;
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      logger.warn("sandbox receipt not delivered", {
        eventName: event.event_name,
        source,
        errorClass: cause instanceof Error ? cause.name : "UnknownError",
      });
      return false;
    }
  }

  /** The sandbox's record follows what the webhook took; its own failures are only logged. */
  async function recorded(messageId: string, receipt: "delivered" | "seen", taken: boolean): Promise<void> {
    if (!taken || !options.onReceipt) return;
    await options.onReceipt(messageId, receipt).catch((error: unknown) => {
      logger.warn("sandbox receipt not recorded", {
        errorClass: error instanceof Error ? error.name : "UnknownError",
      });
    });
  }

  /** Runs `task` after `ms`, unless stopped first; its failures are its own (deliver logs them). */
  function later(ms: number, task: () => Promise<void>): void {
    if (stopping.signal.aborted) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const running = task()
        .catch(() => {})
        .finally(() => {
          inFlight.delete(running);
          wakeWaiters();
        });
      inFlight.add(running);
    }, ms);
    timer.unref();
    timers.add(timer);
  }

  return {
    afterOaMessage({ webhookUrl, userId, messageId }) {
      later(receivedAfterMs, async () => {
        const taken = await deliver(webhookUrl, oaReceivedEvent(context(), userId, messageId), "OA OpenAPI");
        await recorded(messageId, "delivered", taken);
        later(seenAfterMs, async () => {
          const seen = await deliver(webhookUrl, oaSeenEvent(context(), userId, [messageId]), "OA OpenAPI");
          await recorded(messageId, "seen", seen);
        });
      });
    },
    afterZnsMessage({ webhookUrl, phone, messageId, trackingId }) {
      later(receivedAfterMs, async () => {
        const taken = await deliver(
          webhookUrl,
          znsReceivedEvent(context(), { phone, messageId, trackingId }),
          "ZNS",
        );
        await recorded(messageId, "delivered", taken);
      });
    },
    idle() {
      if (!busy()) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
      });
    },
    async stop() {
      stopping.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
      wakeWaiters();
    },
  };
}
