import { generateDossierCode } from "@dvc/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyMessage, type Intent } from "./intent";

const bytes = (seed: number) => Uint8Array.from({ length: 8 }, (_, i) => (seed * 31 + i * 17) % 256);
const CODE = generateDossierCode("00292", bytes(1));
const OTHER_CODE = generateDossierCode("00070", bytes(2));
/** CODE with its last (check) symbol changed: fails the check, keeps the shape. */
const MISTYPED = CODE.slice(0, -1) + (CODE.endsWith("2") ? "3" : "2");

const kind = (text: string) => classifyMessage(text).kind;

function procedureOf(text: string): Extract<Intent, { kind: "procedure" }> {
  const intent = classifyMessage(text);
  if (intent.kind !== "procedure") throw new Error(`"${text}" → ${intent.kind}, expected a procedure`);
  return intent;
}

describe("classifyMessage: dossier codes", () => {
  it("finds a code inside a sentence, typed in lower case without separators, in canonical form", () => {
    const typed = CODE.replaceAll("-", "").toLowerCase();
    expect(classifyMessage(`cho em hỏi hồ sơ ${typed} đến đâu rồi ạ`)).toEqual({
      kind: "dossier_status",
      codes: [CODE],
    });
  });

  it("returns two codes in the order written, each once", () => {
    const text = `ho so ${OTHER_CODE.replaceAll("-", " ")} va ${CODE}, ${CODE} nua`;
    expect(classifyMessage(text)).toEqual({ kind: "dossier_status", codes: [OTHER_CODE, CODE] });
  });

  it("reports a code that fails its check symbol, as typed", () => {
    expect(classifyMessage(`ma ho so ${MISTYPED} a`)).toEqual({
      kind: "dossier_code_mistyped",
      candidates: [MISTYPED],
    });
  });

  it("reports a code with a symbol missing", () => {
    const short = CODE.slice(0, -1);
    expect(classifyMessage(`mã của em là ${short}`)).toEqual({
      kind: "dossier_code_mistyped",
      candidates: [short],
    });
  });

  it("reports a code with a letter outside the alphabet (O for 0), each candidate once", () => {
    const withO = `${CODE.slice(0, 6)}O${CODE.slice(7)}`;
    expect(classifyMessage(`${withO} ${withO}`)).toEqual({
      kind: "dossier_code_mistyped",
      candidates: [withO],
    });
  });

  it.each([
    "sdt cua em la 0912 345 678",
    "cccd 001099012345 bi mat thi lam lai sao",
    "00292 khai sinh",
    "le phi 2000000 dong a",
    "xã mã 00292 thanh pho",
  ])("does not take %j for a dossier code", (text) => {
    expect(kind(text)).not.toMatch(/^dossier_(status|code_mistyped)$/);
  });
});

describe("classifyMessage: priority", () => {
  it("a valid code wins over everything else in the message", () => {
    expect(kind(`gặp cán bộ giúp em, hồ sơ khai sinh ${CODE} lâu quá`)).toBe("dossier_status");
    expect(kind(`${CODE} ${MISTYPED}`)).toBe("dossier_status");
  });

  it("a mistyped code wins over a request for a person and a procedure", () => {
    expect(kind(`cho gap can bo, ho so dang ky tam tru ${MISTYPED}`)).toBe("dossier_code_mistyped");
  });

  it("a request for a person wins over a procedure question", () => {
    expect(kind("cho tôi gặp cán bộ hộ tịch hỏi về đăng ký khai sinh")).toBe("handover");
  });

  it("a greeting before a question is a procedure question", () => {
    expect(procedureOf("chao ad, cho hoi lam khai sinh can gi").procedureCode).toBe("1.001193");
    expect(procedureOf("cảm ơn ad, cho em hỏi thêm đăng ký tạm trú ở đâu").procedureCode).toBe("1.004194");
  });

  it("looking up a procedure is a procedure question; looking up with nothing named is lookup help", () => {
    expect(procedureOf("tra cứu thủ tục đăng ký kết hôn").procedureCode).toBe("1.000894");
    expect(kind("tra cuu")).toBe("dossier_lookup_help");
  });

  it("a procedure named in a question about a filed dossier asks for the lookup", () => {
    expect(kind("hồ sơ khai sinh của em xử lý xong chưa ạ")).toBe("dossier_lookup_help");
    expect(kind("ho so cua toi den dau roi")).toBe("dossier_lookup_help");
  });

  it("a greeting with thanks is thanks; a bare greeting is a greeting", () => {
    expect(kind("chào ad, cảm ơn ad nhiều")).toBe("thanks");
    expect(kind("Chào ad ạ 👋")).toBe("greeting");
    expect(kind("alooo")).toBe("greeting");
  });

  it("asks which procedure when none is named, and offers the Mini App when asked for it", () => {
    expect(kind("toi muon hoi ve thu tuc")).toBe("procedure_help");
    expect(kind("nop ho so online o dau")).toBe("open_app");
    expect(procedureOf("nộp hồ sơ đăng ký kết hôn online được không").procedureCode).toBe("1.000894");
  });
});

describe("classifyMessage: how residents write", () => {
  it.each([
    ["Tôi muốn làm giấy khai sinh cho con", "toi muon lam giay khai sinh cho con"],
    ["Đăng ký tạm trú cần những giấy tờ gì?", "DANG KY TAM TRU CAN NHUNG GIAY TO GI"],
    ["Bố em mất, làm giấy chứng tử ở đâu ạ", "bo e mat, lam giay chung tu o dau a"],
    ["Gặp cán bộ", "gap can bo"],
    ["Cảm ơn ạ", "cam on a"],
  ])("with or without diacritics: %s", (withMarks, without) => {
    expect(classifyMessage(without)).toEqual(classifyMessage(withMarks));
  });

  it("reads teen code and abbreviations", () => {
    expect(procedureOf("lm gks cho con can j a").procedureCode).toBe("1.001193");
    expect(procedureOf("mat cccd r lam lai ntn").procedureCode).toBe("1.014064");
    expect(kind("cho e nc vs nv dc ko")).toBe("handover");
  });

  it("keeps procedure words that fold like chat filler (vắng/vâng, đã/dạ, nhà/nhá)", () => {
    expect(procedureOf("cam on, cho hoi them ve tam vang").procedureCode).toBe("1.003677");
    expect(procedureOf("bo em da mat, lam giay gi").procedureCode).toBe("1.000656");
    expect(procedureOf("xin phep sua nha thi nop o dau").procedureCode).toBe("1.013225");
  });

  it("offers at most two alternatives, never the best match again", () => {
    for (const text of ["khai sinh", "dang ky thuong tru bao nhieu tien", "tam tru"]) {
      const intent = procedureOf(text);
      expect(intent.alternatives.length).toBeLessThanOrEqual(2);
      expect(intent.alternatives).not.toContain(intent.procedureCode);
    }
  });

  it("keeps a bare procedure name a low-confidence guess and a full question high", () => {
    expect(procedureOf("khai sinh").confidence).toBe("low");
    expect(procedureOf("đăng ký kết hôn cần mang giấy tờ gì").confidence).toBe("high");
  });

  it("a question without a variant's qualifier (lại, bản sao, xóa…) means the plain procedure", () => {
    expect(procedureOf("lam giay khai sinh can nhung gi")).toMatchObject({
      procedureCode: "1.001193",
      confidence: "high",
    });
    expect(procedureOf("ket hon can gi").confidence).toBe("high");
    // The variant itself, when named, is answered outright.
    expect(procedureOf("xoa tam tru")).toMatchObject({ procedureCode: "1.010028", confidence: "high" });
    // Three siblings that each carry a qualifier stay a guess.
    expect(procedureOf("lam can cuoc can gi").confidence).toBe("low");
  });
});

describe("classifyMessage: robustness", () => {
  it.each(["", "   ", "\n\t", "😀😀", "🙏👍", "???", "..."])("%j is unknown", (text) => {
    expect(classifyMessage(text)).toEqual({ kind: "unknown" });
  });

  it("handles a 5,000-character message and still finds a code at its end", () => {
    const long = `${"tôi muốn hỏi về thủ tục khai sinh ".repeat(160).slice(0, 5000)} ${CODE}`;
    expect(classifyMessage(long)).toEqual({ kind: "dossier_status", codes: [CODE] });
    expect(() => classifyMessage("a".repeat(5000))).not.toThrow();
    expect(classifyMessage("khai sinh ".repeat(500)).kind).toBe("procedure");
  });

  it("never throws and always returns a known kind", () => {
    const kinds = new Set<string>([
      "dossier_status",
      "dossier_code_mistyped",
      "dossier_lookup_help",
      "procedure",
      "procedure_help",
      "handover",
      "greeting",
      "thanks",
      "open_app",
      "unknown",
    ]);
    const vietnamese = fc.constantFrom("khai sinh", "cán bộ", "ạ", "k", "đc", "00292", CODE, " ", "-", "😀");
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.array(vietnamese, { maxLength: 20 }).map((parts) => parts.join(" ")),
    );
    fc.assert(
      fc.property(text, (input) => {
        expect(kinds.has(classifyMessage(input).kind)).toBe(true);
      }),
    );
  });
});
