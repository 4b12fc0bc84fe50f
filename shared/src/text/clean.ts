/**
 * The one cleaning every string gets at the boundary, before validation (server) and before it is kept
 * (app). What a person meant survives; what only breaks things goes:
 * - NUL and the other C0/C1 control characters but tab, line feed and carriage return: PostgreSQL
 *   refuses NUL in text and jsonb (22021, 22P05), and none of them is ever typed on purpose;
 * - lone UTF-16 surrogates (half of an emoji cut by a bad client): jsonb refuses their escapes (22P05)
 *   and UTF-8 cannot encode them;
 * - Unicode bidirectional overrides and isolates, which can make a name read differently on an officer's
 *   screen than it is stored (the "Trojan Source" trick, CVE-2021-42574);
 * then the text is NFC-normalised, so "ế" typed as e + two combining marks equals the precomposed "ế"
 * (search, dedupe and look-ups compare NFC).
 */

/** Characters removed outright (see above). Zero-width joiners stay: emoji sequences need them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const REMOVED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** One test for "anything to do": most strings are plain ASCII and leave untouched. */
const NEEDS_WORK = /[^\t\n\r\u0020-\u007E]/;

export function cleanText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(REMOVED, "").replace(LONE_SURROGATE, "").normalize("NFC");
}

/** True when cleanText would change nothing. */
export function isCleanText(text: string): boolean {
  return cleanText(text) === text;
}

/**
 * cleanText applied to every string of a JSON-like value, object keys included; other values are kept.
 * The value must already be bounded in depth (parsed JSON that passed jsonDepthWithin, or query and path
 * parameters, which are flat): the walk recurses once per level.
 */
export function cleanStrings<T>(value: T): T {
  return cleanValue(value) as T;
}

function cleanValue(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanValue);
  if (value === null || typeof value !== "object" || !isPlainObject(value)) return value;
  const cleaned: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // defineProperty, not assignment: a "__proto__" key stays a plain own key, as JSON.parse made it.
    Object.defineProperty(cleaned, cleanText(key), {
      value: cleanValue(inner),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return cleaned;
}

/** Plain objects only: a File of a multipart form, a Date or a Blob is kept as it is. */
function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
