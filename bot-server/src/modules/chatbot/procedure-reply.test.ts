import { CATALOG } from "@dvc/shared/procedures/catalog/index";
import { describe, expect, it } from "vitest";
import { procedureReply } from "./procedure-reply";

const byCode = (code: string) => {
  const procedure = CATALOG.find((candidate) => candidate.code === code);
  if (!procedure) throw new Error(`no procedure ${code} in the catalog`);
  return procedure;
};

describe("procedureReply wording", () => {
  it("never closes a line with doubled punctuation, for any procedure in the catalog", () => {
    for (const procedure of CATALOG) {
      for (const line of procedureReply(procedure, "app").text.split("\n")) {
        // "…).)", "…đồng.).", "…bản sao.).": a sentence wrapped in brackets, or a second full stop.
        expect(line, `${procedure.code}: ${line}`).not.toMatch(/[.?!]\)|\.\.(?!\.)|\)\.\)|[.:]\.$/);
      }
    }
  });

  it("says when an optional paper is needed after its name, not in brackets (khai sinh)", () => {
    const text = procedureReply(byCode("1.001193"), "app").text;
    expect(text).toContain(
      "• Biên bản về việc trẻ bị bỏ rơi: chỉ khi khai sinh cho trẻ bị bỏ rơi (do cơ quan có thẩm quyền lập).\n",
    );
    expect(text).toContain("💰 Lệ phí: Miễn lệ phí khi đăng ký đúng hạn. Bản sao 8.000 đồng/bản.\n");
  });

  it("states a fee once, from the catalog's own sentence (bản sao trích lục)", () => {
    expect(procedureReply(byCode("2.000635"), "app").text).toContain("💰 Lệ phí: 8.000 đồng mỗi bản sao.\n");
  });
});
