import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundEvents } from "../../bot-server/src/db/schema";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { sandboxRoutes } from "../../bot-server/src/zalo-sandbox/routes";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";

/**
 * The sandbox posts a resident's event to the webhook on the socket the request came in on: a forged
 * Host header cannot send signed events to another machine.
 */

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  const sealer = createSealer(test.config.dataEncryptionKey);
  test.app.route(
    "/sandbox",
    sandboxRoutes({ config: test.config, database: database.handle, logger: test.logger, sealer }),
  );
  served = await serveOverHttp(test.app.fetch);
});

afterAll(async () => {
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

/** A POST with a Host header of our choosing (fetch does not allow setting it). */
function postWithHost(path: string, host: string, body: unknown): Promise<{ status: number; body: string }> {
  const url = new URL(path, served.baseUrl);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", headers: { Host: host, "Content-Type": "application/json" } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

describe("sandbox chat behind a forged Host header", () => {
  it("still delivers to this server's own webhook", async () => {
    const created = await postWithHost("/sandbox/api/chat/residents", "attacker.invalid:9", {
      displayName: "Phạm Thị Hạnh",
    });
    expect(created.status).toBe(201);
    const { resident } = JSON.parse(created.body) as { resident: { id: string } };
    const sent = await postWithHost(
      `/sandbox/api/chat/residents/${resident.id}/events`,
      "attacker.invalid:9",
      {
        kind: "text",
        text: "xin chào",
      },
    );
    expect(JSON.parse(sent.body)).toMatchObject({ webhookStatus: 200, accepted: true });
    expect(await database.handle.db.select().from(inboundEvents)).toHaveLength(1);
  });
});
