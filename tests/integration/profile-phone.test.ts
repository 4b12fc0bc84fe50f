import type { CitizenProfile, ErrorBody } from "@dvc/shared";
import { describe, expect, it } from "vitest";
import { call } from "../support/citizen-client";
import { PRODUCTION_TEST_ENV } from "../support/fake-zalo-graph";
import { ALL_PURPOSES, productionAppForFile } from "../support/production-app";

/** The phone number from Zalo (POST /api/profile/phone) and the copy of everything (GET /api/profile/export). */

const ctx = productionAppForFile();
const CCCD = "001090012345";

describe("POST /api/profile/phone", () => {
  it("exchanges a phone token through Zalo and stores the number", async () => {
    const citizen = await ctx.newCitizen();
    await ctx.consent(citizen.token);
    const result = await call<CitizenProfile>(ctx.test.app, "POST", "/api/profile/phone", {
      token: citizen.token,
      ip: citizen.ip,
      body: { accessToken: citizen.accessToken, phoneToken: ctx.graph.phoneToken(citizen.id) },
    });
    expect(result.status).toBe(200);
    expect(result.body.phone).toBe(citizen.phone);
    const info = ctx.graph.calls.filter((c) => c.path === "/v2.0/me/info").at(-1);
    expect(info?.headers).toMatchObject({
      access_token: citizen.accessToken,
      secret_key: PRODUCTION_TEST_ENV.ZALO_APP_SECRET,
    });
  });

  it("needs consent first, and then does not even ask Zalo", async () => {
    const citizen = await ctx.newCitizen();
    const before = ctx.graph.calls.length;
    const result = await call<ErrorBody>(ctx.test.app, "POST", "/api/profile/phone", {
      token: citizen.token,
      ip: citizen.ip,
      body: { accessToken: citizen.accessToken, phoneToken: ctx.graph.phoneToken(citizen.id) },
    });
    expect(result.status).toBe(409);
    expect(ctx.graph.calls.length).toBe(before);
  });

  it("refuses a used phone token (400, tells to tap again) and another account's access token (403)", async () => {
    const citizen = await ctx.newCitizen();
    await ctx.consent(citizen.token);
    const phoneToken = ctx.graph.phoneToken(citizen.id);
    const body = { accessToken: citizen.accessToken, phoneToken };
    expect(
      (await call(ctx.test.app, "POST", "/api/profile/phone", { token: citizen.token, ip: citizen.ip, body }))
        .status,
    ).toBe(200);
    const reused = await call<ErrorBody>(ctx.test.app, "POST", "/api/profile/phone", {
      token: citizen.token,
      ip: citizen.ip,
      body,
    });
    expect(reused.status).toBe(400);
    expect(reused.body.message).toMatch(/bấm lại nút lấy số điện thoại/);
    const other = await ctx.newCitizen("Người khác");
    const foreign = await call<ErrorBody>(ctx.test.app, "POST", "/api/profile/phone", {
      token: citizen.token,
      ip: citizen.ip,
      body: { accessToken: other.accessToken, phoneToken: ctx.graph.phoneToken(other.id) },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe("FORBIDDEN");
  });
});

describe("GET /api/profile/export", () => {
  it("is a JSON download of the citizen, consents, profile and sessions", async () => {
    const citizen = await ctx.newCitizen("Phan Văn Đức");
    await ctx.consent(citizen.token);
    await call(ctx.test.app, "PUT", "/api/profile", {
      token: citizen.token,
      body: { cccd: CCCD, fullName: "Phan Văn Đức" },
    });
    const result = await call<Record<string, unknown>>(ctx.test.app, "GET", "/api/profile/export", {
      token: citizen.token,
    });
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="du-lieu-cua-toi-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(result.headers.get("Cache-Control")).toBe("no-store");
    expect(result.body).toMatchObject({
      citizen: { id: citizen.citizenId, zaloUserId: citizen.id, name: "Phan Văn Đức" },
      consents: [{ purposes: ALL_PURPOSES, withdrawnAt: null }],
      profile: { cccd: CCCD, fullName: "Phan Văn Đức" },
      sessions: [{ expiresAt: expect.any(String) }],
    });
  });
});
