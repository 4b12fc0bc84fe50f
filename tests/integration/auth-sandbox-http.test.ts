import { type CitizenMeResponse, CONSENT_NOTICE_VERSION, type SignInResponse } from "@dvc/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseForServer, type ServerDatabase } from "../support/database";
import { type ServerProcess, startServerProcess } from "../support/server-process";

/**
 * Sandbox mode through real HTTP: the web preview makes a pretend Zalo user, gets an access token from
 * the sandbox, and signs in through POST /api/auth/zalo, which verifies it over HTTP against
 * /sandbox/graph exactly as it would against graph.zalo.me.
 */

let database: ServerDatabase;
let server: ServerProcess;

beforeAll(async () => {
  database = await databaseForServer();
  server = await startServerProcess({ env: database.env, dataDir: database.dataDir });
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function post<T>(
  path: string,
  body: unknown = {},
  token?: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe("sandbox sign-in over HTTP", () => {
  it("sandbox citizen → access token → POST /api/auth/zalo → /api/auth/me", async () => {
    const created = await post<{ citizen: { id: string } }>("/sandbox/api/citizens", { name: "Bùi Thị Thử" });
    expect(created.status).toBe(201);
    const { accessToken } = (
      await post<{ accessToken: string }>(`/sandbox/api/citizens/${created.body.citizen.id}/access-token`)
    ).body;
    const signedIn = await post<SignInResponse>("/api/auth/zalo", { accessToken });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.citizen.name).toBe("Bùi Thị Thử");

    const me = await fetch(`${server.baseUrl}/api/auth/me`, {
      headers: { Authorization: `Bearer ${signedIn.body.token}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as CitizenMeResponse).citizen.id).toBe(signedIn.body.citizen.id);

    // The phone number, too, goes through the sandbox Graph API like production.
    await post(
      "/api/consents",
      { purposes: ["prefill_profile"], noticeVersion: CONSENT_NOTICE_VERSION },
      signedIn.body.token,
    );
    const { token: phoneToken } = (
      await post<{ token: string }>(`/sandbox/api/citizens/${created.body.citizen.id}/phone-token`)
    ).body;
    const profile = await post<{ phone: string }>(
      "/api/profile/phone",
      { accessToken, phoneToken },
      signedIn.body.token,
    );
    expect(profile.status).toBe(200);
    expect(profile.body.phone).toMatch(/^8498\d{7}$/);
  });

  it("a made-up token gets 401", async () => {
    const result = await post<{ code: string }>("/api/auth/zalo", { accessToken: "made-up-token-123" });
    expect(result.status).toBe(401);
    expect(result.body.code).toBe("UNAUTHENTICATED");
    const logs = server.output();
    expect(logs).toContain('"msg":"zalo graph refused"');
    expect(logs).not.toContain("made-up-token-123");
  });
});
