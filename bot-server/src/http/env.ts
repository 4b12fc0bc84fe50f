import type { Config } from "../config";
import type { DatabaseHandle } from "../db/client";
import type { Sealer } from "../lib/crypto";
import type { Logger } from "../lib/logger";

/** What every feature module receives: no globals, so tests build an app over their own database. */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  /** Seals personal data at rest (CCCD, phone, answers) under DATA_ENCRYPTION_KEY. */
  sealer: Sealer;
}

/** Hono context variables set by the shared middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
  };
}
