import { describe, expect, it } from "vitest";
import type { FieldInput } from "../definition";
import { formOf, TODAY } from "./testing/fixtures";
import { validateDossier } from "./validate";

function run(field: FieldInput, value: unknown) {
  const result = validateDossier(formOf(field), { x: value }, { today: TODAY });
  return result.ok
    ? { value: result.value.x }
    : { errors: result.errors.map(({ path, message }) => ({ path, message })) };
}

const HOME = { provinceCode: "01", communeCode: "00004", detail: " Số 5  ngõ 12 " };

describe("address", () => {
  const field: FieldInput = { id: "x", type: "address", label: "Nơi ở" };
  it("keeps the codes and normalises the detail", () => {
    expect(run(field, HOME)).toEqual({ value: { ...HOME, detail: "Số 5 ngõ 12" } });
  });
  it("asks for province and commune when nothing is chosen", () => {
    expect(run(field, { provinceCode: "", communeCode: "", detail: "" })).toEqual({
      errors: [{ path: "x", message: "Nơi ở: vui lòng chọn tỉnh/thành phố và xã/phường" }],
    });
  });
  it("points at the missing or malformed part", () => {
    expect(run(field, { provinceCode: "1", communeCode: "", detail: "" })).toEqual({
      errors: [
        { path: "x.provinceCode", message: "Nơi ở: mã tỉnh/thành phố gồm 2 chữ số, vui lòng chọn lại" },
        { path: "x.communeCode", message: "Nơi ở: vui lòng chọn xã/phường" },
        { path: "x.detail", message: "Nơi ở: vui lòng nhập số nhà, tên đường hoặc thôn, tổ dân phố" },
      ],
    });
  });
  it("lets the detail be empty when the definition says so", () => {
    const optionalDetail: FieldInput = { ...field, detailRequired: false } as FieldInput;
    expect(run(optionalDetail, { provinceCode: "01", communeCode: "00004" })).toEqual({
      value: { provinceCode: "01", communeCode: "00004", detail: "" },
    });
  });
});

describe("person block", () => {
  const field: FieldInput = {
    id: "x",
    type: "person",
    label: "Mẹ",
    parts: ["fullName", "dateOfBirth", "sex", "cccd"],
  };
  const mother = { fullName: " Trần  Thị Bình", dateOfBirth: "02/03/1990", sex: "nu", cccd: "001190012345" };
  it("validates each part it asks for and keeps only those", () => {
    expect(run(field, { ...mother, ethnicity: "Kinh" })).toEqual({
      value: { fullName: "Trần Thị Bình", dateOfBirth: "1990-03-02", sex: "nu", cccd: "001190012345" },
    });
  });
  it("reports every missing part at its own path", () => {
    const result = run(field, undefined);
    expect(result.errors?.map((error) => error.path)).toEqual([
      "x.fullName",
      "x.dateOfBirth",
      "x.sex",
      "x.cccd",
    ]);
    expect(result.errors?.[0]?.message).toBe("Họ, chữ đệm và tên (Mẹ): vui lòng nhập");
  });
  it("cross-checks the CCCD with the block's date of birth and sex", () => {
    expect(run(field, { ...mother, sex: "nam" }).errors?.[0]?.path).toBe("x.cccd");
    expect(run(field, { ...mother, sex: "nam" }).errors?.[0]?.message).toMatch(
      /^Số CCCD \(Mẹ\): chữ số thứ 4/,
    );
    expect(run(field, { ...mother, dateOfBirth: "1991-03-02" }).errors?.[0]?.message).toContain(
      "năm sinh 1991",
    );
  });
  it("refuses digits in a name and a birth date after today", () => {
    const result = run(field, { ...mother, fullName: "Bình 2", dateOfBirth: "2025-09-02" });
    expect(result.errors?.map((error) => error.message)).toEqual([
      'Họ, chữ đệm và tên (Mẹ): chỉ gồm chữ cái và khoảng trắng, hãy bỏ ký tự "2"',
      "Ngày sinh (Mẹ) không được sau ngày hôm nay",
    ]);
  });
  it("is left out when optional and blank, but complete once started", () => {
    const optional = { ...field, required: false } as FieldInput;
    expect(run(optional, { fullName: " ", sex: "" })).toEqual({ value: undefined });
    expect(run(optional, { fullName: "Trần Thị Bình" }).errors?.map((error) => error.path)).toEqual([
      "x.dateOfBirth",
      "x.sex",
      "x.cccd",
    ]);
  });
  it("validates the residence as an address", () => {
    const withResidence: FieldInput = { id: "x", type: "person", label: "Cha", parts: ["residence"] };
    expect(
      run(withResidence, { residence: { provinceCode: "01", communeCode: "", detail: "Thôn 3" } }),
    ).toEqual({
      errors: [{ path: "x.residence.communeCode", message: "Nơi cư trú (Cha): vui lòng chọn xã/phường" }],
    });
  });
});

describe("attachment", () => {
  const field: FieldInput = {
    id: "x",
    type: "attachment",
    label: "Ảnh giấy chứng sinh",
    accept: ["image/jpeg", "image/png"],
    maxCount: 2,
  };
  const photo = (fileId: string, sizeBytes = 1000, mimeType = "image/jpeg") => ({
    fileId,
    name: `${fileId}.jpg`,
    sizeBytes,
    mimeType,
  });
  it("keeps refs within count, type and size", () => {
    expect(run(field, [photo("a"), { ...photo("b"), extra: 1 }])).toEqual({
      value: [photo("a"), photo("b")],
    });
  });
  it("says how many are needed, in photos when only images are accepted", () => {
    expect(run(field, [])).toEqual({
      errors: [{ path: "x", message: "Ảnh giấy chứng sinh: cần ít nhất 1 ảnh" }],
    });
    expect(run(field, [photo("a"), photo("b"), photo("c")]).errors?.[0]?.message).toBe(
      "Ảnh giấy chứng sinh: tối đa 2 ảnh, bạn đã gửi 3",
    );
  });
  it("says which file is too large, with sizes in Vietnamese notation", () => {
    expect(run(field, [photo("a", 6_500_000)]).errors?.[0]?.message).toBe(
      'Ảnh giấy chứng sinh: tệp "a.jpg" quá lớn (6,2 MB); tối đa 5 MB',
    );
  });
  it("refuses other types, broken refs and the same file twice", () => {
    expect(run(field, [photo("a", 10, "application/pdf")]).errors?.[0]?.message).toBe(
      'Ảnh giấy chứng sinh: tệp "a.jpg" không đúng loại; chỉ nhận JPG hoặc PNG',
    );
    expect(run(field, [{ fileId: "" }]).errors?.[0]?.message).toContain("tệp thứ 1 chưa tải lên xong");
    expect(run(field, [photo("a"), photo("a")]).errors?.[0]?.message).toContain("được gửi hai lần");
  });
});

describe("group", () => {
  const field: FieldInput = {
    id: "x",
    type: "group",
    label: "Thành viên hộ",
    itemLabel: "Thành viên",
    minItems: 1,
    maxItems: 2,
    fields: [
      { id: "name", type: "text", label: "Họ và tên" },
      {
        id: "relation",
        type: "select",
        label: "Quan hệ",
        options: [
          { value: "con", label: "Con" },
          { value: "khac", label: "Khác" },
        ],
      },
      {
        id: "other",
        type: "text",
        label: "Quan hệ khác",
        visibleWhen: { field: "relation", equals: "khac" },
      },
      { id: "cccd", type: "cccd", label: "Số CCCD", required: false },
    ],
  };
  it("validates each item against the fields that show for it", () => {
    const items = [
      { name: " An ", relation: "con", other: 42 },
      { name: "Bình", relation: "khac", other: "cháu", cccd: "" },
    ];
    expect(run(field, items)).toEqual({
      value: [
        { name: "An", relation: "con" },
        { name: "Bình", relation: "khac", other: "cháu" },
      ],
    });
  });
  it("reports nested errors with the item index in the path and the item in the label", () => {
    expect(
      run(field, [
        { name: "An", relation: "con" },
        { relation: "khac", cccd: "123" },
      ]),
    ).toEqual({
      errors: [
        { path: "x.1.name", message: "Họ và tên (Thành viên 2): vui lòng nhập" },
        { path: "x.1.other", message: "Quan hệ khác (Thành viên 2): vui lòng nhập" },
        { path: "x.1.cccd", message: "Số CCCD (Thành viên 2): số CCCD gồm 12 chữ số, bạn đã nhập 3" },
      ],
    });
  });
  it("checks the number of items", () => {
    expect(run(field, [])).toEqual({
      errors: [{ path: "x", message: "Thành viên hộ: cần ít nhất 1 thành viên" }],
    });
    const three = [1, 2, 3].map((n) => ({ name: `An ${"a".repeat(n)}`, relation: "con" }));
    expect(run(field, three).errors?.[0]?.message).toBe("Thành viên hộ: tối đa 2 thành viên");
  });
});
