import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { type ServedApp, serveOverHttp } from "./in-process-app";

/**
 * Zalo's OA OAuth and cs endpoints as a real HTTP server, for server processes the test starts (msw
 * cannot reach into another process). Same rules as fake-zalo-oa.ts: single-use refresh tokens,
 * refusals inside HTTP 200 bodies. `hold()` keeps cs requests unanswered — a Zalo call in flight —
 * until `release()`.
 */
export interface FakeOaServer {
  baseUrl: string;
  /** Bodies of every cs request received, answered or not. */
  csBodies: unknown[];
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

export async function startFakeOaServer(seedRefreshToken: string): Promise<FakeOaServer> {
  const accessTokens = new Set<string>();
  let liveRefresh = seedRefreshToken;
  const csBodies: unknown[] = [];
  let gate: { promise: Promise<void>; open: () => void } | undefined;

  const app = new Hono()
    .post("/v4/oa/access_token", async (c) => {
      const form = new URLSearchParams(await c.req.text());
      if (form.get("refresh_token") !== liveRefresh) return c.json({ error: -14014, error_name: "Invalid" });
      const access = `at-${randomBytes(8).toString("hex")}`;
      liveRefresh = `rt-${randomBytes(8).toString("hex")}`;
      accessTokens.add(access);
      return c.json({ access_token: access, refresh_token: liveRefresh, expires_in: "90000" });
    })
    .post("/v3.0/oa/message/cs", async (c) => {
      csBodies.push(await c.req.json());
      if (gate) await gate.promise;
      if (!accessTokens.has(c.req.header("access_token") ?? ""))
        return c.json({ error: -216, message: "Invalid" });
      return c.json({ error: 0, message: "Success", data: { message_id: randomBytes(10).toString("hex") } });
    });

  const served: ServedApp = await serveOverHttp(app.fetch);
  const release = () => {
    gate?.open();
    gate = undefined;
  };
  return {
    baseUrl: served.baseUrl,
    csBodies,
    hold() {
      let open = () => {};
      const promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      gate = { promise, open };
    },
    release,
    async close() {
      release();
      await served.close();
    },
  };
}
