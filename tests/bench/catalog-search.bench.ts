import {
  buildSearchIndex,
  CATALOG,
  foldVietnamese,
  type SearchDocument,
  searchIndex,
  tokenize,
} from "@dvc/shared";
import { EXPECTED_FIRST } from "../../shared/src/text/search-queries.test-data";

/** Size of the synthetic catalog: Hà Nội publishes about 1,850 procedures. */
const SYNTHETIC_PROCEDURES = 2_000;
const ROUNDS = 20;

export interface LatencyRow {
  name: string;
  p50Us: number;
  p95Us: number;
  baselineName: string;
  baselineP50Us: number;
  baselineP95Us: number;
}

/**
 * Catalog search over 2,000 synthetic procedures (the real 30 plus variants built from their words),
 * against a naive scan that folds every document and checks each query word as a substring — both
 * measured here, on the same queries.
 */
export function benchCatalogSearch(): LatencyRow {
  const documents = syntheticCatalog(SYNTHETIC_PROCEDURES);
  const index = buildSearchIndex(documents);
  const naive = naiveScanner(documents);
  const queries = EXPECTED_FIRST.map(([query]) => query);
  const indexed = timePerQuery(queries, (q) => searchIndex(index, q, { limit: 10 }).length);
  const scanned = timePerQuery(queries, (q) => naive(q).length);
  return {
    name: `catalog search, ${SYNTHETIC_PROCEDURES.toLocaleString("en-US")} procedures, ${queries.length} queries`,
    p50Us: indexed.p50,
    p95Us: indexed.p95,
    baselineName: "naive folded-substring scan",
    baselineP50Us: scanned.p50,
    baselineP95Us: scanned.p95,
  };
}

function syntheticCatalog(size: number): SearchDocument[] {
  const words = CATALOG.flatMap((p) => tokenize(`${p.title} ${p.officialName}`));
  const documents: SearchDocument[] = CATALOG.map((p) => ({ ...p }));
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const pick = () => words[next() % words.length] ?? "thu";
  for (let i = documents.length; i < size; i++) {
    const base = CATALOG[i % CATALOG.length];
    if (!base) break;
    const extra = Array.from({ length: 6 }, pick).join(" ");
    documents.push({
      code: `9.${String(i).padStart(6, "0")}`,
      title: `${base.title} ${pick()} ${pick()}`,
      officialName: `${base.officialName} ${extra}`,
      sector: base.sector,
      keywords: base.keywords.slice(0, 3),
    });
  }
  return documents;
}

/** The baseline gets its documents folded once, up front: only the per-query scan is timed. */
function naiveScanner(documents: SearchDocument[]) {
  const folded = documents.map((doc) => ({
    code: doc.code,
    text: foldVietnamese(`${doc.title} ${doc.officialName} ${doc.keywords.join(" ")}`),
  }));
  return (query: string) => {
    const words = tokenize(query);
    const scored: { code: string; hits: number }[] = [];
    for (const { code, text } of folded) {
      const hits = words.filter((word) => text.includes(word)).length;
      if (hits > 0) scored.push({ code, hits });
    }
    return scored.sort((a, b) => b.hits - a.hits).slice(0, 10);
  };
}

function timePerQuery(queries: string[], run: (query: string) => number): { p50: number; p95: number } {
  for (const query of queries) run(query); // warm up the JIT
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) {
      const started = process.hrtime.bigint();
      run(query);
      samples.push(Number(process.hrtime.bigint() - started) / 1_000);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}
