/**
 * The last guard before a log line is written: anything shaped like a CCCD (12 digits), an old CMND
 * (9 digits) or a Vietnamese phone number (0 + 9 digits, 84 + 9 digits) is masked, however a person
 * typed it — "0987654321", "0987 654 321", "0987.654.321", "098-765-4321", "+84 987 654 321",
 * "(+84) 987654321". Put generally: a run of 9 or more digits, each group split by at most one space, dot
 * or dash, with an optional +84 / (+84) in front.
 *
 * What must survive: request ids (UUIDs, whose groups are hex and dash-separated, so a UUID made of
 * digits only would otherwise read as one long number) are matched first and kept whole; shorter numbers
 * (dates, durations, counts, commune codes) are under 9 digits and untouched.
 */

const UUID = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";
const COUNTRY_PREFIX = "(?:\\(\\+?84\\)|\\+84)[ .-]?";
const DIGIT_RUN = `(?:${COUNTRY_PREFIX}|(?<![0-9]))[0-9](?:[ .-]?[0-9]){8,}(?![0-9])`;
const PATTERN = new RegExp(`(?<![0-9A-Za-z])${UUID}(?![0-9A-Za-z])|${DIGIT_RUN}`, "g");
const WHOLE_UUID = new RegExp(`^${UUID}$`);

export const SCRUBBED = "[redacted]";

export function scrubPersonalNumbers(text: string): string {
  return text.replace(PATTERN, (match) => (WHOLE_UUID.test(match) ? match : SCRUBBED));
}
