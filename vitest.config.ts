import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/**
 * One vitest run, four projects:
 * - unit: pure code beside its sources (shared, bot-server);
 * - ui: Mini App components in jsdom;
 * - integration: the server on a real PostgreSQL (tests/support/postgres-global-setup.ts picks TEST_DATABASE_URL,
 *   a throwaway cluster, or PGlite with a notice);
 * - e2e: the real server and Debian's Chromium at a phone's viewport.
 */
export default defineConfig({
  test: {
    reporters: ["default"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["shared/src/**/*.test.ts", "bot-server/src/**/*.test.ts"],
          environment: "node",
          // Property tests are CPU-bound; beside the integration and e2e projects on 2 cores, vitest's
          // 5 s default timed one out (a flake, not a slow product).
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: "ui",
          include: ["mini-app/src/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["mini-app/src/test-setup.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/collect-stdout-logs.ts"],
          globalSetup: ["tests/support/postgres-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/collect-stdout-logs.ts"],
          globalSetup: ["tests/support/postgres-global-setup.ts"],
          // One browser-driving file at a time: two Chromiums and servers would starve 2 cores.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
