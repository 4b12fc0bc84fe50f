import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import type { AppEnv } from "../http/env";

/**
 * Where the sandbox delivers Zalo's webhook events: this server's own /webhooks/zalo, at the address the
 * request arrived on (the socket's local end), not its Host header — a forged Host must not make the
 * sandbox POST signed events to another machine. Without a socket (a request built in-process) the
 * request's own URL is all there is. Used for the chat page's events and the receipts alike.
 */
export function ownWebhookUrl(c: Context<AppEnv>): URL {
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  if (socket?.localAddress && socket.localPort) {
    const host = socket.localAddress.includes(":") ? `[${socket.localAddress}]` : socket.localAddress;
    return new URL(`http://${host}:${socket.localPort}/webhooks/zalo`);
  }
  return new URL("/webhooks/zalo", c.req.url);
}
