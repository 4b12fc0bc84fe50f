import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DOSSIER_CODE_ALPHABET,
  DOSSIER_CODE_RANDOM_BYTES,
  dossierCodeSchema,
  generateDossierCode,
  parseDossierCode,
} from "./dossier-code";
import { findDossierCodesInText, findMistypedDossierCodes } from "./dossier-code-text";

const communeCode = fc.stringMatching(/^\d{5}$/);
const bytes = fc.uint8Array({ minLength: DOSSIER_CODE_RANDOM_BYTES, maxLength: 16 });
const sample = generateDossierCode("00070", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));

describe("dossier code alphabet", () => {
  it("has 29 symbols (a prime) and no confusable characters", () => {
    expect(DOSSIER_CODE_ALPHABET).toHaveLength(29);
    expect(new Set(DOSSIER_CODE_ALPHABET).size).toBe(29);
    for (const char of "01IOQZJ") expect(DOSSIER_CODE_ALPHABET).not.toContain(char);
  });
});

describe("generateDossierCode", () => {
  it("gives a commune-prefixed code in groups 5-4-4, deterministic in its bytes", () => {
    expect(sample).toBe("00070-99L8-AG22");
    expect(generateDossierCode("09556", new Uint8Array(8))).toMatch(
      /^09556-[2-9A-HK-NP-Y]{4}-[2-9A-HK-NP-Y]{4}$/,
    );
    expect(parseDossierCode(generateDossierCode("99999", new Uint8Array(8).fill(255))).ok).toBe(true);
  });

  it("refuses a bad commune code or too few random bytes", () => {
    expect(() => generateDossierCode("0070", new Uint8Array(8))).toThrow(RangeError);
    expect(() => generateDossierCode("00070", new Uint8Array(7))).toThrow(RangeError);
  });

  it("round-trips through parseDossierCode", () => {
    fc.assert(
      fc.property(communeCode, bytes, (commune, random) => {
        const code = generateDossierCode(commune, random);
        expect(parseDossierCode(code)).toEqual({ ok: true, code, communeCode: commune });
        expect(parseDossierCode(` ${code.toLowerCase().replaceAll("-", " ")} `)).toMatchObject({
          ok: true,
          code,
        });
      }),
    );
  });
});

describe("parseDossierCode", () => {
  it("tolerates case, spaces, dashes, dots and O/I typed for 0/1 in the commune part", () => {
    for (const typed of [
      "00070k7m4rx26",
      "00070 K7M4 RX26",
      "00070.k7m4.rx26",
      "OOO7O-K7M4-RX26",
      " 00070 - K7M4-RX26",
    ]) {
      expect(parseDossierCode(typed)).toEqual({ ok: true, code: "00070-K7M4-RX26", communeCode: "00070" });
    }
    const valid = parseDossierCode(sample.replaceAll("0", "O").toLowerCase());
    expect(valid).toEqual({ ok: true, code: sample, communeCode: "00070" });
  });

  it("rejects a wrong check symbol, a wrong length or a character outside the alphabet", () => {
    const wrongCheck = `${sample.slice(0, -1)}${sample.endsWith("3") ? "4" : "3"}`;
    expect(parseDossierCode(wrongCheck)).toMatchObject({ ok: false, reason: "check" });
    expect(parseDossierCode(sample.slice(0, -1))).toMatchObject({ ok: false, reason: "format" });
    expect(parseDossierCode("00070-99L8-AG2O")).toMatchObject({ ok: false, reason: "format" });
    expect(parseDossierCode("")).toMatchObject({ ok: false, reason: "format" });
    // L is a code symbol, so it is not read as a 1 in the commune part (a swap could otherwise pass).
    expect(parseDossierCode("0007L-K7M4-RX26")).toMatchObject({ ok: false, reason: "format" });
  });

  it("detects any single changed character", () => {
    fc.assert(
      fc.property(communeCode, bytes, fc.nat(12), fc.nat(28), (commune, random, position, shift) => {
        const compact = generateDossierCode(commune, random).replaceAll("-", "");
        const symbols = position < 5 ? "0123456789" : DOSSIER_CODE_ALPHABET;
        const current = symbols.indexOf(compact.charAt(position));
        const replacement = symbols.charAt((current + 1 + (shift % (symbols.length - 1))) % symbols.length);
        const changed = compact.slice(0, position) + replacement + compact.slice(position + 1);
        expect(parseDossierCode(changed).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("detects two swapped characters", () => {
    fc.assert(
      fc.property(communeCode, bytes, fc.nat(12), fc.nat(12), (commune, random, i, j) => {
        const chars = [...generateDossierCode(commune, random).replaceAll("-", "")];
        fc.pre(chars[i] !== chars[j]);
        [chars[i], chars[j]] = [chars[j] ?? "", chars[i] ?? ""];
        expect(parseDossierCode(chars.join("")).ok).toBe(false);
      }),
    );
  });

  it("backs a zod schema that gives the canonical form or a Vietnamese message", () => {
    expect(dossierCodeSchema.parse(sample.toLowerCase())).toBe(sample);
    expect(dossierCodeSchema.safeParse("abc").error?.issues[0]?.message).toContain("Mã hồ sơ gồm 5 chữ số");
  });
});

describe("dossier codes in a chat message", () => {
  it("finds codes anywhere, in any case and spacing, with their position", () => {
    const other = generateDossierCode("09556", new Uint8Array(8).fill(7));
    const message = `Cho hỏi hồ sơ ${sample.toLowerCase().replaceAll("-", " ")} và ${other} đến đâu rồi?`;
    const found = findDossierCodesInText(message);
    expect(found.map((m) => m.code)).toEqual([sample, other]);
    const first = found[0];
    expect(first && message.slice(first.start, first.end)).toBe(sample.toLowerCase().replaceAll("-", " "));
    expect(first?.communeCode).toBe("00070");
  });

  it("ignores text that is not a code and reports near-misses separately", () => {
    expect(findDossierCodesInText("Số điện thoại 0912345678, CCCD 001099012345")).toEqual([]);
    expect(findDossierCodesInText(`mã${sample}`)).toEqual([]);
    const wrong = `${sample.slice(0, -1)}${sample.endsWith("3") ? "4" : "3"}`;
    expect(findDossierCodesInText(`hồ sơ ${wrong}`)).toEqual([]);
    expect(findMistypedDossierCodes(`hồ sơ ${wrong}!`)).toEqual([
      { text: wrong, start: 6, end: 6 + wrong.length },
    ]);
  });

  it("reports a symbol dropped or outside the alphabet as a near-miss, but not phone, CCCD or prices", () => {
    const dropped = sample.slice(0, -2) + sample.slice(-1);
    expect(findMistypedDossierCodes(`ho so ${dropped}`).map((span) => span.text)).toEqual([dropped]);
    const withO = `${sample.slice(0, 7)}O${sample.slice(8)}`;
    expect(findMistypedDossierCodes(`ho so ${withO} nhe`).map((span) => span.text)).toEqual([withO]);
    expect(findMistypedDossierCodes("0912345678, CCCD 001099012345, 00292 khai sinh, 2000000 dong")).toEqual(
      [],
    );
    expect(findMistypedDossierCodes(sample)).toEqual([]);
  });
});
