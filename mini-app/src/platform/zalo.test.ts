import { describe, expect, it } from "vitest";
import { fallbackStorage, isInsideZalo, type KeyValueStorage, memoryStorage, toPlatformError } from "./zalo";

describe("isInsideZalo", () => {
  it("is true only on h5.zdn.vn under /zapps", () => {
    expect(isInsideZalo({ hostname: "h5.zdn.vn", pathname: "/zapps/1234/" })).toBe(true);
    expect(isInsideZalo({ hostname: "h5.zdn.vn", pathname: "/" })).toBe(false);
    expect(isInsideZalo({ hostname: "localhost", pathname: "/zapps/1234/" })).toBe(false);
    expect(isInsideZalo({ hostname: "h5.zdn.vn.example.com", pathname: "/zapps/1" })).toBe(false);
  });

  it("is false in the test browser", () => {
    expect(isInsideZalo()).toBe(false);
  });
});

describe("toPlatformError", () => {
  it("maps the SDK's plain {code} rejections to kinds with Vietnamese messages", () => {
    expect(toPlatformError({ code: -1401, message: "denied" }, true).kind).toBe("denied");
    expect(toPlatformError({ code: -201 }, true).kind).toBe("denied");
    expect(toPlatformError({ code: -1404 }, true).kind).toBe("unsupported");
    const limited = toPlatformError({ code: -1409, message: "too many" }, true);
    expect(limited).toMatchObject({ kind: "rate_limited", code: -1409 });
    expect(limited.message).toBe("Bạn thao tác hơi nhanh. Vui lòng đợi vài giây rồi thử lại.");
  });

  it("reads an unknown failure outside Zalo as 'outside Zalo'", () => {
    expect(toPlatformError({ code: -2000 }, false).kind).toBe("outside_zalo");
    expect(toPlatformError({ code: -2000 }, true).kind).toBe("unknown");
    expect(toPlatformError(new TypeError("boom"), true)).toMatchObject({ kind: "unknown", code: null });
  });
});

describe("fallbackStorage", () => {
  const broken: KeyValueStorage = {
    getItem: () => {
      throw { code: -1404, message: "not supported" };
    },
    setItem: () => {
      throw { code: -1404, message: "not supported" };
    },
    removeItem: () => {
      throw { code: -1404, message: "not supported" };
    },
  };

  it("uses the first backend that works and treats empty as missing", () => {
    const primary = memoryStorage();
    const storage = fallbackStorage([primary]);
    storage.setItem("k", "v");
    expect(primary.getItem("k")).toBe("v");
    primary.setItem("empty", "");
    expect(storage.getItem("empty")).toBeNull();
    storage.removeItem("k");
    expect(storage.getItem("k")).toBeNull();
  });

  it("falls back when a backend throws, and stays on the fallback", () => {
    let calls = 0;
    const flaky: KeyValueStorage = {
      getItem: () => {
        calls += 1;
        if (calls === 1) throw new Error("SecurityError");
        return "stale";
      },
      setItem: () => {},
      removeItem: () => {},
    };
    const storage = fallbackStorage([flaky]);
    expect(storage.getItem("k")).toBeNull();
    storage.setItem("k", "fresh");
    expect(storage.getItem("k")).toBe("fresh");
    expect(calls).toBe(1);
  });

  it("ends in memory when every backend throws", () => {
    const storage = fallbackStorage([broken, broken]);
    storage.setItem("k", "v");
    expect(storage.getItem("k")).toBe("v");
  });
});
