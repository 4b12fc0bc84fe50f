import { describe, expect, it } from "vitest";
import { EMPTY_PROFILE, mergeProfile, storesIdentifier, vietnamToday } from "./profile-rules";

const TODAY = { today: "2026-11-28" };

describe("mergeProfile", () => {
  it("changes only the fields sent; null and blank clear", () => {
    const current = { ...EMPTY_PROFILE, fullName: "An", email: "a@b.vn", ethnicity: "Kinh" };
    const result = mergeProfile(current, { email: null, ethnicity: "   " }, TODAY);
    expect(result).toEqual({ ok: true, profile: { ...current, email: null, ethnicity: null } });
  });

  it("normalises text to NFC and trims it", () => {
    const decomposed = "Nguyê\u0303n";
    const result = mergeProfile(EMPTY_PROFILE, { fullName: `  ${decomposed} ` }, TODAY);
    expect(result.ok && result.profile.fullName).toBe("Nguyễn");
  });

  it("normalises CCCD and phone, and reports each problem on its field", () => {
    const ok = mergeProfile(EMPTY_PROFILE, { cccd: "001.090.012.345", phone: "+84 912 345 678" }, TODAY);
    expect(ok).toMatchObject({ ok: true, profile: { cccd: "001090012345", phone: "84912345678" } });
    const bad = mergeProfile(
      EMPTY_PROFILE,
      { cccd: "12345", phone: "091234567", email: "khong-phai-email" },
      TODAY,
    );
    expect(bad).toEqual({
      ok: false,
      fields: {
        cccd: "Số CCCD gồm 12 chữ số, bạn đã nhập 5",
        phone: "Số điện thoại di động gồm 10 chữ số bắt đầu bằng 0, bạn đã nhập 9",
        email: "Email chưa đúng dạng, ví dụ: ten@gmail.com",
      },
    });
  });

  it("checks a stored CCCD again when the date of birth or sex changes", () => {
    const current = {
      ...EMPTY_PROFILE,
      cccd: "001090012345",
      dateOfBirth: "1990-05-01",
      sex: "nam" as const,
    };
    expect(mergeProfile(current, { dateOfBirth: "1990-06-01" }, TODAY).ok).toBe(true);
    const moved = mergeProfile(current, { dateOfBirth: "1991-05-01" }, TODAY);
    expect(moved.ok === false && moved.fields.cccd).toMatch(/^Chữ số thứ 5 và 6/);
    expect(mergeProfile(current, { sex: "nu" }, TODAY).ok).toBe(false);
  });

  it("refuses dates that do not exist or have not come yet", () => {
    expect(mergeProfile(EMPTY_PROFILE, { dateOfBirth: "2001-02-29" }, TODAY)).toMatchObject({
      ok: false,
      fields: { dateOfBirth: expect.stringMatching(/không có thật/) },
    });
    expect(mergeProfile(EMPTY_PROFILE, { dateOfBirth: "2026-11-29" }, TODAY)).toMatchObject({ ok: false });
    expect(mergeProfile(EMPTY_PROFILE, { dateOfBirth: "2026-11-28" }, TODAY).ok).toBe(true);
  });

  it("caps the address detail", () => {
    const address = { provinceCode: "01", communeCode: "00004", detail: "x".repeat(301) };
    expect(mergeProfile(EMPTY_PROFILE, { address }, TODAY).ok).toBe(false);
  });
});

describe("storesIdentifier", () => {
  it("is true only when a CCCD or phone is being set, not cleared", () => {
    expect(storesIdentifier({ cccd: "001090012345" })).toBe(true);
    expect(storesIdentifier({ phone: "0912345678" })).toBe(true);
    expect(storesIdentifier({ cccd: null, phone: " " })).toBe(false);
    expect(storesIdentifier({ fullName: "An" })).toBe(false);
  });
});

describe("vietnamToday", () => {
  it("is already tomorrow at 17:00 UTC", () => {
    expect(vietnamToday(new Date("2026-11-28T16:59:59Z"))).toBe("2026-11-28");
    expect(vietnamToday(new Date("2026-11-28T17:00:00Z"))).toBe("2026-11-29");
  });
});
