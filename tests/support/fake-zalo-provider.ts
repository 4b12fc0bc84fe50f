import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A fake Zalo provider over real HTTP, in the test (or bench) process, for delivery workers running in
 * other processes (delivery-worker-process.ts forwards every send of the engine here). It records every
 * call with its `ref` (`d<deliveries.id>`), the process that made it and when it arrived, can answer
 * after a latency, and can be scripted to fail. It deduplicates by `ref` as an idempotent provider would:
 * a message is delivered when its first call arrives (even if the caller dies before reading the answer);
 * a later call with the same ref is recorded as a duplicate attempt and answered with the first message id.
 */

/** What the provider does with one call: deliver (default), Zalo's -32, a 503, or never answer. */
export type ProviderAnswer = "deliver" | "slow_down" | "unavailable" | "hang";

export interface ProviderCall {
  ref: string;
  channel: string;
  /** The recipient: an OA user id, a group id or a phone. */
  to: string;
  /** The worker process that sent it (its `x-worker-process` header). */
  process: string;
  /** Arrival, ms since the epoch (the same clock as PostgreSQL's clock_timestamp() on this machine). */
  at: number;
  /** Position among all calls, from 1. */
  seq: number;
  outcome: "delivered" | "duplicate" | "slow_down" | "unavailable" | "hang";
}

export interface ProviderRequestBody {
  channel: string;
  to: string;
  ref: string;
}

/** The answer body: Zalo answers its errors with HTTP 200 and a negative `error`, as here. */
export type ProviderResponseBody = { error: 0; messageId: string } | { error: number; message: string };

export interface FakeZaloProvider {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly calls: readonly ProviderCall[];
  /** ref → the message id it was delivered under (once per ref, whatever the attempts). */
  readonly delivered: ReadonlyMap<string, string>;
  duplicates(): ProviderCall[];
  /** Decides each call's answer from now on (undefined: deliver). Runs before the latency. */
  script(decide: ((call: Omit<ProviderCall, "outcome">) => ProviderAnswer) | undefined): void;
  /** Called after every call is recorded (e.g. to kill a worker at a chosen point). */
  onCall(listener: ((call: ProviderCall) => void) | undefined): void;
  /** Resolves once `delivered.size` reaches `count`. */
  deliveredAtLeast(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeZaloProvider({ latencyMs = 0 } = {}): Promise<FakeZaloProvider> {
  const calls: ProviderCall[] = [];
  const delivered = new Map<string, string>();
  let decide: ((call: Omit<ProviderCall, "outcome">) => ProviderAnswer) | undefined;
  let listener: ((call: ProviderCall) => void) | undefined;
  const waiters: { count: number; resolve: () => void }[] = [];
  const hanging = new Set<ServerResponse>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ProviderRequestBody;
    const arrival = {
      ref: body.ref,
      channel: body.channel,
      to: body.to,
      process: String(request.headers["x-worker-process"] ?? "?"),
      at: Date.now(),
      seq: calls.length + 1,
    };
    const answer = decide?.(arrival) ?? "deliver";
    let reply: ProviderResponseBody | undefined;
    let outcome: ProviderCall["outcome"];
    if (answer === "deliver") {
      const first = delivered.get(body.ref);
      outcome = first === undefined ? "delivered" : "duplicate";
      const messageId = first ?? `zmsg${arrival.seq.toString(16).padStart(8, "0")}`;
      // Delivered on arrival: a caller killed while waiting for the answer has still sent it.
      if (first === undefined) delivered.set(body.ref, messageId);
      reply = { error: 0, messageId };
    } else if (answer === "slow_down") {
      outcome = "slow_down";
      reply = { error: -32, message: "The request exceeded the rate limit" };
    } else {
      outcome = answer;
    }
    const call: ProviderCall = { ...arrival, outcome };
    calls.push(call);
    listener?.(call);
    for (const waiter of waiters.filter((w) => delivered.size >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    if (outcome === "hang") {
      hanging.add(response);
      return;
    }
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (outcome === "unavailable") {
      response.writeHead(503, { "content-type": "text/plain" }).end("busy");
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
  };

  const server = createServer((request, response) => {
    // The caller may be SIGKILLed mid-call: its socket's errors are expected, not the test's failure.
    response.on("error", () => {});
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(400).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    delivered,
    duplicates: () => calls.filter((call) => call.outcome === "duplicate"),
    script(next) {
      decide = next;
    },
    onCall(next) {
      listener = next;
    },
    deliveredAtLeast(count) {
      if (delivered.size >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Calls per process in consecutive buckets of `bucketMs` between `from` and `to`, for printing what the
 * fleet did over time (e.g. around a -32 pause).
 */
export function callsPerBucket(
  calls: readonly ProviderCall[],
  { from, to, bucketMs }: { from: number; to: number; bucketMs: number },
): { startMs: number; byProcess: Record<string, number> }[] {
  const buckets: { startMs: number; byProcess: Record<string, number> }[] = [];
  for (let start = from; start < to; start += bucketMs)
    buckets.push({ startMs: start - from, byProcess: {} });
  for (const call of calls) {
    if (call.at < from || call.at >= to) continue;
    const bucket = buckets[Math.floor((call.at - from) / bucketMs)];
    if (bucket) bucket.byProcess[call.process] = (bucket.byProcess[call.process] ?? 0) + 1;
  }
  return buckets;
}
