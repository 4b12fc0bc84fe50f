import fc from "fast-check";
import { CCCD_PROVINCE_CODES, MOBILE_PREFIXES_BY_CARRIER } from "../../../data/vn-identity";
import { addDays, formatDateVi, MAX_YEAR } from "../dates";
import { formatVietnameseNumber } from "../numbers";

/**
 * Arbitraries of single answers that are valid, written the many ways a citizen or the app may send them
 * (extra spaces, decomposed Unicode, dd/mm/yyyy, "+84 …"), so the normalisation is exercised too.
 */

const LETTERS = [
  ..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ",
];

/** Already-normalised words: letters with single spaces inside, `min`..`max` characters long. */
export function wordsArb(min: number, max: number): fc.Arbitrary<string> {
  const low = Math.max(min, 1);
  return fc
    .tuple(
      fc.array(fc.constantFrom(...LETTERS), { minLength: low, maxLength: Math.max(low, max) }),
      fc.array(fc.boolean()),
    )
    .map(([letters, spaces]) =>
      letters
        .map((letter, index) => {
          const inner = index > 0 && index < letters.length - 1;
          return inner && spaces[index] === true ? " " : letter;
        })
        .join("")
        .replace(/ {2,}/g, (run) => ` ${"a".repeat(run.length - 1)}`),
    );
}

/** The same text as a citizen may send it: padded, with doubled spaces, or decomposed (NFD). */
export function messyArb(clean: string): fc.Arbitrary<string> {
  return fc.constantFrom(clean, `  ${clean} `, clean.replace(/ /g, "  \t"), clean.normalize("NFD"));
}

export const textArb = (min: number, max: number) => wordsArb(min, max).chain(messyArb);

/** An integer or decimal within bounds, as a number or in Vietnamese notation ("1.500,25"). */
export function numberArb(min = -1e6, max = 1e6, integer = true): fc.Arbitrary<number | string> {
  const low = Math.ceil(integer ? min : min * 100);
  const high = Math.floor(integer ? max : max * 100);
  const value = fc.integer({ min: low, max: high }).map((n) => (integer ? n : n / 100));
  return value.chain((n) =>
    fc.constantFrom<number | string>(n, formatVietnameseNumber(n), ` ${formatVietnameseNumber(n)} `),
  );
}

/** An ISO day within `today + min` … `today + max` days (and within the years dates are taken for). */
export function isoDayArb(today: string, minDays = -36500, maxDays = 3650): fc.Arbitrary<string> {
  const floor = Math.max(minDays, daysBetween(today, "1900-01-01"));
  const ceiling = Math.min(maxDays, daysBetween(today, `${MAX_YEAR}-12-31`));
  return fc.integer({ min: floor, max: Math.max(floor, ceiling) }).map((days) => addDays(today, days));
}

export const dateInputArb = (iso: string) =>
  fc.constantFrom(iso, formatDateVi(iso), formatDateVi(iso).replace(/\b0(\d)\//g, "$1/"));

function daysBetween(from: string, to: string): number {
  const ms = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** A well-formed CCCD for someone born in `year` (≥ 1900) of that sex, sometimes typed with spaces. */
export function cccdArb(year: fc.Arbitrary<number>, sex: fc.Arbitrary<"nam" | "nu">): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...Object.keys(CCCD_PROVINCE_CODES)),
      year,
      sex,
      fc.integer({ min: 0, max: 999_999 }),
    )
    .map(([province, birthYear, s, serial]) => {
      const century = 2 * Math.floor((birthYear - 1900) / 100) + (s === "nu" ? 1 : 0);
      const yy = String(birthYear % 100).padStart(2, "0");
      return `${province}${century}${yy}${String(serial).padStart(6, "0")}`;
    })
    .chain((digits) =>
      fc.constantFrom(digits, `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`),
    );
}

const PREFIXES = Object.values(MOBILE_PREFIXES_BY_CARRIER).flat();

export const phoneArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([prefix, rest]) => `${prefix}${String(rest).padStart(7, "0")}`)
  .chain((national) =>
    fc.constantFrom(
      national,
      `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`,
      `+84 ${national.slice(1)}`,
      `84${national.slice(1)}`,
    ),
  );

export const emailArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._]{0,15}$/),
    fc.constantFrom("gmail.com", "Yahoo.COM", "hanoi.gov.vn"),
  )
  .map(([local, domain]) => `${local}@${domain}`);

export function addressArb(detailRequired: boolean) {
  return fc.record({
    provinceCode: fc.stringMatching(/^\d{2}$/),
    communeCode: fc.stringMatching(/^\d{5}$/),
    detail: detailRequired ? textArb(1, 80) : fc.oneof(fc.constant(""), textArb(1, 80)),
  });
}
