import { CATALOG } from "@dvc/shared";
import { describe, expect, it } from "vitest";
import { MAX_BUTTONS, MAX_TEXT_LENGTH } from "../../zalo/oa-contract";
import { procedureGuessReply, procedureReply } from "./procedure-reply";
import {
  handoverReply,
  lookupHelpReply,
  mediaReply,
  notUnderstoodReply,
  procedureHelpReply,
  welcomeReply,
} from "./replies";

const MINI_APP_ID = "3000000000000000003";

/** Every bubble must be sendable: Zalo refuses text over 2,000 characters [C] and we allow 5 buttons [U]. */
const [first, ...rest] = CATALOG;
if (!first) throw new Error("the catalog is empty");

describe("replies fit Zalo's limits", () => {
  const all = [
    ...CATALOG.map((p) => procedureReply(p, MINI_APP_ID)),
    procedureGuessReply(first, rest.slice(0, 3)),
    welcomeReply(MINI_APP_ID),
    lookupHelpReply(MINI_APP_ID),
    procedureHelpReply(),
    notUnderstoodReply(MINI_APP_ID),
    handoverReply("asked"),
    handoverReply("not_understood"),
    mediaReply("image"),
    mediaReply("sticker"),
    mediaReply("location"),
    mediaReply("other"),
  ];

  it.each(all.map((reply) => [reply.text.split("\n")[0], reply] as const))("%s", (_, reply) => {
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.text.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(reply.buttons?.length ?? 0).toBeLessThanOrEqual(MAX_BUTTONS);
    for (const button of reply.buttons ?? []) {
      if (button.type === "oa.open.url")
        expect(button.payload).toMatch(/^https:\/\/zalo\.me\/s\/3000000000000000003\//);
    }
  });

  it("a procedure that cannot be filed online says how to file it and links to its page, not a form", () => {
    const info = CATALOG.find((p) => !p.online);
    if (!info || info.online) throw new Error("the catalog has information-only entries");
    const reply = procedureReply(info, MINI_APP_ID);
    expect(reply.text).toContain(info.howToFile);
    expect(reply.buttons?.[0]?.payload).toContain(`/thu-tuc/${info.code}`);
  });
});
