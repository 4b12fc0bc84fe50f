import { afterEach, describe, expect, it, vi } from "vitest";

const chooseImage = vi.fn();
vi.mock("zmp-sdk/apis", async (importOriginal) => ({
  ...(await importOriginal<typeof import("zmp-sdk/apis")>()),
  chooseImage: (...args: unknown[]) => chooseImage(...args),
}));
vi.mock("./zalo", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./zalo")>()),
  isInsideZalo: () => true,
}));

const { chooseImagesInZalo, fitWithin } = await import("./images");
// The SDK loads on first use (platform/zalo.ts): loaded once here, before any test fakes the timers.
await (await import("./zalo")).loadZaloSdk();

afterEach(() => {
  vi.useRealTimers();
  chooseImage.mockReset();
});

describe("chooseImagesInZalo", () => {
  it("settles as cancelled a few seconds after the page comes back without files (the SDK never does)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    chooseImage.mockReturnValue(new Promise(() => {}));
    const picked = chooseImagesInZalo("camera", 1).catch((error: unknown) => error);
    // The SDK loads on first use (platform/zalo.ts), so the picker opens a moment later.
    await vi.waitFor(() =>
      expect(chooseImage).toHaveBeenCalledWith({ sourceType: ["camera"], count: 1, cameraType: "back" }),
    );
    window.dispatchEvent(new Event("focus"));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await picked).toMatchObject({ name: "PlatformError", kind: "cancelled" });
  });

  it("maps a refusal to 'denied'", async () => {
    chooseImage.mockRejectedValue({ code: -1401, message: "denied" });
    expect(await chooseImagesInZalo("album", 2).catch((error: unknown) => error)).toMatchObject({
      kind: "denied",
    });
  });
});

describe("fitWithin", () => {
  it("shrinks the long side to the limit and never enlarges", () => {
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });
});
