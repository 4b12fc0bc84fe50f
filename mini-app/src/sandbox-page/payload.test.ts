import type { ChatEventView } from "@dvc/bot-server/zalo-sandbox/page-contract";
import { describe, expect, it } from "vitest";
import { placeItem, residentItem } from "./conversation-items";
import { clock, maskPhone, miniAppPath, safeUrl } from "./payload";

describe("reading what the product sent", () => {
  it("masks a phone number however it is written", () => {
    expect(maskPhone("84912345678")).toBe("0912 ••• 678");
    expect(maskPhone("0912 345 678")).toBe("0912 ••• 678");
    expect(maskPhone("0912 ••• 678")).toBe("0912 ••• 678");
    expect(maskPhone(undefined)).toBe("");
  });

  it("writes the time alone today and with the date on another day", () => {
    const now = new Date(2026, 10, 3, 15, 0);
    expect(clock(new Date(2026, 10, 3, 14, 5).getTime(), now)).toBe("14:05");
    expect(clock(new Date(2026, 10, 2, 9, 7).getTime(), now)).toBe("02/11 09:07");
    expect(clock(Number.NaN, now)).toBe("");
  });

  it("follows only http(s) links, and maps a Mini App link to the sandbox's own page", () => {
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("HTTPS://zalo.me")).toBe("HTTPS://zalo.me");
    expect(miniAppPath("https://zalo.me/s/555/ho-so/HS-1", "555")).toBe("/ho-so/HS-1");
    expect(miniAppPath("https://zalo.me/s/999/ho-so/HS-1", "555")).toBeNull();
    expect(miniAppPath("https://zalo.me/s//x", "")).toBeNull();
  });
});

describe("the conversation's order", () => {
  const said = (text: string, at: number): ChatEventView => ({
    eventName: "user_send_text",
    kind: "text",
    msgId: null,
    text,
    imageUrl: null,
    location: null,
    at,
  });

  it("puts a late arrival by its time, after anything at the same moment", () => {
    let items = [residentItem(said("một", 1_000)), residentItem(said("ba", 3_000))];
    items = placeItem(items, residentItem(said("hai", 2_000)));
    items = placeItem(items, residentItem(said("ba nữa", 3_000)));
    items = placeItem(items, residentItem(said("bốn", 4_000)));
    expect(items.map((item) => (item.kind === "resident" ? item.view.text : ""))).toEqual([
      "một",
      "hai",
      "ba",
      "ba nữa",
      "bốn",
    ]);
  });
});
