import {
  type CitizenMeResponse,
  type CitizenProfile,
  CONSENT_NOTICE_VERSION,
  type Consent,
  type ErrorBody,
} from "@dvc/shared";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { call, sqlRows } from "../support/citizen-client";
import { productionAppForFile } from "../support/production-app";

/** Consent before CCCD/phone (PDP-1) and the sealed profile (PDP-2). Phone and export: profile-phone. */

const ctx = productionAppForFile();
const CCCD = "001090012345"; // Hà Nội, nam, born 1990

describe("consent before a CCCD or phone number is stored (PDP-1)", () => {
  it("answers 409 with what to do, stores nothing, then accepts once consent is recorded", async () => {
    const { token } = await ctx.newCitizen();
    for (const body of [{ cccd: CCCD }, { phone: "0912 345 678" }]) {
      const refused = await call<ErrorBody>(ctx.test.app, "PUT", "/api/profile", { token, body });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("CONFLICT");
      expect(refused.body.message).toMatch(/đồng ý với thông báo xử lý dữ liệu cá nhân/);
    }
    expect((await call<CitizenProfile>(ctx.test.app, "GET", "/api/profile", { token })).body.cccd).toBeNull();
    // Fields that are neither CCCD nor phone need no consent; clearing the CCCD needs none either.
    const named = await call(ctx.test.app, "PUT", "/api/profile", {
      token,
      body: { fullName: "Nguyễn Văn An", cccd: null },
    });
    expect(named.status).toBe(200);

    const given = await ctx.consent(token, ["prefill_profile"]);
    expect(given).toMatchObject({
      purposes: ["prefill_profile"],
      noticeVersion: CONSENT_NOTICE_VERSION,
      withdrawnAt: null,
    });
    const me = await call<CitizenMeResponse>(ctx.test.app, "GET", "/api/auth/me", { token });
    expect(me.body.consentGiven).toBe(true);
    const stored = await call<CitizenProfile>(ctx.test.app, "PUT", "/api/profile", {
      token,
      body: { cccd: CCCD },
    });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ fullName: "Nguyễn Văn An", cccd: CCCD });
  });

  it("a consent to other purposes only does not cover the profile", async () => {
    const { token } = await ctx.newCitizen();
    await ctx.consent(token, ["dossier_filing"]);
    const refused = await call(ctx.test.app, "PUT", "/api/profile", { token, body: { cccd: CCCD } });
    expect(refused.status).toBe(409);
  });

  it("refuses an outdated notice version in Vietnamese", async () => {
    const { token } = await ctx.newCitizen();
    const result = await call<ErrorBody>(ctx.test.app, "POST", "/api/consents", {
      token,
      body: { purposes: ["prefill_profile"], noticeVersion: "2020-01-v0" },
    });
    expect(result.status).toBe(400);
    expect(result.body.fields?.noticeVersion).toBe("Nội dung thông báo đã thay đổi, vui lòng đọc lại");
  });

  it("withdrawal erases the CCCD and phone, keeps the history, and 409s the next attempt", async () => {
    const { token, citizenId } = await ctx.newCitizen();
    await ctx.consent(token);
    await call(ctx.test.app, "PUT", "/api/profile", {
      token,
      body: { fullName: "Trần Thị Bích", cccd: "001190012345", phone: "0912345678" },
    });
    const withdrawn = await call<{ consents: Consent[]; noticeVersion: string }>(
      ctx.test.app,
      "DELETE",
      "/api/consents",
      {
        token,
      },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.consents).toHaveLength(1);
    expect(withdrawn.body.consents[0]?.withdrawnAt).not.toBeNull();
    const profile = await call<CitizenProfile>(ctx.test.app, "GET", "/api/profile", { token });
    expect(profile.body).toMatchObject({ fullName: "Trần Thị Bích", cccd: null, phone: null });
    const hashes = await sqlRows(
      ctx.database.handle.db,
      sql`select cccd_hash, phone_hash from citizen_profiles where citizen_id = ${citizenId}`,
    );
    expect(hashes.rows[0]).toEqual({ cccd_hash: null, phone_hash: null });
    expect((await call(ctx.test.app, "PUT", "/api/profile", { token, body: { cccd: CCCD } })).status).toBe(
      409,
    );
    expect(
      (await call<CitizenMeResponse>(ctx.test.app, "GET", "/api/auth/me", { token })).body.consentGiven,
    ).toBe(false);
    const listed = await call<{ consents: Consent[] }>(ctx.test.app, "GET", "/api/consents", { token });
    expect(listed.body.consents).toEqual(withdrawn.body.consents);
  });
});

describe("the profile", () => {
  it("round-trips every field, normalising the phone to 84… and the CCCD to 12 digits", async () => {
    const { token } = await ctx.newCitizen();
    await ctx.consent(token);
    const update = {
      fullName: "  Lê Thị Hoa ",
      dateOfBirth: "1995-02-03",
      sex: "nu",
      ethnicity: "Kinh",
      nationality: "Việt Nam",
      cccd: "001 195 012 345",
      phone: "0912.345.678",
      email: "Hoa@Gmail.com",
      address: { provinceCode: "01", communeCode: "00004", detail: "Số 5 ngõ 12" },
      communeCode: "00004",
    };
    const saved = await call<CitizenProfile>(ctx.test.app, "PUT", "/api/profile", { token, body: update });
    expect(saved.status).toBe(200);
    const expected = {
      ...update,
      fullName: "Lê Thị Hoa",
      cccd: "001195012345",
      phone: "84912345678",
      email: "hoa@gmail.com",
    };
    expect(saved.body).toEqual(expected);
    expect((await call(ctx.test.app, "GET", "/api/profile", { token })).body).toEqual(expected);
    // Partial: only what is sent changes; null clears.
    const partial = await call<CitizenProfile>(ctx.test.app, "PUT", "/api/profile", {
      token,
      body: { email: null },
    });
    expect(partial.body).toEqual({ ...expected, email: null });
  });

  it("checks the CCCD against the date of birth and sex, naming the digit", async () => {
    const { token } = await ctx.newCitizen();
    await ctx.consent(token);
    await call(ctx.test.app, "PUT", "/api/profile", {
      token,
      body: { dateOfBirth: "1990-05-01", sex: "nam" },
    });
    const wrongYear = await call<ErrorBody>(ctx.test.app, "PUT", "/api/profile", {
      token,
      body: { cccd: "001091012345" },
    });
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.code).toBe("VALIDATION_FAILED");
    expect(wrongYear.body.fields?.cccd).toMatch(/^Chữ số thứ 5 và 6 \(91\)/);
    const wrongSex = await call<ErrorBody>(ctx.test.app, "PUT", "/api/profile", {
      token,
      body: { cccd: "001190012345" },
    });
    expect(wrongSex.body.fields?.cccd).toMatch(/là của người nữ/);
    expect((await call(ctx.test.app, "PUT", "/api/profile", { token, body: { cccd: CCCD } })).status).toBe(
      200,
    );
    // Changing the sex afterwards is checked against the stored CCCD too.
    const changedSex = await call<ErrorBody>(ctx.test.app, "PUT", "/api/profile", {
      token,
      body: { sex: "nu" },
    });
    expect(changedSex.status).toBe(400);
    const badPhone = await call<ErrorBody>(ctx.test.app, "PUT", "/api/profile", {
      token,
      body: { phone: "0112345678" },
    });
    expect(badPhone.body.fields?.phone).toBe("Đầu số 011 không phải đầu số di động Việt Nam");
    const badDate = await call<ErrorBody>(ctx.test.app, "PUT", "/api/profile", {
      token,
      body: { dateOfBirth: "1990-02-30" },
    });
    expect(badDate.body.fields?.dateOfBirth).toMatch(/không có thật/);
  });

  it("stores no plain CCCD or phone: the row holds ciphertext and keyed hashes only (PDP-2)", async () => {
    const { token, citizenId } = await ctx.newCitizen();
    await ctx.consent(token);
    await call(ctx.test.app, "PUT", "/api/profile", { token, body: { cccd: CCCD, phone: "0912345678" } });
    const rows = await sqlRows(
      ctx.database.handle.db,
      sql`select * from citizen_profiles where citizen_id = ${citizenId}`,
    );
    const raw = JSON.stringify(rows.rows);
    expect(rows.rows).toHaveLength(1);
    // The numbers themselves, not "any 12 digits": keyed hashes are hex, and 64 hex characters hold a
    // run of exactly 12 digits in about one run in twenty (a flake seen in CI).
    expect(raw).not.toContain(CCCD);
    expect(raw).not.toContain("912345678");
    expect(rows.rows[0]).toMatchObject({ cccd_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const everything = await sqlRows(
      ctx.database.handle.db,
      sql`select p.*, c.* from citizen_profiles p, consents c`,
    );
    expect(JSON.stringify(everything.rows)).not.toContain(CCCD);
  });

  it("GET /api/profile of a new citizen is all empty, and needs a session", async () => {
    const { token } = await ctx.newCitizen();
    const profile = await call<CitizenProfile>(ctx.test.app, "GET", "/api/profile", { token });
    expect(Object.values(profile.body).every((value) => value === null)).toBe(true);
    expect((await call(ctx.test.app, "GET", "/api/profile")).status).toBe(401);
    expect((await call(ctx.test.app, "GET", "/api/consents")).status).toBe(401);
  });
});
