import { describe, expect, it } from "vitest";
import { dossierPath, miniAppLink, miniAppPathOf, procedurePath, startDraftPath } from "./mini-app";

describe("miniAppLink", () => {
  it("opens a screen of the Mini App through zalo.me/s/<id>/", () => {
    expect(miniAppLink("3000000000000000003", startDraftPath("1.001193"))).toBe(
      "https://zalo.me/s/3000000000000000003/nop/moi/1.001193",
    );
    expect(miniAppLink("3000000000000000003")).toBe("https://zalo.me/s/3000000000000000003/");
  });
});

describe("miniAppPathOf", () => {
  const id = "3000000000000000003";

  it("gives back the path of every link the product sends, so the web preview opens the same screen", () => {
    for (const path of [
      procedurePath("1.001193"),
      startDraftPath("1.001193"),
      dossierPath("00292-AB12-CD34"),
      "/",
    ]) {
      expect(miniAppPathOf(miniAppLink(id, path), id)).toBe(path);
    }
  });

  it("refuses another Mini App's link, another site, and an unknown app id", () => {
    expect(miniAppPathOf(miniAppLink("999", "/ho-so/X"), id)).toBeNull();
    expect(miniAppPathOf(`https://example.com/s/${id}/ho-so/X`, id)).toBeNull();
    expect(miniAppPathOf("https://zalo.me/s//ho-so/X", "")).toBeNull();
  });
});
