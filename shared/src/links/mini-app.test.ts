import { describe, expect, it } from "vitest";
import { miniAppLink, startDraftPath } from "./mini-app";

describe("miniAppLink", () => {
  it("opens a screen of the Mini App through zalo.me/s/<id>/", () => {
    expect(miniAppLink("3000000000000000003", startDraftPath("1.001193"))).toBe(
      "https://zalo.me/s/3000000000000000003/nop/moi/1.001193",
    );
    expect(miniAppLink("3000000000000000003")).toBe("https://zalo.me/s/3000000000000000003/");
  });
});
