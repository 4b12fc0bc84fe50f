import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communes, noticeSubscriptions } from "../../bot-server/src/db/schema";
import { type ChatbotHarness, startChatbotHarness, textEvent, zaloId } from "../support/chatbot-harness";

/**
 * A resident tells the bot which commune's notices they want on Zalo (issue 13): the webhook, the event
 * worker, the chatbot and its reply through the delivery engine, over the real commune list; the choice
 * lands in notice_subscriptions (source "bot") through the broadcast module.
 */

let h: ChatbotHarness;

beforeAll(async () => {
  h = await startChatbotHarness();
});
afterAll(async () => h?.close());

async function say(oaUserId: string, text: string) {
  const { appId, oaId } = h.test.config.zalo;
  expect(await h.post(textEvent(appId, oaId, { oaUserId }, text))).toBe(200);
  await h.drain();
  return h.sentTo(oaUserId).at(-1);
}

async function subscription(oaUserId: string) {
  const db = h.database.handle.db;
  const [row] = await db
    .select({ communeCode: noticeSubscriptions.communeCode, source: noticeSubscriptions.source })
    .from(noticeSubscriptions)
    .where(eq(noticeSubscriptions.oaUserId, oaUserId));
  return row;
}

async function communeCode(name: string): Promise<string> {
  const [row] = await h.database.handle.db
    .select({ code: communes.code })
    .from(communes)
    .where(eq(communes.name, name));
  if (!row) throw new Error(`no commune ${name} in the seed`);
  return row.code;
}

describe("notices by the chatbot", () => {
  it("subscribes to the commune named (with or without diacritics), changes it, and stops", async () => {
    const user = zaloId();
    const reply = await say(user, "nhận thông báo phường Ba Đình");
    expect(reply?.text).toMatch(/^Đã đăng ký\. Từ nay bạn sẽ nhận thông báo của Phường Ba Đình qua Zalo/);
    expect(reply?.text).toContain("hủy nhận thông báo");
    expect(reply?.buttons.map((button) => button.title)).toEqual(["Xem thông báo", "Hủy nhận thông báo"]);
    expect(await subscription(user)).toEqual({
      communeCode: await communeCode("Phường Ba Đình"),
      source: "bot",
    });

    const moved = await say(user, "dang ky nhan thong bao xa Tay Tuu");
    expect(moved?.text).toMatch(/thông báo của (Xã|Phường) Tây Tựu/);
    const tayTuu = (await subscription(user))?.communeCode;
    expect(tayTuu).not.toBe(await communeCode("Phường Ba Đình"));

    const asked = await say(user, "đăng ký thông báo");
    expect(asked?.text).toMatch(/^Hiện bạn đang nhận thông báo của (Xã|Phường) Tây Tựu\. Bạn muốn nhận/);
    expect((await subscription(user))?.communeCode).toBe(tayTuu);

    const stopped = await say(user, "hủy nhận thông báo");
    expect(stopped?.text).toMatch(/^Đã hủy\. Bạn sẽ không nhận thông báo của (Xã|Phường) Tây Tựu/);
    expect(await subscription(user)).toBeUndefined();
    expect((await say(user, "Huy nhan thong bao"))?.text).toMatch(/^Bạn chưa đăng ký nhận thông báo/);
  });

  it("asks which commune when the name fits several, and says so when it fits none", async () => {
    const user = zaloId();
    const none = await say(user, "nhận thông báo xã Không Có Thật");
    expect(none?.text).toMatch(/^Tôi chưa tìm thấy xã\/phường bạn nhắn\./);
    expect(await subscription(user)).toBeUndefined();

    const several = await say(user, "nhận thông báo phường Đông");
    expect(several?.text).toMatch(/^Có vài xã\/phường trùng với tên bạn nhắn\./);
    const choices = several?.buttons ?? [];
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(4);
    expect(choices.every((button) => button.type === "oa.query.show")).toBe(true);
    expect(await subscription(user)).toBeUndefined();

    // Tapping a choice sends its payload back as the resident's text: it names one commune.
    const tapped = String(choices[0]?.payload);
    expect((await say(user, tapped))?.text).toMatch(/^Đã đăng ký\./);
    expect((await subscription(user))?.source).toBe("bot");
  });
});
