import { type Claimed, claimDue } from "./claim";
import { type DeliveryDeps, deliverOne } from "./deliver";
import { residentsByIds } from "./recipients";
import { prepaid } from "./send-budget";

export interface DeliveryWorkerOptions {
  /** Messages in flight at once in this worker (each waits ~Zalo's latency). */
  concurrency: number;
  /** How often an idle worker looks for due messages. */
  pollMs: number;
}

/**
 * A delivery worker: keeps up to `concurrency` messages in flight, claiming more as sends finish, and
 * polls when there is nothing due. Any number of workers in any number of processes share the outbox
 * (claims skip rows others hold). Returns a stop function that resolves once the sends in flight are
 * written, so shutdown can close the database after it.
 */
export function startDeliveryWorker(deps: DeliveryDeps, options: DeliveryWorkerOptions): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | undefined;
  const inFlight = new Set<Promise<void>>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Until `slots` are free, or (when nothing was due) any send finishes. */
  const untilFree = async (slots: number, anyWillDo: boolean) => {
    while (inFlight.size > 0 && (anyWillDo || options.concurrency - inFlight.size < slots)) {
      await Promise.race(inFlight);
      if (anyWillDo) return;
    }
  };

  const loop = async () => {
    while (!stopped) {
      try {
        const room = options.concurrency - inFlight.size;
        const claimed = room > 0 ? await claimDue(deps.db, room) : [];
        // The budget for the batch's first calls in one take (one round trip, not one per message);
        // a message beyond what was granted waits for its own.
        const { granted } = claimed.length > 0 ? await deps.budget.take(claimed.length) : { granted: 0 };
        await withResidents(deps, claimed);
        for (const [index, one] of claimed.entries()) {
          const budget = index < granted ? prepaid(deps.budget, 1) : deps.budget;
          const sending: Promise<void> = deliverOne({ ...deps, budget }, one)
            .catch((error: unknown) => {
              // The database went away mid-write, or similar: the lease runs out and the row comes back.
              deps.logger.warn("delivery attempt failed", {
                deliveryId: one.row.id,
                errorClass: error instanceof Error ? error.name : "UnknownError",
              });
            })
            .finally(() => {
              inFlight.delete(sending);
              wake?.();
            });
          inFlight.add(sending);
        }
        if (claimed.length === 0 && inFlight.size === 0) await sleep(options.pollMs);
        // Claims in batches: wait until half the slots are free (or nothing was due), not one by one.
        else await untilFree(Math.ceil(options.concurrency / 2), claimed.length === 0);
      } catch (error) {
        deps.logger.warn("delivery worker poll failed", {
          errorClass: error instanceof Error ? error.name : "UnknownError",
        });
        await sleep(options.pollMs);
      }
    }
  };
  const running = loop();

  return async () => {
    stopped = true;
    wake?.();
    await running;
    await Promise.allSettled([...inFlight]);
  };
}

/** Looks up the residents a batch's replies go to in one query, instead of one per message. */
async function withResidents(deps: DeliveryDeps, claimed: Claimed[]): Promise<void> {
  const ids = claimed.flatMap((one) => (one.row.oaUserId ? [one.row.oaUserId] : []));
  const found = await residentsByIds(deps.db, ids);
  for (const one of claimed) {
    const id = one.row.oaUserId;
    if (id) one.resident = found.get(id) ?? { oaUserId: id, lastInteractionAt: null };
  }
}

/** Sends everything due now, then returns (tests, the admin CLI): at most `rounds` claim rounds. */
export async function drainDue(
  deps: DeliveryDeps,
  { concurrency = 10, rounds = 1_000 } = {},
): Promise<number> {
  let sent = 0;
  for (let round = 0; round < rounds; round += 1) {
    const claimed = await claimDue(deps.db, concurrency);
    if (claimed.length === 0) return sent;
    await withResidents(deps, claimed);
    await Promise.all(claimed.map((one) => deliverOne(deps, one)));
    sent += claimed.length;
  }
  return sent;
}
