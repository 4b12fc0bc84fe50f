import { describe, expect, it } from "vitest";
import { asSentence, documentLine, feeRows, feeSentence } from "./procedure-text";

const paper = { id: "giay-to", pulledFromDatabase: false };

describe("procedure wording", () => {
  it("ends a sentence once", () => {
    expect(asSentence("Miễn phí")).toBe("Miễn phí.");
    expect(asSentence("Miễn phí. ")).toBe("Miễn phí.");
    expect(asSentence("Tối đa 3 bản…")).toBe("Tối đa 3 bản…");
  });

  it("shows a fee repeated per channel once, and different fees apart", () => {
    const same = { amountVnd: 8000, description: "8.000 đồng mỗi bản sao." };
    expect(
      feeRows([
        { channel: "postal", ...same },
        { channel: "online", ...same },
        { channel: "direct", ...same },
      ]).map((row) => row.label),
    ).toEqual(["Nộp trực tuyến, trực tiếp hoặc qua bưu chính"]);
    const rows = feeRows([
      { channel: "online", amountVnd: 10000 },
      { channel: "direct", amountVnd: 20000 },
      { channel: "postal", amountVnd: 20000 },
    ]);
    expect(rows.map((row) => [row.label, row.fee.amountVnd])).toEqual([
      ["Nộp trực tuyến", 10000],
      ["Nộp trực tiếp hoặc qua bưu chính", 20000],
    ]);
  });

  it("does not repeat an amount the description already states", () => {
    expect(
      feeSentence({ channel: "online", amountVnd: 50000, description: "50.000 đồng mỗi di chúc." }),
    ).toBe("50.000 đồng mỗi di chúc.");
    expect(feeSentence({ channel: "online", amountVnd: 50000, description: "Đặt lịch trực tuyến" })).toBe(
      "50.000 đồng. Đặt lịch trực tuyến.",
    );
    expect(feeSentence({ channel: "online", amountVnd: 0 })).toBe("Miễn phí.");
  });

  it("puts when a paper is needed after its name, keeping abbreviations", () => {
    expect(
      documentLine({ ...paper, name: "Văn bản ủy quyền", required: false, when: "Khi nhờ người khác." }),
    ).toBe("Văn bản ủy quyền: khi nhờ người khác.");
    expect(documentLine({ ...paper, name: "Xác nhận", required: false, when: "UBND xã cấp" })).toBe(
      "Xác nhận: UBND xã cấp.",
    );
    expect(documentLine({ ...paper, name: "Giấy chứng sinh", required: true, when: "Bản chính" })).toBe(
      "Giấy chứng sinh",
    );
  });
});
