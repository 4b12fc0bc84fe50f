/**
 * Inside Zalo (the address Zalo serves Mini Apps from), zmp-sdk loads only when main.tsx asks for it,
 * before the first render, and the stored session is read from Zalo's nativeStorage after that.
 * @vitest-environment-options { "url": "https://h5.zdn.vn/zapps/1234/" }
 */
import { describe, expect, it, vi } from "vitest";

const native = new Map<string, string>();
const sdkLoaded = vi.fn();
vi.mock("zmp-sdk/apis", () => {
  sdkLoaded();
  return {
    nativeStorage: {
      getItem: (key: string) => native.get(key) ?? "",
      setItem: (key: string, value: string) => native.set(key, value),
      removeItem: (key: string) => native.delete(key),
    },
  };
});

const { isInsideZalo, preparePlatform, storage } = await import("./zalo");
const { SESSION_KEY } = await import("../api/session-token");
const { currentSession } = await import("../session/session");

describe("the platform inside Zalo", () => {
  it("loads zmp-sdk only when asked, then keeps the session in nativeStorage, not localStorage", async () => {
    expect(isInsideZalo()).toBe(true);
    expect(sdkLoaded).not.toHaveBeenCalled();
    native.set(
      SESSION_KEY,
      JSON.stringify({
        token: "t",
        expiresAt: "2099-01-01T00:00:00Z",
        citizen: { id: "c1", name: "Trần Văn Bình", avatarUrl: null },
        consentGiven: true,
        via: { kind: "zalo" },
      }),
    );

    await preparePlatform();

    expect(sdkLoaded).toHaveBeenCalledTimes(1);
    expect(currentSession()?.citizen.name).toBe("Trần Văn Bình");
    storage.setItem("dvc.test", "v");
    expect(native.get("dvc.test")).toBe("v");
    expect(window.localStorage.getItem("dvc.test")).toBeNull();
  });
});
