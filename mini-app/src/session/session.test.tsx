import { fireEvent, render, screen } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listDrafts } from "../api/drafts";
import { readStoredSession, writeStoredSession } from "../api/session-token";
import { AppShell } from "../app";
import { reloadSessionForTests } from "./session";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => reloadSessionForTests());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const citizen = { id: "c1", name: "Trần Văn Bình", avatarUrl: null };

/** The sandbox's pretend Zalo: a token per citizen, exchanged at /api/auth/zalo for a session. */
function sandboxHandlers(log: string[]) {
  return [
    http.get("*/sandbox/api/citizens", () =>
      HttpResponse.json({ citizens: [{ id: "s1", name: "Trần Văn Bình", phone: "0912345678" }] }),
    ),
    http.post("*/sandbox/api/citizens/:id/access-token", ({ params }) => {
      log.push(`access-token ${String(params.id)}`);
      return HttpResponse.json({ accessToken: `zalo-${String(params.id)}` });
    }),
    http.post("*/api/auth/zalo", async ({ request }) => {
      const { accessToken } = (await request.json()) as { accessToken: string };
      log.push(`sign-in ${accessToken}`);
      return HttpResponse.json({
        token: "fresh",
        expiresAt: "2099-01-01T00:00:00Z",
        citizen,
        consentGiven: true,
      });
    }),
  ];
}

describe("session", () => {
  it("signs in as a sandbox citizen in the web preview, then shows the page asked for", async () => {
    const log: string[] = [];
    server.use(
      ...sandboxHandlers(log),
      http.get("*/api/dossiers", ({ request }) =>
        request.headers.get("Authorization") === "Bearer fresh"
          ? HttpResponse.json({ dossiers: [] })
          : HttpResponse.json({ code: "UNAUTHENTICATED", message: "x", requestId: "r" }, { status: 401 }),
      ),
      http.get("*/api/drafts", () => HttpResponse.json({ drafts: [] })),
    );
    render(<AppShell />);
    fireEvent.click(await screen.findByRole("button", { name: "Đăng nhập để xem hồ sơ" }));
    expect(await screen.findByRole("heading", { name: "Đăng nhập thử (sandbox)" })).toBeTruthy();

    fireEvent.click(await screen.findByRole("button", { name: /Trần Văn Bình/ }));
    expect(await screen.findByText("Bạn chưa nộp hồ sơ nào.")).toBeTruthy();
    expect(log).toEqual(["access-token s1", "sign-in zalo-s1"]);
    expect(readStoredSession()).toMatchObject({ token: "fresh", via: { kind: "sandbox", citizenId: "s1" } });
  });

  it("signs in again by itself when the server refuses the token, and repeats the request", async () => {
    writeStoredSession({
      token: "stale",
      expiresAt: "2099-01-01T00:00:00Z",
      citizen,
      consentGiven: true,
      via: { kind: "sandbox", citizenId: "s1" },
    });
    reloadSessionForTests();
    const log: string[] = [];
    const seen: (string | null)[] = [];
    server.use(
      ...sandboxHandlers(log),
      http.get("*/api/drafts", ({ request }) => {
        seen.push(request.headers.get("Authorization"));
        return request.headers.get("Authorization") === "Bearer fresh"
          ? HttpResponse.json({ drafts: [] })
          : HttpResponse.json(
              { code: "UNAUTHENTICATED", message: "Hết phiên", requestId: "r" },
              { status: 401 },
            );
      }),
    );
    expect(await listDrafts()).toEqual([]);
    expect(seen).toEqual(["Bearer stale", "Bearer fresh"]);
    expect(log).toEqual(["access-token s1", "sign-in zalo-s1"]);
  });
});
