import { vnMinuteOfDay } from "@dvc/shared";
import { startNoticeDispatcher } from "../../bot-server/src/modules/broadcast";
import { startDeliveryWorker } from "../../bot-server/src/modules/delivery";
import { failLoudly, openWorkerProcess, standBy, stopOnSigterm } from "./worker-process-kit";

/**
 * The notice fan-out as the server runs it, in a process of its own for the kill test and the bench:
 * the broadcast dispatcher (claims due notices, enqueues a delivery row per group and follower) and
 * `--workers` delivery worker loops, every Zalo call forwarded over HTTP to a fake provider
 * (fake-zalo-provider.ts, through delivery-worker-process.ts's httpZaloPort). Spawn it with
 * delivery-workers.ts (`script: NOTICE_WORKER_SCRIPT`); it takes the same arguments and speaks the same
 * lines (`{"standby"…}`, "go" on stdin, `{"ready"…}`, SIGTERM → `{"stopped"…}`, exit 0).
 */

const HOUR = 3_600_000;

/**
 * Follower notices wait out the quiet hours, 22:00–06:00 Vietnam time (delivery/channel-ladder.ts):
 * run then, the test would wait eight hours. Inside them this process's clock (DeliveryDeps.now, the
 * engine's seam for time) reads noon of the next day instead; outside them it is the real clock.
 */
function daytimeClock(): () => Date {
  const minute = vnMinuteOfDay(new Date());
  const quiet = minute >= 22 * 60 || minute < 6 * 60;
  if (!quiet) return () => new Date();
  const minutesToNoon = (12 * 60 - minute + 24 * 60) % (24 * 60);
  const offset = minutesToNoon * 60_000;
  return () => new Date(Date.now() + offset);
}

async function main(): Promise<void> {
  const worker = await openWorkerProcess("notice-worker", "notices");
  const { values } = worker;
  const now = daytimeClock();
  // No notice template: a follower outside the window would count as unreachable (none is, here).
  const deps = { ...worker.deps, now };
  if (values.standby) await standBy(worker);
  const stops = [
    // The notices of these runs carry no image: nothing to upload.
    startNoticeDispatcher(
      {
        db: deps.db,
        logger: deps.logger,
        miniAppId: deps.miniAppId,
        uploadImage: () => Promise.reject(new Error("no image in these runs")),
      },
      { pollMs: values.pollMs },
    ),
    ...Array.from({ length: values.workers }, () =>
      startDeliveryWorker(deps, { concurrency: values.concurrency, pollMs: values.pollMs }),
    ),
  ];
  const shifted = now().getTime() - Date.now() > HOUR;
  process.stdout.write(
    `${JSON.stringify({ ready: true, pid: process.pid, name: values.name, daytimeClock: shifted })}\n`,
  );
  stopOnSigterm(worker, stops);
}

main().catch(failLoudly);
