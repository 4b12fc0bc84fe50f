import type { ChartConfiguration, Chart as ChartInstance, ChartType } from "chart.js";
import { useEffect, useRef, useState } from "react";
import { loadChart } from "./load-chart";

/**
 * A chart drawn by chart.js once it has loaded. The canvas is a picture for the eye only (role="img"
 * with a one-line summary); the same numbers are in the table beside it, for screen readers and for a
 * browser that cannot draw (no canvas, or the library did not download), which then shows no picture.
 */
export function LazyChart<T extends ChartType>({
  summary,
  config,
  height,
}: {
  summary: string;
  config: ChartConfiguration<T>;
  height: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState<"loading" | "drawn" | "failed">("loading");

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext("2d") ?? null;
    if (context === null) {
      setDrawn("failed");
      return;
    }
    let chart: ChartInstance<T> | null = null;
    let cancelled = false;
    loadChart().then(
      (Chart) => {
        if (cancelled) return;
        chart = new Chart(context, config);
        setDrawn("drawn");
      },
      () => {
        if (!cancelled) setDrawn("failed");
      },
    );
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [config]);

  if (drawn === "failed") return null;
  return (
    <div className="dvc-dashboard-chart__canvas" style={{ height }} aria-busy={drawn === "loading"}>
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
