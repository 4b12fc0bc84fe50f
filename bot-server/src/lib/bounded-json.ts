/**
 * JSON nesting is bounded before JSON.parse sees it: V8's parser and JSON.stringify recurse once per
 * level and overflow the stack somewhere between 1,000 and 5,000 levels (measured on Node 20), which
 * surfaced as 500s. Our own bodies are a handful of levels deep (a form's answers: group → item →
 * person → address), Zalo's events four or five.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Walks the text once, outside strings, and calls `visit` at every bracket with the depth it opens or
 * closes (1 for the outermost). Stops early when `visit` returns false. A linear scan without recursion:
 * safe on any input, valid JSON or not.
 */
function scanBrackets(
  text: string,
  visit: (index: number, kind: "open" | "close", depth: number) => boolean,
): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === BACKSLASH) index += 1;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_OBJECT || char === OPEN_ARRAY) {
      depth += 1;
      if (!visit(index, "open", depth)) return;
    } else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY) {
      if (!visit(index, "close", depth)) return;
      depth = Math.max(0, depth - 1);
    }
  }
}

/** True when no container in the text is nested deeper than `maxDepth`. */
export function jsonDepthWithin(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  let within = true;
  scanBrackets(text, (_index, kind, depth) => {
    if (kind === "open" && depth > maxDepth) within = false;
    return within;
  });
  return within;
}

/**
 * JSON.parse of a text whose containers deeper than `maxDepth` are replaced by `null`, so a hostile but
 * well-formed body still yields its shallow fields (a signed webhook event is stored whatever it holds).
 * Throws SyntaxError when the text is not JSON, like JSON.parse.
 */
export function parseJsonTruncated(text: string, maxDepth: number = MAX_JSON_DEPTH): unknown {
  if (jsonDepthWithin(text, maxDepth)) return JSON.parse(text);
  const kept: string[] = [];
  let copiedUpTo = 0;
  let cutAt = -1;
  scanBrackets(text, (index, kind, depth) => {
    if (kind === "open" && depth === maxDepth + 1 && cutAt < 0) {
      kept.push(text.slice(copiedUpTo, index), "null");
      cutAt = index;
    } else if (kind === "close" && depth === maxDepth + 1 && cutAt >= 0) {
      copiedUpTo = index + 1;
      cutAt = -1;
    }
    return true;
  });
  // An unclosed deep container runs to the end: nothing after it is kept, and JSON.parse says so.
  if (cutAt < 0) kept.push(text.slice(copiedUpTo));
  return JSON.parse(kept.join(""));
}
