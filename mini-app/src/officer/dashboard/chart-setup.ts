/**
 * chart.js with only what the dashboard draws: a line of received/resolved per day and bars of average
 * working days per procedure. Imported only through load-chart.ts (a dynamic import), so the library
 * stays out of the officer area's first load and arrives when a leader opens the dashboard.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

export { Chart };
