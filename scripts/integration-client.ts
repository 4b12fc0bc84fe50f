/**
 * The reference client for the integration API (issue 14): what a one-stop system (Một cửa điện tử)
 * copies to call us. It depends on nothing but Node 20 (fetch, node:crypto), so it can be lifted out of
 * this repository as it is. The tests use it too, so it signs exactly as the server checks.
 *
 * Signing: X-Signature = hex(HMAC-SHA256(secret, timestamp + "." + rawBody)), X-Timestamp = the Unix time
 * in seconds (refused more than 5 minutes from the server's clock), X-Api-Key = the key's public part.
 * A GET signs an empty body: `timestamp + "."`. Sign the exact bytes you send: re-serialising the JSON
 * after signing changes the signature.
 *
 * CLI: DVC_API_URL=https://dvc.example.vn DVC_API_KEY=… DVC_API_SECRET=… \
 *        npx tsx scripts/integration-client.ts status <code> <nationalStatus 1–10> [note]
 *      … npx tsx scripts/integration-client.ts list [updatedSince ISO-8601]
 */
import { createHmac, randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";

export const API_KEY_HEADER = "X-Api-Key";
export const TIMESTAMP_HEADER = "X-Timestamp";
export const SIGNATURE_HEADER = "X-Signature";

/** hex(HMAC-SHA256(secret, timestamp + "." + rawBody)). */
export function sign(secret: string, timestamp: string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

/** The three headers for one request whose body is `rawBody` ("" for a GET). */
export function signedHeaders(
  credentials: { apiKey: string; secret: string },
  rawBody: string,
  now: Date = new Date(),
): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    [API_KEY_HEADER]: credentials.apiKey,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: sign(credentials.secret, timestamp, rawBody),
  };
}

export interface IntegrationClientOptions {
  /** The server's public URL, e.g. https://dvc.example.vn (no trailing /api). */
  baseUrl: string;
  apiKey: string;
  secret: string;
  /** The clock used for X-Timestamp (tests move it). */
  now?: () => Date;
}

/** A status change as the one-stop system reports it: `status` is the national code 1–10. */
export interface StatusChange {
  /** Your own id for this change, unique per key: sending it again returns the first answer. */
  eventId: string;
  status: number;
  /** When the change happened in your system (ISO-8601 with offset). */
  at: string;
  note?: string;
}

export interface IntegrationResponse {
  status: number;
  /** The parsed JSON body (the error envelope {code, number, message, requestId} on failure). */
  body: unknown;
}

export function createIntegrationClient(options: IntegrationClientOptions) {
  const base = options.baseUrl.replace(/\/$/, "");
  const now = options.now ?? (() => new Date());

  async function send(method: "GET" | "POST", path: string, rawBody: string): Promise<IntegrationResponse> {
    const headers: Record<string, string> = signedHeaders(options, rawBody, now());
    if (method === "POST") headers["Content-Type"] = "application/json";
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: method === "POST" ? rawBody : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text === "" ? null : (JSON.parse(text) as unknown) };
  }

  return {
    /** POST /api/integration/v1/dossiers/:code/status */
    postStatus(code: string, change: StatusChange): Promise<IntegrationResponse> {
      return send(
        "POST",
        `/api/integration/v1/dossiers/${encodeURIComponent(code)}/status`,
        JSON.stringify(change),
      );
    },
    /** GET /api/integration/v1/dossiers?updatedSince= (the dossiers of the key's communes changed since then) */
    listDossiers(updatedSince?: string): Promise<IntegrationResponse> {
      const query = updatedSince === undefined ? "" : `?updatedSince=${encodeURIComponent(updatedSince)}`;
      return send("GET", `/api/integration/v1/dossiers${query}`, "");
    },
    /** Any request, signed: for a call this client has no helper for yet. */
    send,
  };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`Thiếu biến môi trường ${name}.`);
  return value;
}

const USAGE = `Cách dùng (DVC_API_URL, DVC_API_KEY, DVC_API_SECRET trong môi trường):
  npx tsx scripts/integration-client.ts status <mã hồ sơ> <mã trạng thái 1–10> [ghi chú]
  npx tsx scripts/integration-client.ts list [updatedSince ISO-8601]`;

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command !== "status" && command !== "list") {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const client = createIntegrationClient({
    baseUrl: requiredEnv("DVC_API_URL"),
    apiKey: requiredEnv("DVC_API_KEY"),
    secret: requiredEnv("DVC_API_SECRET"),
  });
  let result: IntegrationResponse;
  if (command === "status") {
    const [code, status, ...note] = rest;
    if (code === undefined || status === undefined || !/^\d+$/.test(status)) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const change: StatusChange = {
      eventId: randomUUID(),
      status: Number(status),
      at: new Date().toISOString(),
    };
    if (note.length > 0) change.note = note.join(" ");
    result = await client.postStatus(code, change);
  } else {
    result = await client.listDossiers(rest[0]);
  }
  process.stdout.write(`${result.status}\n${JSON.stringify(result.body, null, 2)}\n`);
  return result.status < 300 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
