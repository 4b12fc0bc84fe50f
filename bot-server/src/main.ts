import { ConfigError, loadConfig } from "./config";
import { createLogger } from "./lib/logger";
import { startServer } from "./server";

/** Entry point: read config → open database → migrate → seed → serve; SIGTERM drains and exits 0. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nXem .env.example và README.md (mục Cấu hình).\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, { service: "bot-server" });
  const running = await startServer(config, logger);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("signal received", { signal });
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Không khởi động được máy chủ: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
