import type { FailureVerdict, ZaloPort } from "../../bot-server/src/modules/delivery";
import type { ProviderRequestBody, ProviderResponseBody } from "./fake-zalo-provider";

/**
 * The delivery engine's ZaloPort over HTTP to the tests' fake provider (fake-zalo-provider.ts): what the
 * worker processes (worker-process-kit.ts) send through.
 */

/** A failure of the fake provider as the port sees it: Zalo's error number, or an HTTP status. */
export class ProviderError extends Error {
  constructor(
    readonly kind: "zalo" | "http",
    readonly code: number,
  ) {
    super(`${kind}:${code}`);
    this.name = "ProviderError";
  }
}

/**
 * Zalo's own error table (zalo/zalo-error-codes.ts) is for the real clients' errors; this is the same
 * decision for the fake provider's: -32 (rate limit) pauses the fleet, a network error, a timeout, 5xx
 * or 429 is retried, anything else is refused for good.
 */
export function classifyProviderError(error: unknown): FailureVerdict {
  if (error instanceof ProviderError) {
    if (error.kind === "zalo" && error.code === -32) return { action: "slow_down", reason: "zalo:-32" };
    if (error.kind === "http" && (error.code >= 500 || error.code === 429))
      return { action: "retry", reason: `http:${error.code}` };
    return { action: "permanent", reason: `${error.kind}:${error.code}` };
  }
  // fetch's TypeError (connection refused or reset) and AbortSignal.timeout's TimeoutError.
  return { action: "retry", reason: error instanceof Error ? error.name : "unknown" };
}

export function httpZaloPort(baseUrl: string, processName: string): ZaloPort {
  async function send(channel: string, to: string, ref: string): Promise<{ messageId: string }> {
    const body: ProviderRequestBody = { channel, to, ref };
    const response = await fetch(`${baseUrl}/send`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-worker-process": processName },
      body: JSON.stringify(body),
      // OB-7's timeout: a provider that never answers fails the attempt instead of holding the lease.
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 200) throw new ProviderError("http", response.status);
    const answer = (await response.json()) as ProviderResponseBody;
    if ("messageId" in answer) return { messageId: answer.messageId };
    throw new ProviderError("zalo", answer.error);
  }
  return {
    sendConsultation: (oaUserId, _text, _buttons, ref) => send("cs", oaUserId, ref),
    sendTemplateByUserId: (oaUserId, _templateId, _data, ref) => send("template", oaUserId, ref),
    sendZns: (phone, _templateId, _data, ref) => send("zns", phone, ref),
    sendGroupText: (groupId, _text, ref) => send("group", groupId, ref),
    sendGroupImage: (groupId, _attachmentId, _caption, ref) => send("group", groupId, ref),
    // The residents of these runs wrote recently: our own record decides, Zalo's is never asked.
    lastInteraction: async () => null,
    classify: (error) => classifyProviderError(error),
  };
}
