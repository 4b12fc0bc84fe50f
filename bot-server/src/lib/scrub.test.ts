import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCRUBBED, scrubPersonalNumbers } from "./scrub";

describe("scrubPersonalNumbers", () => {
  it.each([
    "001095012345",
    "001 095 012 345",
    "001.095.012.345",
    "001-095-012-345",
    "0987654321",
    "0987 654 321",
    "0987.654.321",
    "098-765-4321",
    "84987654321",
    "+84987654321",
    "+84 987 654 321",
    "(+84) 987654321",
    "(84) 987.654.321",
    "012345678",
  ])("masks %s wherever it sits in a line", (number) => {
    for (const line of [number, `gọi ${number} nhé`, `{"note":"${number}"}`, `CCCD_${number}.png`]) {
      const scrubbed = scrubPersonalNumbers(line);
      expect(scrubbed).toContain(SCRUBBED);
      expect(scrubbed.replace(/\D/g, "")).not.toContain(number.replace(/\D/g, "").slice(-9));
    }
  });

  it("keeps request ids whole, even ones with long digit runs", () => {
    for (const id of [
      "3f2a1b9c-1234-5678-9012-123456789012",
      "12345678-1234-4234-9234-123456789012",
      "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
    ]) {
      const line = `{"requestId":"${id}","msg":"request"}`;
      expect(scrubPersonalNumbers(line)).toBe(line);
    }
  });

  it("leaves dates, times, durations, commune codes and dossier codes alone", () => {
    const line =
      '{"time":"2026-12-06T15:19:01.123Z","ms":1234,"commune":"00292","code":"00292-K7M4-RX26","n":12345678}';
    expect(scrubPersonalNumbers(line)).toBe(line);
  });

  it("never lets 9 digits in a row through, whatever surrounds them (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[0-9]{9,12}$/), fc.string(), (before, digits, after) => {
        const scrubbed = scrubPersonalNumbers(`${before}${digits}${after}`);
        expect(scrubbed).not.toMatch(/[0-9]{9}/);
      }),
    );
  });
});
