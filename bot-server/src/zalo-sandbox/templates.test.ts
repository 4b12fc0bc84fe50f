import { describe, expect, it } from "vitest";
import { findTemplate, SANDBOX_TEMPLATES, templateDataProblem } from "./templates";

const status = findTemplate("300001");
const supplement = findTemplate("300002");

describe("sandbox templates", () => {
  it("has unique numeric-string ids and the dossier status parameters", () => {
    const ids = SANDBOX_TEMPLATES.map((template) => template.templateId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^\d+$/);
    expect(status?.listParams.map((param) => param.name)).toEqual(["ma_ho_so", "trang_thai", "thu_tuc"]);
    expect(findTemplate("1")).toBeUndefined();
  });

  it("names the first wrong parameter: missing, empty, too long, a date not dd/MM/yyyy", () => {
    if (!status || !supplement) throw new Error("seeded templates missing");
    const good = { ma_ho_so: "HS-1", trang_thai: "Đã tiếp nhận", thu_tuc: "Đăng ký khai sinh" };
    expect(templateDataProblem(status, good)).toBeUndefined();
    expect(templateDataProblem(status, { ...good, extra: "ignored" })).toBeUndefined();
    expect(templateDataProblem(status, { ...good, trang_thai: "" })).toBe("trang_thai");
    expect(templateDataProblem(status, { ma_ho_so: "HS-1", trang_thai: "x" })).toBe("thu_tuc");
    expect(templateDataProblem(status, { ...good, ma_ho_so: "H".repeat(31) })).toBe("ma_ho_so");
    const request = { ma_ho_so: "HS-1", noi_dung: "Bổ sung bản sao CCCD" };
    expect(templateDataProblem(supplement, { ...request, han_bo_sung: "15/08/2025" })).toBeUndefined();
    expect(templateDataProblem(supplement, { ...request, han_bo_sung: "2025-08-15" })).toBe("han_bo_sung");
    expect(templateDataProblem(supplement, { ...request, han_bo_sung: "32/08/2025" })).toBe("han_bo_sung");
  });
});
