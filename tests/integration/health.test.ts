import { request as httpRequest } from "node:http";
import { type ErrorBody, errorBodySchema, healthSchema } from "@dvc/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_JSON_BODY_BYTES } from "../../bot-server/src/app";
import { validate } from "../../bot-server/src/http/validate";
import { DEFAULT_MESSAGE } from "../../bot-server/src/lib/errors";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";

/**
 * The HTTP shell every route shares: health, security headers, CORS, error envelope, body limits.
 * The app is the server's own createApp over a test database, served over real HTTP; the JSON routes
 * under /api/test exist only in this file (there is no JSON POST route in the product yet).
 */

const PUBLIC_URL = "https://dvc.example.vn";
const echoSchema = z.object({
  name: z.string().min(1, "Vui lòng nhập họ tên"),
  note: z.string().optional(),
});

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle, { PUBLIC_URL });
  test.app.post("/api/test/echo", validate("json", echoSchema), (c) =>
    c.json({ received: c.req.valid("json") }),
  );
  test.app.get("/api/test/boom", () => {
    throw new Error("boom: internal detail that must not leak");
  });
  served = await serveOverHttp(test.app.fetch);
});

afterAll(async () => {
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

const url = (path: string) => `${served.baseUrl}${path}`;

async function errorBody(response: Response): Promise<ErrorBody> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const text = await response.text();
  // Never a stack trace or an internal path in an error answer.
  expect(text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/src\/|stack/i);
  const body = errorBodySchema.parse(JSON.parse(text));
  expect(body.requestId).toBe(response.headers.get("x-request-id"));
  return body;
}

function expectSecurityHeaders(response: Response): void {
  const h = response.headers;
  expect(h.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  expect(h.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(h.get("x-content-type-options")).toBe("nosniff");
  expect(h.get("referrer-policy")).toBe("no-referrer");
  expect(h.get("x-frame-options")).toBe("DENY");
  expect(h.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
}

/** A POST whose body is sent chunked (no Content-Length), as a streaming client would. */
function postChunked(path: string, chunks: Buffer[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url(path),
      { method: "POST", headers: { "Content-Type": "application/json" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("GET /healthz", () => {
  it("answers 200 {status: ok, db: ok}, never cached", async () => {
    const response = await fetch(url("/healthz"));
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(body).toEqual({ status: "ok", db: "ok" });
    expect(healthSchema.parse(body)).toEqual(body);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expectSecurityHeaders(response);
  });
});

describe("security headers", () => {
  it("are on API answers, with Cache-Control: no-store", async () => {
    const response = await fetch(url("/api/units/communes?q=bach%20mai"));
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("are on error answers too", async () => {
    for (const path of ["/api/nope", "/api/units/communes?province=1", "/api/test/boom"]) {
      const response = await fetch(url(path));
      expect(response.status).toBeGreaterThanOrEqual(400);
      expectSecurityHeaders(response);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("CORS", () => {
  const preflight = (origin: string) =>
    fetch(url("/api/units/communes"), {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, idempotency-key",
      },
    });

  it.each(["https://h5.zdn.vn", PUBLIC_URL])("allows %s (preflight and request)", async (origin) => {
    const pre = await preflight(origin);
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(origin);
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
    expect(pre.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("idempotency-key");
    const response = await fetch(url("/api/units/communes?q=bach%20mai"), { headers: { Origin: origin } });
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(response.headers.get("access-control-expose-headers")).toContain("X-Request-Id");
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it("does not allow https://evil.example", async () => {
    const pre = await preflight("https://evil.example");
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    const response = await fetch(url("/api/units/communes?q=bach%20mai"), {
      headers: { Origin: "https://evil.example" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("does not allow a look-alike of an allowed origin", async () => {
    for (const origin of [
      "http://h5.zdn.vn",
      "https://h5.zdn.vn.evil.example",
      `${PUBLIC_URL}:8443`,
      "null",
    ]) {
      const pre = await preflight(origin);
      expect(pre.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });
});

describe("error envelope", () => {
  it.each(["/api/nope", "/nope", "/api/units"])("answers an unknown route %s with 404 JSON", async (path) => {
    const response = await fetch(url(path));
    expect(response.status).toBe(404);
    const body = await errorBody(response);
    expect(Object.keys(body).sort()).toEqual(["code", "message", "number", "requestId"]);
    expect(body.code).toBe("NOT_FOUND");
    expect(body.message).toBe("Không tìm thấy địa chỉ này. Vui lòng kiểm tra lại đường dẫn.");
  });

  it("answers an unexpected exception with 500 INTERNAL, logging it without a stack", async () => {
    const response = await fetch(url("/api/test/boom"));
    expect(response.status).toBe(500);
    const body = await errorBody(response);
    expect(body).toMatchObject({ code: "INTERNAL", message: DEFAULT_MESSAGE.INTERNAL });
    expect(JSON.stringify(body)).not.toContain("boom");
    const logged = test
      .logs()
      .find((line) => line.msg === "unhandled error" && line.requestId === body.requestId);
    expect(logged).toMatchObject({
      level: "error",
      error: { name: "Error", message: expect.stringContaining("boom") },
    });
    expect(test.rawLogs().join("\n")).not.toMatch(/\n\s+at /);
  });
});

describe("JSON bodies", () => {
  it("accepts a valid body", async () => {
    const response = await fetch(url("/api/test/echo"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Nguyễn Văn A" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: { name: "Nguyễn Văn A" } });
  });

  it("answers malformed JSON with 400 MALFORMED_JSON in Vietnamese", async () => {
    const response = await fetch(url("/api/test/echo"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"name": "Nguyễn Văn A",',
    });
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe("MALFORMED_JSON");
    expect(body.message).toBe("Dữ liệu gửi lên không đọc được (JSON không hợp lệ). Vui lòng thử lại.");
  });

  it("answers a body that fails the schema with 400 VALIDATION_FAILED and a message per field", async () => {
    const response = await fetch(url("/api/test/echo"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "", note: 5 }),
    });
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.fields?.name).toBe("Vui lòng nhập họ tên");
    expect(body.fields?.note).toBeTruthy();
  });

  it("accepts a body of exactly 256 KB", async () => {
    const overhead = JSON.stringify({ name: "" }).length;
    const body = JSON.stringify({ name: "a".repeat(MAX_JSON_BODY_BYTES - overhead) });
    expect(Buffer.byteLength(body)).toBe(MAX_JSON_BODY_BYTES);
    const response = await fetch(url("/api/test/echo"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
    });
    expect(response.status).toBe(200);
  });

  it("answers a body over 256 KB (with Content-Length) with 413 PAYLOAD_TOO_LARGE JSON", async () => {
    const response = await fetch(url("/api/test/echo"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "a".repeat(MAX_JSON_BODY_BYTES) }),
    });
    expect(response.status).toBe(413);
    const body = await errorBody(response);
    expect(body).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: DEFAULT_MESSAGE.PAYLOAD_TOO_LARGE });
    expectSecurityHeaders(response);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers a chunked body over 256 KB with 413 too", async () => {
    const chunks = [
      Buffer.from('{"name":"'),
      ...Array.from({ length: 40 }, () => Buffer.alloc(8 * 1024, "a")),
      Buffer.from('"}'),
    ];
    const { status, body } = await postChunked("/api/test/echo", chunks);
    expect(status).toBe(413);
    expect(errorBodySchema.parse(JSON.parse(body)).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("accepts a chunked body under the limit", async () => {
    const { status, body } = await postChunked("/api/test/echo", [
      Buffer.from('{"name":'),
      Buffer.from('"Trần Thị B"}'),
    ]);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ received: { name: "Trần Thị B" } });
  });
});
