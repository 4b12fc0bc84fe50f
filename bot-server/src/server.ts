import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import type { Config } from "./config";
import { type DatabaseHandle, openDatabase } from "./db/client";
import { sealLegacyPlainValuesOnce } from "./db/legacy-plain";
import { prepareDatabase } from "./db/prepare";
import { startHousekeeping } from "./housekeeping";
import type { AppDeps } from "./http/env";
import { mountMiniApp } from "./http/mini-app-static";
import { createSealer } from "./lib/crypto";
import type { Logger } from "./lib/logger";
import { MINI_APP_BUILD_DIR } from "./lib/paths";
import {
  BOARD_BASE,
  boardRoutes,
  clearNoticeCommune,
  createGroupsService,
  type DispatcherDeps,
  findNoticeCommune,
  setNoticeCommune,
  startNoticeDispatcher,
} from "./modules/broadcast";
import { createChatbot } from "./modules/chatbot/service";
import { createSendBudget, type DeliveryDeps, startDeliveryWorker } from "./modules/delivery";
import { zaloAdapter } from "./modules/delivery/zalo-adapter";
import { backfillNameTerms, backfillResolutions } from "./modules/dossiers";
import { startEventWorker } from "./modules/events/worker";
import { startHandoverTimeouts } from "./modules/officer-desk";
import { phoneForNotifications } from "./modules/profile";
import { loadCommuneIndex } from "./modules/units";
import { createConfiguredZaloClients } from "./zalo/oa";
import { seedDemoOfficers } from "./zalo-sandbox/demo-officers";
import { sandboxReceiptsFor, sandboxRoutes } from "./zalo-sandbox/routes";

/** How long SIGTERM waits for in-flight requests before giving up. */
const SHUTDOWN_GRACE_MS = 20_000;
/** Webhook events are handled within about half a second of arriving. */
const EVENT_POLL_MS = 500;
/** Queued messages leave within about half a second; each worker keeps this many sends in flight. */
const DELIVERY_POLL_MS = 500;
const DELIVERY_CONCURRENCY = 16;
/** Approved notices start within about a second of their time (issue 13 §5). */
const NOTICE_POLL_MS = 1_000;

export interface RunningServer {
  port: number;
  database: DatabaseHandle;
  stop(): Promise<void>;
}

/** Opens and migrates the database, seeds reference data, and starts HTTP. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const started = performance.now();
  const database = await openDatabase({
    driver: config.database.driver,
    url: config.database.url,
    dataDir: config.dataDir,
    neonWsProxy: config.database.neonWsProxy,
    logger,
  });
  await prepareDatabase(database, logger);
  // Reference data answered from memory from the first request on (the catalog is held by
  // prepareDatabase's sync; communes and their old names are read here, once).
  await loadCommuneIndex(database.db);

  const sealer = createSealer(config.dataEncryptionKey, config.previousDataEncryptionKeys);
  const resealed = await sealLegacyPlainValuesOnce(database.db, sealer);
  if (resealed > 0) logger.info("plain personal data from an older version sealed", { rows: resealed });
  const named = await backfillNameTerms(database.db, sealer);
  if (named > 0) logger.info("dossiers made findable by name", { rows: named });
  const resolved = await backfillResolutions(database.db);
  if (resolved > 0) logger.info("resolution times of older dossiers filled", { rows: resolved });
  const deps = { config, database, logger, sealer };
  const app = createApp(deps);
  // Production mode never mounts the sandbox: its routes simply do not exist there.
  // Its receipts (sent back a moment after each message, as Zalo does) stop before the database closes.
  const sandboxReceipts = config.mode === "sandbox" ? sandboxReceiptsFor(deps) : undefined;
  if (sandboxReceipts) app.route("/sandbox", sandboxRoutes(deps, { receipts: sandboxReceipts }));
  if (config.mode === "sandbox") await seedDemoOfficers(database.db, logger, config.publicUrl);
  // The notice board is a server page: mounted before the Mini App, whose fallback answers any path.
  app.route(BOARD_BASE, boardRoutes(deps));
  mountMiniApp(app, MINI_APP_BUILD_DIR);
  const stopHousekeeping = startHousekeeping(deps);
  const stopHandoverTimeouts = startHandoverTimeouts({ db: database.db, sealer, logger });
  const stopEventWorker = startEventWorker(
    { db: database.db, logger, sealer, afterResidentUpdated: chatbotFor(deps) },
    { pollMs: EVENT_POLL_MS },
  );
  const stopDeliveryWorker = startDeliveryWorker(deliveryDeps(deps), {
    concurrency: DELIVERY_CONCURRENCY,
    pollMs: DELIVERY_POLL_MS,
  });
  const stopNoticeDispatcher = startNoticeDispatcher(noticeDispatcherDeps(deps), { pollMs: NOTICE_POLL_MS });

  if (config.sandboxInProduction)
    logger.warn("NODE_ENV=production with SANDBOX=1: the fake Zalo of /sandbox is served to anyone");
  const server = await listen(app.fetch, config);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  // The sandbox's seeded GMF groups exist in the registry from the start (its Zalo answers over HTTP, so
  // after listen). Production reads Zalo's list when an admin asks (POST /api/officer/groups/sync).
  if (config.mode === "sandbox") void syncSandboxGroups(deps);
  logger.info("server listening", {
    url: `http://${config.host}:${port}`,
    mode: config.mode,
    db: database.driver,
    startupMs: Math.round(performance.now() - started),
  });
  return {
    port,
    database,
    stop: async () => {
      stopHousekeeping();
      stopHandoverTimeouts();
      // Before stopServer closes the database: the workers finish what they hold first.
      await stopEventWorker();
      await stopNoticeDispatcher();
      await stopDeliveryWorker();
      await sandboxReceipts?.stop();
      return stopServer(server, database, logger);
    },
  };
}

/** The chatbot answering residents through the OA; its replies go out through the delivery engine. */
function chatbotFor(deps: AppDeps) {
  return createChatbot({
    db: deps.database.db,
    logger: deps.logger,
    sealer: deps.sealer,
    miniAppId: deps.config.zalo.miniAppId,
    notices: { find: findNoticeCommune, set: setNoticeCommune, clear: clearNoticeCommune },
  });
}

/** The delivery engine over Zalo itself, or over /sandbox in sandbox mode (the same HTTP code path). */
export function deliveryDeps(deps: AppDeps): DeliveryDeps {
  const db = deps.database.db;
  const clients = createConfiguredZaloClients({
    config: deps.config,
    db,
    sealer: deps.sealer,
    logger: deps.logger,
  });
  return {
    db,
    logger: deps.logger,
    sealer: deps.sealer,
    zalo: zaloAdapter(clients),
    budget: createSendBudget(db, { perMinute: deps.config.zalo.ratePerMinute }),
    miniAppId: deps.config.zalo.miniAppId,
    templates: deps.config.zalo.templates,
    consentedPhone: (citizenId) => phoneForNotifications(db, deps.sealer, citizenId),
  };
}

/** The notice dispatcher: fan-out through the delivery engine, image uploads and follower tags over the OA client. */
export function noticeDispatcherDeps(deps: AppDeps): DispatcherDeps {
  const db = deps.database.db;
  const { oa } = createConfiguredZaloClients({
    config: deps.config,
    db,
    sealer: deps.sealer,
    logger: deps.logger,
  });
  const budget = createSendBudget(db, { perMinute: deps.config.zalo.ratePerMinute });
  return {
    db,
    logger: deps.logger,
    miniAppId: deps.config.zalo.miniAppId,
    uploadImage: (image) => oa.uploadImage(image),
    tags: {
      tagFollower: (userId, tag) => oa.tagFollower(userId, tag),
      untagFollower: (userId, tag) => oa.untagFollower(userId, tag),
      takeBudget: (calls) => budget.take(calls),
    },
  };
}

async function syncSandboxGroups(deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  const oa = createConfiguredZaloClients({
    config: deps.config,
    db,
    sealer: deps.sealer,
    logger: deps.logger,
  }).oa;
  try {
    const { found } = await createGroupsService({ db, logger: deps.logger, oa }).syncFromZalo();
    deps.logger.info("sandbox groups synced", { found });
  } catch (error) {
    deps.logger.warn("sandbox group sync failed", {
      errorClass: error instanceof Error ? error.name : "UnknownError",
    });
  }
}

function listen(fetch: Parameters<typeof serve>[0]["fetch"], config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, () =>
      resolve(server as Server),
    );
    server.once("error", reject);
  });
}

/** Stops accepting connections, lets in-flight requests finish, then closes the database. */
async function stopServer(server: Server, database: DatabaseHandle, logger: Logger): Promise<void> {
  logger.info("shutting down: finishing in-flight requests");
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections that go idle (including after their last in-flight response) are closed.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  const timedOut = await Promise.race([
    closed.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), SHUTDOWN_GRACE_MS).unref()),
  ]);
  clearInterval(sweep);
  if (timedOut) {
    logger.warn("shutdown grace period over: closing remaining connections");
    server.closeAllConnections();
  }
  await database.close();
  logger.info("shutdown complete");
}
