import { foldVietnamese } from "@dvc/shared";
import { describe, expect, it } from "vitest";
import { buildCommuneIndex } from "../units/commune-index";
import { matchNoticeRequest } from "./intent-notices";
import { answerNoticeRequest } from "./notice-commune";

const commune = (code: string, name: string, type = "Phường") => ({
  code,
  name,
  type,
  provinceCode: "01",
  searchText: foldVietnamese(name),
});

const communes = buildCommuneIndex({
  provinces: [{ code: "01", name: "Thành phố Hà Nội" }],
  communes: [
    commune("00004", "Phường Ba Đình"),
    commune("00100", "Phường Đông Ngạc"),
    commune("00200", "Phường Đông Anh"),
    commune("00300", "Xã Vân Hà", "Xã"),
    commune("00400", "Xã Minh Châu", "Xã"),
  ],
  predecessors: [],
});

function answer(text: string, current: string | null = null) {
  const request = matchNoticeRequest(text);
  if (!request) throw new Error(`not a notice request: ${text}`);
  return answerNoticeRequest(request, { current, communes, miniAppId: "555" });
}

describe("reading a notice request", () => {
  it("takes the commune after “thông báo”, with or without diacritics, keeping the words after it", () => {
    expect(matchNoticeRequest("nhận thông báo của phường Ba Đình nhé")).toEqual({
      kind: "notice_subscribe",
      communeQuery: "phuong ba dinh nhe",
    });
    expect(matchNoticeRequest("dang ky nhan thong bao nhe ad")).toEqual({
      kind: "notice_subscribe",
      communeQuery: null,
    });
    expect(matchNoticeRequest("dk nhận tb xã Vân Hà")).toMatchObject({ communeQuery: "xa van ha" });
  });

  it("stops on “hủy/ngừng/thôi/tắt”, and is not fooled by “tất cả” or a notice mentioned in passing", () => {
    for (const text of ["hủy nhận thông báo", "ngung nhan thong bao", "thôi nhận thông báo", "tắt thông báo"])
      expect(matchNoticeRequest(text)).toEqual({ kind: "notice_unsubscribe" });
    expect(matchNoticeRequest("nhận tất cả thông báo phường Ba Đình")?.kind).toBe("notice_subscribe");
    expect(matchNoticeRequest("có thông báo gì mới không")).toBeUndefined();
    expect(matchNoticeRequest("làm giấy khai sinh xong có thông báo không")).toBeUndefined();
  });
});

describe("answering a notice request", () => {
  it("subscribes to the one commune named, dropping the sentence's words after its name", () => {
    const done = answer("nhận thông báo phường Ba Đình nhé ad");
    expect(done.change).toEqual({ communeCode: "00004" });
    expect(done.reply.text).toMatch(/^Đã đăng ký\. Từ nay bạn sẽ nhận thông báo của Phường Ba Đình/);
    expect(done.reply.buttons?.[0]).toEqual({
      title: "Xem thông báo",
      type: "oa.open.url",
      payload: "https://zalo.me/s/555/thong-bao",
    });
    // Syllables that are also chat words stay part of a name.
    expect(answer("nhận thông báo xã Vân Hà").change).toEqual({ communeCode: "00300" });
    expect(answer("nhan thong bao xa minh chau").change).toEqual({ communeCode: "00400" });
    expect(answer("nhận thông báo Ba Đình", "00004").reply.text).toMatch(/^Bạn vẫn đang nhận/);
  });

  it("offers the matches to tap when several fit, and changes nothing", () => {
    const several = answer("nhận thông báo phường Đông");
    expect(several.change).toBeUndefined();
    expect(several.reply.buttons?.map((button) => button.payload)).toEqual([
      "Nhận thông báo Phường Đông Anh",
      "Nhận thông báo Phường Đông Ngạc",
    ]);
    expect(answer(String(several.reply.buttons?.[1]?.payload)).change).toEqual({ communeCode: "00100" });
  });

  it("asks for the name, says when nothing fits, and stops only what was started", () => {
    expect(answer("đăng ký thông báo", "00004").reply.text).toMatch(
      /^Hiện bạn đang nhận thông báo của Phường Ba Đình\. Bạn muốn nhận/,
    );
    const none = answer("nhận thông báo phường Không Tồn Tại");
    expect(none.change).toBeUndefined();
    expect(none.reply.text).toMatch(/^Tôi chưa tìm thấy/);
    expect(answer("hủy nhận thông báo", "00004")).toMatchObject({ change: "clear" });
    expect(answer("hủy nhận thông báo").change).toBeUndefined();
  });
});
