import { ERROR_TABLE, errorBodySchema } from "@dvc/shared";
import fc from "fast-check";

/**
 * Shared pieces of the fuzz tests (tests/integration/webhook-fuzz.test.ts, api-fuzz.test.ts): hostile
 * strings and JSON values, and the check every error answer must pass (the error envelope, in
 * Vietnamese, never zod's English).
 */

/** Characters and snippets that broke, or could break, a layer somewhere: the database, JSON, headers, logs. */
export const HOSTILE_SNIPPETS = [
  "\u0000",
  "\uD800",
  "\uDBFF",
  "\uDC00",
  "\uDFFF",
  "\uD83D",
  "\u202E",
  "\u202D",
  "\u2066",
  "\u2069",
  "\u200B",
  "\u200D",
  "\uFEFF",
  "\u0085",
  "\u001B",
  "\u007F",
  "\uFFFE",
  "\uFFFF",
  "\u{10FFFF}",
  "\r\n",
  "\t",
  '"',
  "\\",
  "\\u0000",
  "/",
  "../",
  "..\\",
  "%00",
  "%ED%A0%80",
  "</script>",
  "'; drop table inbound_events; --",
  "{",
  "}",
  "[",
  "]",
  ",",
  "NULL",
  "null",
  "e\u0301",
  "e\u0302\u0301",
  "ế",
  "Đường",
  "Nguyễn Thị Lan",
  "👨‍👩‍👧‍👦",
  "😀",
  "🇻🇳",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "ﷺ",
  "\u0301",
] as const;

/** One piece of a hostile string: a snippet above, or random graphemes, code points, or low bytes. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_SNIPPETS) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 4 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
);

/**
 * A hostile string: mostly short mixes of the pieces; some just past a 128-character cap with a
 * surrogate pair or combining mark at the cut; some very long.
 */
export function hostileString(options: { maxLong?: number } = {}): fc.Arbitrary<string> {
  const maxLong = options.maxLong ?? 20_000;
  return fc.oneof(
    { weight: 12, arbitrary: fc.array(hostilePiece, { maxLength: 10 }).map((parts) => parts.join("")) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.integer({ min: 60, max: 140 }),
          fc.constantFrom("😀", "e\u0301", "\uD800", "ế", "\u0000", "x"),
        )
        .map(([length, tail]) => `${"a".repeat(length)}${tail}${tail}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: Math.min(200, maxLong), max: maxLong }), hostilePiece)
        .map(([length, piece]) => (piece === "" ? "x" : piece).repeat(length).slice(0, length * 2)),
    },
  );
}

/** Numbers past what the columns and JS hold, as JSON text (some are not JS numbers at all). */
export const HUGE_NUMBER_LITERALS = [
  "2147483648",
  "-2147483649",
  "9007199254740993",
  "123456789012345678901234567890",
  "1e308",
  "1.7976931348623157e308",
  "1e400",
  "-1e400",
  "5e-324",
  "1e-400",
  "-0",
  "-1",
  "0.5",
  "4294967296",
] as const;

/** Numbers JSON.stringify can write (it writes Infinity and NaN as null). */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    2_147_483_648,
    -2_147_483_649,
    1e308,
    -1e308,
    5e-324,
    -1,
    -0,
    0.5,
    Number.MAX_SAFE_INTEGER + 2,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, with hostile strings and numbers, a few levels deep. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString({ maxLong: 3_000 }),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(hostileString({ maxLong: 200 }), tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** JSON text nested `depth` levels deep: arrays, or objects (`{"a":{"a":…}}`); unclosed when asked. */
export function deepJson(depth: number, shape: "array" | "object", closed = true): string {
  if (shape === "array") return `${"[".repeat(depth)}${closed ? "]".repeat(depth) : ""}`;
  return `${'{"a":'.repeat(depth)}1${closed ? "}".repeat(depth) : ""}`;
}

/** Text that is not JSON whatever happens around it. */
export const MALFORMED_JSON_TEXTS = [
  "",
  " ",
  "{",
  "}",
  "[",
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  "{a:1}",
  "NaN",
  "undefined",
  "nul",
  "tru",
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '{"a":01}',
  '{"a":1}}',
  '{"a":1} {"b":2}',
  "\u0000",
  '{"a":"b\u0000"',
  "<xml/>",
  "a=1&b=2",
] as const;

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;
/** What zod (or Hono) says in English when nobody gave it words. */
const ENGLISH_VALIDATION =
  /\b(Expected|expected|Invalid|invalid input|Too big|Too small|Required|Unrecognized|received|must be|Malformed)\b/;
const TABLE_MESSAGES: ReadonlySet<string> = new Set(Object.values(ERROR_TABLE).map((entry) => entry.message));

/** Why a text shown to a citizen is not Vietnamese, or undefined when it is. */
export function notVietnamese(text: unknown): string | undefined {
  if (typeof text !== "string" || text.trim() === "") return `empty or not a string: ${JSON.stringify(text)}`;
  if (ENGLISH_VALIDATION.test(text)) return `English validation text: ${JSON.stringify(text)}`;
  if (TABLE_MESSAGES.has(text) || VIETNAMESE_LETTER.test(text.normalize("NFC"))) return undefined;
  return `no Vietnamese letter: ${JSON.stringify(text)}`;
}

/**
 * Problems with an error answer: not the `{code, number, message, requestId, fields?}` envelope, a code
 * whose status is not the one answered, or a message (or a field's message) that is not Vietnamese.
 * An empty list means it is fine.
 */
export function errorAnswerProblems(status: number, text: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [`error answer is not JSON: ${JSON.stringify(text.slice(0, 200))}`];
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return [`error answer does not match errorBodySchema: ${text.slice(0, 300)}`];
  const body = parsed.data;
  const problems: string[] = [];
  if (ERROR_TABLE[body.code].status !== status) problems.push(`code ${body.code} answered with ${status}`);
  if (body.number !== undefined && body.number !== ERROR_TABLE[body.code].number) {
    problems.push(`code ${body.code} with number ${body.number}`);
  }
  if (body.requestId === "") problems.push("empty requestId");
  const message = notVietnamese(body.message);
  if (message) problems.push(`message: ${message}`);
  for (const [field, text] of Object.entries(body.fields ?? {})) {
    const problem = notVietnamese(text);
    if (problem) problems.push(`fields[${JSON.stringify(field)}]: ${problem}`);
  }
  return problems;
}

/** A JSON literal written into a body as is (a number JS cannot hold, deep nesting, null…). */
export class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold Raw literals, each written in place as is. */
export function render(value: unknown): string {
  const raws: string[] = [];
  const marker = (i: number) => `\u0001raw:${i}\u0001`;
  let text = JSON.stringify(value, (_key, inner: unknown) => {
    if (inner instanceof Raw) {
      raws.push(inner.text);
      return marker(raws.length - 1);
    }
    return inner;
  });
  raws.forEach((raw, i) => {
    text = text.split(JSON.stringify(marker(i))).join(raw);
  });
  return text;
}

/** The text a server decoding these UTF-8 bytes sees (lone surrogates became U+FFFD on the way). */
export const wireText = (text: string): string => Buffer.from(text, "utf8").toString("utf8");

/** Runs `work` over `items`, at most `concurrency` at a time, in order of start; `beforeChunk` between. */
export async function inChunks<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  beforeChunk?: () => Promise<void>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += concurrency) {
    await beforeChunk?.();
    const chunk = items.slice(start, start + concurrency);
    results.push(...(await Promise.all(chunk.map((item, offset) => work(item, start + offset)))));
  }
  return results;
}
