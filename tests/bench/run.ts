/**
 * `npm run bench`: every row is measured against a baseline taken in the same run, and printed as a
 * ratio, because these machines are noisy and absolute numbers do not carry from one run to the next.
 */
import { benchCatalogSearch } from "./catalog-search.bench";
import { benchDashboard } from "./dashboard.bench";
import { benchDelivery, DELIVERY_TARGET } from "./delivery.bench";
import { benchFirstLoad } from "./first-load.bench";
import { benchHttpApi } from "./http-api.bench";
import { benchNoticeFanout, NOTICE_FANOUT_TARGET } from "./notice-fanout.bench";
import { benchOfficerInbox, INBOX_TARGET } from "./officer-inbox.bench";
import { benchWebhookIngest, INGEST_TARGET } from "./webhook-ingest.bench";

/**
 * `BENCH_ONLY=first-load,http-api npm run bench` runs only the named rows (comma-separated), so one change
 * can be measured without the whole suite on a shared machine. Unset: every row.
 */
const only = process.env.BENCH_ONLY?.split(",")
  .map((name) => name.trim())
  .filter(Boolean);
const runs = (row: string) => !only || only.length === 0 || only.includes(row);

const format = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(1));

if (runs("catalog-search")) {
  const search = benchCatalogSearch();
  console.log("\n| row | p50 µs | p95 µs | baseline | baseline p50 µs | baseline p95 µs | p50 ratio |");
  console.log("| --- | ---: | ---: | --- | ---: | ---: | ---: |");
  console.log(
    `| ${search.name} | ${format(search.p50Us)} | ${format(search.p95Us)} | ${search.baselineName} | ${format(search.baselineP50Us)} | ${format(search.baselineP95Us)} | ${(search.p50Us / search.baselineP50Us).toFixed(2)}× |`,
  );
}

if (runs("http-api")) {
  const rows = await benchHttpApi();
  // One row per route and database (PGlite, then PostgreSQL when it can start), each right after its
  // own baseline run. "CPU ratio" is the bare route's server CPU per request over the row's: the same
  // ratio as req/s on an idle machine, and far steadier on a shared one.
  console.log(
    "\n| row | database | req/s | p50 ms | p99 ms | baseline | baseline req/s | ratio | CPU µs/req | baseline CPU µs/req | CPU ratio |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const row of rows) {
    const { measured, baseline } = row;
    const ratio = measured.requestsPerSecond / baseline.requestsPerSecond;
    const cpuRatio = row.baselineCpuUsPerRequest / row.cpuUsPerRequest;
    console.log(
      `| ${row.name} | ${row.store} | ${format(measured.requestsPerSecond)} | ${measured.p50Ms} | ${measured.p99Ms} | ${row.baselineName} | ${format(baseline.requestsPerSecond)} | ${(ratio * 100).toFixed(0)} % | ${format(row.cpuUsPerRequest)} | ${format(row.baselineCpuUsPerRequest)} | ${(cpuRatio * 100).toFixed(0)} % |`,
    );
    if (measured.non2xx > 0 || measured.errors > 0) {
      console.log(`  ⚠ ${row.name}: ${measured.non2xx} non-2xx answers, ${measured.errors} errors`);
    }
  }
}

if (runs("first-load")) {
  const firstLoad = await benchFirstLoad();
  const ms = (value: number | undefined) => (value === undefined ? "skipped" : format(value));
  console.log(
    "\n| row | JS gzip kB (first load) | ms to first screen (4× CPU, slow 3G) | baseline | baseline kB | baseline ms | size ratio | time ratio |",
  );
  console.log("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
  const timeRatio =
    firstLoad.citizenMs !== undefined && firstLoad.helloMs !== undefined
      ? `${(firstLoad.citizenMs / firstLoad.helloMs).toFixed(2)}×`
      : "skipped";
  console.log(
    `| citizen entry (budget 170 kB) | ${firstLoad.citizenJsGzipKb.toFixed(1)} | ${ms(firstLoad.citizenMs)} | zmp-ui hello page | ${firstLoad.helloJsGzipKb.toFixed(1)} | ${ms(firstLoad.helloMs)} | ${(firstLoad.citizenJsGzipKb / firstLoad.helloJsGzipKb).toFixed(2)}× | ${timeRatio} |`,
  );
  if (firstLoad.citizenJsGzipKb > 170) console.log("  ⚠ citizen entry is over its 170 kB gzip budget");
}

if (runs("webhook-ingest")) {
  const ingest = await benchWebhookIngest();
  {
    const { measured, baseline } = ingest;
    const ratio = measured.requestsPerSecond / baseline.requestsPerSecond;
    console.log("\n| row | events/s | p50 ms | p99 ms | baseline | baseline req/s | ratio | target |");
    console.log("| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |");
    console.log(
      `| ${ingest.name} | ${format(measured.requestsPerSecond)} | ${measured.p50Ms} | ${measured.p99Ms} | ${ingest.baselineName} | ${format(baseline.requestsPerSecond)} | ${(ratio * 100).toFixed(0)} % | ≥ ${INGEST_TARGET.ratio * 100} %, p99 ≤ ${INGEST_TARGET.p99Ms} ms |`,
    );
    const rowsMatch = ingest.storedRows === measured.ok2xx;
    console.log(
      `  inbound_events rows of the run: ${format(ingest.storedRows)}, 2xx answers: ${format(measured.ok2xx)} ${rowsMatch ? "✓" : "✗"} · server CPU ${format(ingest.serverCpuUsPerEvent)} µs/event`,
    );
    if (!rowsMatch) console.log(`  ⚠ ${ingest.name}: stored rows differ from 2xx answers`);
    if (measured.non2xx > 0 || measured.errors > 0) {
      console.log(`  ⚠ ${ingest.name}: ${measured.non2xx} non-2xx answers, ${measured.errors} errors`);
    }
    if (ratio < INGEST_TARGET.ratio || measured.p99Ms > INGEST_TARGET.p99Ms) {
      console.log(
        `  ⚠ ingest misses its target: ${(ratio * 100).toFixed(0)} % of the bare route (≥ ${INGEST_TARGET.ratio * 100} %), p99 ${measured.p99Ms} ms (≤ ${INGEST_TARGET.p99Ms} ms)`,
      );
    }
  }
}

if (runs("delivery")) {
  const delivery = await benchDelivery();
  if ("skipped" in delivery) {
    console.log(`\n  ⚠ delivery rows skipped: ${delivery.skipped}`);
  } else {
    const { throughput: t, budget: b } = delivery;
    const ofIdeal = t.perSecond / t.idealPerSecond;
    console.log(
      "\n| row | messages/s | ideal messages/s (slots ÷ latency) | share of ideal | baseline | baseline calls/s | ratio | target |",
    );
    console.log("| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |");
    console.log(
      `| ${t.name} (${delivery.store}) | ${format(t.perSecond)} | ${format(t.idealPerSecond)} | ${(ofIdeal * 100).toFixed(0)} % | ${t.baselineName} | ${format(t.baselinePerSecond)} | ${((t.perSecond / t.baselinePerSecond) * 100).toFixed(0)} % | ≥ ${DELIVERY_TARGET.ofIdeal * 100} % of ideal |`,
    );
    const allSent = t.sent === t.messages;
    console.log(
      `  rows sent: ${format(t.sent)} of ${format(t.messages)} ${allSent ? "✓" : "✗"} · worker CPU ${format(t.workerCpuUsPerMessage)} µs/message`,
    );
    if (!allSent) console.log(`  ⚠ ${t.name}: ${t.messages - t.sent} messages not sent`);
    if (ofIdeal < DELIVERY_TARGET.ofIdeal) {
      console.log(
        `  ⚠ delivery misses its target: ${(ofIdeal * 100).toFixed(0)} % of the ideal (≥ ${DELIVERY_TARGET.ofIdeal * 100} %); the bare port reaches ${((t.baselinePerSecond / t.idealPerSecond) * 100).toFixed(0)} %`,
      );
    }
    console.log("\n| row | calls/s | limit/s | share of limit | busiest 10 s | target |");
    console.log("| --- | ---: | ---: | ---: | ---: | --- |");
    console.log(
      `| ${b.name} | ${format(b.calls / b.windowSeconds)} | ${format(b.limitPerSecond)} | ${(b.share * 100).toFixed(1)} % | ${(b.peak10sShare * 100).toFixed(1)} % | ${DELIVERY_TARGET.budgetShareMin * 100}–${DELIVERY_TARGET.budgetShareMax * 100} % |`,
    );
    console.log(`  send_buckets updates per call (takes, granted or not): ${b.takesPerSend.toFixed(1)}`);
    if (b.share < DELIVERY_TARGET.budgetShareMin || b.share > DELIVERY_TARGET.budgetShareMax) {
      console.log(
        `  ⚠ the send budget misses its target: ${(b.share * 100).toFixed(1)} % of the limit (${DELIVERY_TARGET.budgetShareMin * 100}–${DELIVERY_TARGET.budgetShareMax * 100} %)`,
      );
    }
  }
}

if (runs("notice-fanout")) {
  const fanout = await benchNoticeFanout();
  if ("skipped" in fanout) {
    console.log(`\n  ⚠ notice fan-out row skipped: ${fanout.skipped}`);
  } else {
    const ofIdeal = fanout.perSecond / fanout.idealPerSecond;
    console.log(
      "\n| row | messages/s | ideal messages/s (slots ÷ latency) | share of ideal | baseline | baseline calls/s | ratio | target |",
    );
    console.log("| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |");
    console.log(
      `| ${fanout.name} (${fanout.store}) | ${format(fanout.perSecond)} | ${format(fanout.idealPerSecond)} | ${(ofIdeal * 100).toFixed(0)} % | ${fanout.baselineName} | ${format(fanout.baselinePerSecond)} | ${((fanout.perSecond / fanout.baselinePerSecond) * 100).toFixed(0)} % | ≥ ${NOTICE_FANOUT_TARGET.ofIdeal * 100} % of ideal |`,
    );
    const allSent = fanout.sent === fanout.messages;
    console.log(
      `  rows sent: ${format(fanout.sent)} of ${format(fanout.messages)} ${allSent ? "✓" : "✗"} · last batch enqueued ${fanout.enqueueSeconds.toFixed(2)} s after the start · worker CPU ${format(fanout.workerCpuUsPerMessage)} µs/message`,
    );
    if (!allSent) console.log(`  ⚠ notice fan-out: ${fanout.messages - fanout.sent} messages not sent`);
    if (ofIdeal < NOTICE_FANOUT_TARGET.ofIdeal)
      console.log(
        `  ⚠ notice fan-out misses its target: ${(ofIdeal * 100).toFixed(0)} % of the ideal (≥ ${NOTICE_FANOUT_TARGET.ofIdeal * 100} %)`,
      );
  }
}

if (runs("officer-inbox")) {
  const inbox = await benchOfficerInbox();
  if ("skipped" in inbox) {
    console.log(`\n  ⚠ officer inbox rows skipped: ${inbox.skipped}`);
  } else {
    console.log(
      "\n| row | p50 µs | p95 µs | baseline | baseline p50 µs | baseline p95 µs | p95 ratio | target |",
    );
    console.log("| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |");
    for (const row of inbox.rows) {
      console.log(
        `| ${row.name} (${inbox.store}) | ${format(row.p50Us)} | ${format(row.p95Us)} | ${row.baselineName} | ${format(row.baselineP50Us)} | ${format(row.baselineP95Us)} | ${(row.p95Us / row.baselineP95Us).toFixed(3)}× | p95 ≤ ${INBOX_TARGET.p95Ms} ms |`,
      );
    }
    console.log(
      `  seeded ${format(inbox.seedSeconds)} s (generate_series, indexes in place); open dossiers: ${format(inbox.openDossiers)}`,
    );
    for (const row of inbox.rows) {
      console.log(`  plan, ${row.name}: ${row.plan}`);
      console.log(`    without the indexes: ${row.baselinePlan}`);
      if (!row.plan.includes(row.intendedIndex)) {
        console.log(`  ⚠ ${row.name}: the plan does not use ${row.intendedIndex}`);
      }
      const met = row.p95Us <= INBOX_TARGET.p95Ms * 1000;
      console.log(
        `  ${met ? "✓" : "⚠"} ${row.name}: p95 ${format(row.p95Us / 1000)} ms ${met ? "meets" : "misses"} its target (≤ ${INBOX_TARGET.p95Ms} ms)`,
      );
    }
  }
}

if (runs("dashboard")) {
  const dashboard = await benchDashboard();
  if ("skipped" in dashboard) {
    console.log(`\n  ⚠ dashboard rows skipped: ${dashboard.skipped}`);
  } else {
    const { seed, month, province } = dashboard;
    console.log(
      "\n| row | p50 ms | p95 ms | baseline | baseline p50 ms | baseline p95 ms | p95 ratio (baseline ÷ row) |",
    );
    console.log("| --- | ---: | ---: | --- | ---: | ---: | ---: |");
    for (const row of dashboard.rows) {
      console.log(
        `| ${row.name} (${dashboard.store}) | ${format(row.p50Us / 1000)} | ${format(row.p95Us / 1000)} | ${row.baselineName} | ${format(row.baselineP50Us / 1000)} | ${format(row.baselineP95Us / 1000)} | ${(row.baselineP95Us / row.p95Us).toFixed(1)}× |`,
      );
    }
    console.log(
      `  seeded ${format(seed.dossiers)} dossiers, ${format(seed.events)} events, ${format(seed.deliveries)} deliveries in ${format(seed.seconds)} s (generate_series) · month ${month.from}…${month.to} · ${dashboard.runs} runs, baseline ${dashboard.baselineRuns}`,
    );
    console.log(
      `  province: received ${format(province.received)}, resolved ${format(province.resolved)} (late ${format(province.resolvedLate)}), overdue now ${format(province.overdueNow)}, unreachable messages ${format(province.unreachableMessages)}`,
    );
    for (const row of dashboard.rows) {
      if (!row.sameFigures) console.log(`  ⚠ ${row.name}: the baseline gave other figures`);
      row.plans.forEach((plan, i) => {
        console.log(`  plan ${i + 1}, ${row.name}: ${plan}`);
        console.log(`    baseline: ${row.baselinePlans[i] ?? "none"}`);
      });
    }
  }
}
