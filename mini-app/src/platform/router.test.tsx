import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppShell } from "../app";
import { afterCommunePicked } from "../routes";
import { communesHandler } from "../test/communes-fixture";
import { putHomeBeneathDeepLink } from "./web-history";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Opens the app at `path` as a pasted link or a chat button would: a fresh entry, no state. */
function openAt(path: string) {
  window.history.replaceState(null, "", path);
  server.use(communesHandler([]));
  render(<AppShell />);
}

const home = () => screen.findByRole("heading", { name: "Dịch vụ công" });
const picker = () => screen.findByRole("textbox", { name: "Tìm xã/phường" });

describe("the web preview's addresses", () => {
  it("opens the screen a link names, and the browser's back goes to Home, not out of the app", async () => {
    openAt("/chon-xa-phuong");
    await picker();
    expect(window.location.pathname).toBe("/chon-xa-phuong");

    act(() => window.history.back());
    await home();
    await waitFor(() => expect(window.location.pathname).toBe("/"));
  });

  it("the screen's own back button goes back to that Home entry rather than adding one", async () => {
    openAt("/chon-xa-phuong");
    await picker();
    const lengthBefore = window.history.length;
    fireEvent.click(screen.getByRole("button", { name: "Quay lại" }));
    await home();
    expect(window.location.pathname).toBe("/");
    expect(window.history.length).toBe(lengthBefore);
  });

  it("gives each screen its address, so a reload opens where the citizen was", async () => {
    openAt("/");
    fireEvent.click(await screen.findByRole("button", { name: "Chọn xã/phường của bạn" }));
    await picker();
    expect(window.location.pathname).toBe("/chon-xa-phuong");
  });

  it("opens Home for an address that is no screen", async () => {
    openAt("/khong-co-trang-nay");
    await home();
    await waitFor(() => expect(window.location.pathname).toBe("/"));
  });
});

describe("putHomeBeneathDeepLink", () => {
  function fakeHistory(state: unknown) {
    const calls: string[] = [];
    return {
      calls,
      history: {
        state,
        replaceState: (_: unknown, __: string, url?: string | URL | null) => {
          calls.push(`replace ${String(url)}`);
        },
        pushState: (_: unknown, __: string, url?: string | URL | null) => {
          calls.push(`push ${String(url)}`);
        },
      },
    };
  }
  const at = (pathname: string, search = "", hash = "") => ({ pathname, search, hash });

  it("puts Home under a first screen reached by a link, keeping its query and hash", () => {
    const { calls, history } = fakeHistory(null);
    expect(putHomeBeneathDeepLink("/", history, at("/ho-so/00292-AB", "?x=1", "#top"))).toBe(true);
    expect(calls).toEqual(["replace /", "push /ho-so/00292-AB?x=1#top"]);
  });

  it("leaves a reload, a back or forward (the router's state is there) and a visit to Home alone", () => {
    const reload = fakeHistory({ usr: null, key: "abc", idx: 3 });
    expect(putHomeBeneathDeepLink("/", reload.history, at("/ho-so/00292-AB"))).toBe(false);
    const onHome = fakeHistory(null);
    expect(putHomeBeneathDeepLink("/", onHome.history, at("/"))).toBe(false);
    expect([...reload.calls, ...onHome.calls]).toEqual([]);
  });
});

describe("afterCommunePicked", () => {
  it("reads where a screen asked to be taken back to, and nothing else", () => {
    expect(afterCommunePicked({ next: "/nop/moi/1.001193" })).toBe("/nop/moi/1.001193");
    expect(afterCommunePicked({ next: "https://example.com/" })).toBeNull();
    expect(afterCommunePicked({ next: "//example.com/" })).toBeNull();
    expect(afterCommunePicked({ from: "tre" })).toBeNull();
    expect(afterCommunePicked(null)).toBeNull();
  });
});
