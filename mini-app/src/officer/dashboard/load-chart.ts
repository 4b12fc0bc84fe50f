/** chart.js, loaded on first use and kept: later charts (another range) reuse the same module. */
import type { Chart } from "chart.js";

let loading: Promise<typeof Chart> | null = null;

export function loadChart(): Promise<typeof Chart> {
  loading ??= import("./chart-setup").then(
    (module) => module.Chart,
    (error: unknown) => {
      // A failed download (a flaky network) may be retried by the next chart.
      loading = null;
      throw error;
    },
  );
  return loading;
}
