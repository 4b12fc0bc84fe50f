import type { ErrorBody } from "@dvc/shared";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { RATE_LIMITS, type RateLimitOptions, rateLimit } from "../../bot-server/src/http/rate-limit";
import { createSealer } from "../../bot-server/src/lib/crypto";
import type { CitizenEnv } from "../../bot-server/src/modules/citizen-auth/session";
import { call, randomTestIp, signIn, sqlRows } from "../support/citizen-client";
import { zaloId } from "../support/fake-zalo-graph";
import { productionAppForFile } from "../support/production-app";

/** Fixed-window limits counted in PostgreSQL: 429 + Retry-After, per citizen and per address. */

const ctx = productionAppForFile();
const { graph } = ctx;

/** A tiny app behind one limiter, with a clock the test moves and `X-Test-Citizen` standing in for a session. */
function limited(options: Omit<RateLimitOptions, "now">) {
  let now = new Date("2026-11-28T03:00:00.000Z");
  const deps = {
    database: ctx.database.handle,
    logger: ctx.test.logger,
    sealer: createSealer(ctx.test.config.dataEncryptionKey),
    config: ctx.test.config,
  };
  const app = new Hono<CitizenEnv>()
    .use(async (c, next) => {
      const citizen = c.req.header("X-Test-Citizen");
      if (citizen) c.set("citizenId", citizen);
      await next();
    })
    .use(rateLimit(deps, { ...options, now: () => now }))
    .get("/", (c) => c.text("ok"));
  const hit = async (who: { citizen?: string; ip?: string } = {}) => {
    const response = await app.request(
      "/",
      { headers: who.citizen ? { "X-Test-Citizen": who.citizen } : {} },
      { incoming: { socket: { remoteAddress: who.ip ?? "192.0.2.1" } } },
    );
    return { status: response.status, retryAfter: response.headers.get("Retry-After"), response };
  };
  return {
    hit,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    at: (iso: string) => (now = new Date(iso)),
  };
}

const [TEN_SECONDS, ONE_SECOND] = RATE_LIMITS.general.rules;

describe(`the general limit: ${TEN_SECONDS.limit} per 10 s, bursts of ${ONE_SECOND.limit} per second`, () => {
  it(`lets ${ONE_SECOND.limit} through in one second, then 429 with Retry-After until the next second`, async () => {
    const { hit, advance } = limited({ ...RATE_LIMITS.general, cleanupChance: 0 });
    const citizen = "citizen-burst";
    for (let i = 0; i < ONE_SECOND.limit; i++) expect((await hit({ citizen })).status).toBe(200);
    const refused = await hit({ citizen });
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe("1");
    const body = (await refused.response.json()) as ErrorBody;
    expect(body).toMatchObject({
      code: "RATE_LIMITED",
      message: "Bạn thao tác quá nhanh. Vui lòng đợi khoảng 1 giây rồi thử lại.",
    });
    // Another citizen is counted apart.
    expect((await hit({ citizen: "someone-else" })).status).toBe(200);
    advance(1000);
    expect((await hit({ citizen })).status).toBe(200);
  });

  it(`caps a 10-second window at ${TEN_SECONDS.limit}, saying how long to wait`, async () => {
    const { hit, advance } = limited({ ...RATE_LIMITS.general, cleanupChance: 0 });
    const citizen = "citizen-steady";
    const perSecond = TEN_SECONDS.limit / 5;
    expect(perSecond).toBeLessThanOrEqual(ONE_SECOND.limit);
    for (let second = 0; second < 5; second++) {
      for (let i = 0; i < perSecond; i++) expect((await hit({ citizen })).status).toBe(200);
      advance(1000);
    }
    const refused = await hit({ citizen });
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe("5");
    advance(5000);
    expect((await hit({ citizen })).status).toBe(200);
  });

  it(`counts exactly under concurrency: 30 at once, ${ONE_SECOND.limit} pass`, async () => {
    const { hit } = limited({ ...RATE_LIMITS.general, cleanupChance: 0 });
    const results = await Promise.all(Array.from({ length: 30 }, () => hit({ citizen: "citizen-race" })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(ONE_SECOND.limit);
    expect(results.filter((r) => r.status === 429)).toHaveLength(30 - ONE_SECOND.limit);
  });
});

describe("the sensitive limit: 5 per 15 min per citizen and per address", () => {
  it("stops a citizen after 5, then stops another citizen at the same address, not elsewhere", async () => {
    const { hit, advance } = limited({
      rules: [{ name: "test-submit", limit: 5, windowMs: 15 * 60_000 }],
      subjects: ["citizen", "ip"],
      cleanupChance: 0,
    });
    const ip = "192.0.2.50";
    for (let i = 0; i < 5; i++) expect((await hit({ citizen: "a", ip })).status).toBe(200);
    const refused = await hit({ citizen: "a", ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(60);
    expect(((await refused.response.json()) as ErrorBody).message).toMatch(/khoảng 15 phút/);
    expect((await hit({ citizen: "b", ip })).status).toBe(429);
    expect((await hit({ citizen: "b", ip: "192.0.2.51" })).status).toBe(200);
    expect((await hit({ citizen: "a", ip: "192.0.2.52" })).status).toBe(429);
    advance(15 * 60_000);
    expect((await hit({ citizen: "a", ip })).status).toBe(200);
  });

  it("counts IPv6 clients per /64", async () => {
    const { hit } = limited({
      rules: [{ name: "test-v6", limit: 1, windowMs: 60_000 }],
      subjects: ["ip"],
      cleanupChance: 0,
    });
    expect((await hit({ ip: "2001:db8:1:2::1" })).status).toBe(200);
    expect((await hit({ ip: "2001:db8:1:2:ffff::9" })).status).toBe(429);
    expect((await hit({ ip: "2001:db8:1:3::1" })).status).toBe(200);
  });
});

describe("the rate_limits table", () => {
  it("stores no raw address, and old windows are deleted opportunistically", async () => {
    const { hit, at } = limited({
      rules: [{ name: "test-clean", limit: 10, windowMs: 60_000 }],
      subjects: ["ip"],
      cleanupChance: 1,
    });
    at("2026-01-01T00:00:00Z");
    await hit({ ip: "192.0.2.77" });
    const raw = await sqlRows(
      ctx.database.handle.db,
      sql`select key from rate_limits where key like 'test-clean|%'`,
    );
    expect(JSON.stringify(raw.rows)).not.toContain("192.0.2.77");
    at("2026-01-01T02:00:00Z");
    await hit({ ip: "192.0.2.77" });
    const rows = await sqlRows(
      ctx.database.handle.db,
      sql`select window_start from rate_limits where window_start < '2026-01-01T01:00:00Z'`,
    );
    expect(rows.rows).toEqual([]);
  });
});

describe("limits on the real routes", () => {
  it("POST /api/auth/zalo: 20 attempts a minute per address, answered or not", async () => {
    const ip = randomTestIp();
    for (let i = 0; i < 20; i++) {
      const attempt = await call(ctx.test.app, "POST", "/api/auth/zalo", {
        ip,
        body: { accessToken: `forged-${i}` },
      });
      expect(attempt.status).toBe(401);
    }
    const refused = await call<ErrorBody>(ctx.test.app, "POST", "/api/auth/zalo", {
      ip,
      body: { accessToken: graph.addUser({ id: zaloId(), name: "Tạ Văn Chờ" }) },
    });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    await signIn(ctx.test.app, graph.addUser({ id: zaloId(), name: "Ở Nơi Khác" }), "192.0.2.200");
  });

  it("POST /api/profile/phone: 5 per 15 min per citizen", async () => {
    const id = zaloId();
    const accessToken = graph.addUser({ id, name: "Lý Thị Số", phone: "84912345678" });
    const { token } = await signIn(ctx.test.app, accessToken, "192.0.2.201");
    const attempt = () =>
      call<ErrorBody>(ctx.test.app, "POST", "/api/profile/phone", {
        token,
        ip: randomTestIp(),
        body: { accessToken, phoneToken: graph.phoneToken(id) },
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(409);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).not.toBeNull();
  });
});
