import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError, NETWORK_ERROR_MESSAGE, REQUEST_TIMEOUT_MS, searchCommunes } from "./api";
import { ALL_COMMUNES, communesHandler } from "./test/communes-fixture";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

function answerCommunes(resolver: Parameters<typeof http.get>[1]) {
  server.use(http.get("*/api/units/communes", resolver));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("api client", () => {
  it("calls the same origin and leaves out an empty query", async () => {
    const asked: (string | null)[] = [];
    server.use(communesHandler(asked));
    expect(await searchCommunes("   ")).toEqual(ALL_COMMUNES);
    expect(await searchCommunes(" hang bai ")).toHaveLength(1);
    expect(asked).toEqual([null, "hang bai"]);
  });

  it("turns the error envelope into an ApiError with the server's Vietnamese message", async () => {
    answerCommunes(() =>
      HttpResponse.json(
        { code: "VALIDATION_FAILED", message: "Thông tin chưa đúng.", requestId: "req-7" },
        { status: 400 },
      ),
    );
    const error = await rejection(searchCommunes("x"));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", message: "Thông tin chưa đúng.", status: 400 });
    expect(error).toMatchObject({ requestId: "req-7" });
  });

  it("gives a generic Vietnamese message when a proxy answers with a page instead of the envelope", async () => {
    answerCommunes(() => new HttpResponse("<html>Bad Gateway</html>", { status: 502 }));
    const error = await rejection(searchCommunes("x"));
    expect(error).toMatchObject({ code: "BAD_RESPONSE", status: 502 });
    expect((error as ApiError).message).toMatch(/^Máy chủ/);
  });

  it("reports a network failure in Vietnamese", async () => {
    answerCommunes(() => HttpResponse.error());
    expect(await rejection(searchCommunes("x"))).toMatchObject({
      code: "NETWORK",
      message: NETWORK_ERROR_MESSAGE,
    });
  });

  it("gives up after the timeout with the same network message", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    answerCommunes(async () => {
      await delay("infinite");
      return HttpResponse.json({ communes: [] });
    });
    const pending = rejection(searchCommunes("x"));
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    expect(await pending).toMatchObject({ code: "NETWORK", message: NETWORK_ERROR_MESSAGE });
  });

  it("lets a caller cancel without reporting an error to show", async () => {
    answerCommunes(async () => {
      await delay("infinite");
      return HttpResponse.json({ communes: [] });
    });
    const controller = new AbortController();
    const pending = rejection(searchCommunes("x", controller.signal));
    controller.abort();
    const error = await pending;
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe("AbortError");
  });
});
