import { describe, expect, it } from "vitest";
import { buildVocabulary, prefixCompletions, splitCompound, typoCandidates } from "./fuzzy";

const vocabulary = buildVocabulary(
  new Map([
    ["dang", 20],
    ["ky", 20],
    ["tam", 4],
    ["tru", 6],
    ["thuong", 4],
    ["thuoc", 1],
    ["khai", 6],
    ["sinh", 5],
    ["kinh", 3],
    ["kien", 1],
  ]),
);
const phrases = new Set(["tam tru", "khai sinh", "dang ky"]);
const isPhrase = (a: string, b: string) => phrases.has(`${a} ${b}`);

describe("typoCandidates", () => {
  it("finds known words one edit away, closest and most frequent first", () => {
    expect(typoCandidates(vocabulary, "trus")).toEqual(["tru"]);
    expect(typoCandidates(vocabulary, "sinhh")).toEqual(["sinh"]);
    expect(typoCandidates(vocabulary, "kihn")).toEqual(["kinh", "kien"]);
    expect(typoCandidates(vocabulary, "thuogn")).toEqual(["thuong"]);
  });

  it("leaves short words and numbers alone", () => {
    expect(typoCandidates(vocabulary, "tap")).toEqual([]);
    expect(typoCandidates(vocabulary, "ct07")).toEqual([]);
  });
});

describe("splitCompound", () => {
  it("splits syllables typed together, preferring known phrases", () => {
    expect(splitCompound(vocabulary, "tamtru", isPhrase)).toEqual(["tam", "tru"]);
    expect(splitCompound(vocabulary, "khaisinh", isPhrase)).toEqual(["khai", "sinh"]);
    expect(splitCompound(vocabulary, "dangkytamtru", isPhrase)).toEqual(["dang", "ky", "tam", "tru"]);
  });

  it("gives up when a piece is unknown", () => {
    expect(splitCompound(vocabulary, "tamxyz", isPhrase)).toBeUndefined();
  });
});

describe("prefixCompletions", () => {
  it("completes to the most frequent words", () => {
    expect(prefixCompletions(vocabulary, "thu", 3)).toEqual(["thuong", "thuoc"]);
    expect(prefixCompletions(vocabulary, "zz", 3)).toEqual([]);
  });
});
