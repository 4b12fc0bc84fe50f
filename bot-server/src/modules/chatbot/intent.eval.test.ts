import { describe, expect, it } from "vitest";
import { classifyMessage, type Intent } from "./intent";
import { type EvalItem, INTENT_EVAL_SET } from "./intent.eval-data";

/**
 * Accuracy of the classifier on the evaluation set, printed so a change to the phrase lists or thresholds
 * shows what it gained and lost. A procedure item counts only with the right kind AND the right top
 * procedure (high or low confidence alike).
 */

const MIN_ACCURACY = 0.9;

function isCorrect(item: EvalItem, got: Intent): boolean {
  if (got.kind !== item.expected) return false;
  return got.kind !== "procedure" || got.procedureCode === item.procedureCode;
}

function describeIntent(intent: Intent): string {
  return intent.kind === "procedure"
    ? `procedure ${intent.procedureCode} (${intent.confidence}; alt ${intent.alternatives.join(", ") || "—"})`
    : intent.kind;
}

describe("chatbot intent evaluation set", () => {
  it(`classifies at least ${MIN_ACCURACY * 100} % of the messages correctly`, () => {
    const perKind = new Map<string, { correct: number; total: number; lowConfidence: number }>();
    const misses: string[] = [];
    for (const item of INTENT_EVAL_SET) {
      const got = classifyMessage(item.text);
      const correct = isCorrect(item, got);
      const row = perKind.get(item.expected) ?? { correct: 0, total: 0, lowConfidence: 0 };
      row.total += 1;
      if (correct) row.correct += 1;
      if (got.kind === "procedure" && got.confidence === "low") row.lowConfidence += 1;
      perKind.set(item.expected, row);
      if (!correct) {
        const expected = item.procedureCode ? `procedure ${item.procedureCode}` : item.expected;
        misses.push(`  MISS "${item.text}" → got ${describeIntent(got)}, expected ${expected}`);
      }
    }
    const total = INTENT_EVAL_SET.length;
    const correct = total - misses.length;
    const accuracy = correct / total;
    const lines = [
      `chatbot intent accuracy: ${correct}/${total} = ${(accuracy * 100).toFixed(1)} %`,
      ...[...perKind].map(
        ([kind, row]) =>
          `  ${kind.padEnd(22)} ${row.correct}/${row.total}` +
          (row.lowConfidence > 0 ? ` (low confidence: ${row.lowConfidence})` : ""),
      ),
      ...misses,
    ];
    console.log(lines.join("\n"));
    expect(accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });

  it("has the mix the set is meant to cover", () => {
    const count = (kind: Intent["kind"]) => INTENT_EVAL_SET.filter((item) => item.expected === kind).length;
    const procedures = new Set(INTENT_EVAL_SET.map((item) => item.procedureCode).filter(Boolean));
    expect(INTENT_EVAL_SET.length).toBeGreaterThanOrEqual(70);
    expect(procedures.size).toBeGreaterThanOrEqual(12);
    expect(count("dossier_status")).toBeGreaterThanOrEqual(10);
    expect(count("handover")).toBeGreaterThanOrEqual(6);
    expect(count("unknown")).toBeGreaterThanOrEqual(6);
    for (const item of INTENT_EVAL_SET)
      expect(item.procedureCode !== undefined).toBe(item.expected === "procedure");
  });
});
