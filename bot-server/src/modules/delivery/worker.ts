import { type Claimed, claimDue, settle } from "./claim";
import { type DeliveryDeps, deliverOne } from "./deliver";
import { residentsByIds } from "./recipients";
import { prepaid } from "./send-budget";

export interface DeliveryWorkerOptions {
  /** Messages in flight at once in this worker (each waits ~Zalo's latency). */
  concurrency: number;
  /** How often an idle worker looks for due messages. */
  pollMs: number;
}

/** A claimed message with the budget for its first call already taken (or not, if none was left). */
interface Ready {
  claimed: Claimed;
  paid: boolean;
}

/**
 * A delivery worker: up to `concurrency` messages in flight. A feeder keeps claimed messages ready ahead
 * of the sending slots — claimed in batches, their residents looked up and their first Zalo call taken
 * from the budget at once — so a slot that frees starts the next send without waiting for the database.
 * Polls when nothing is due. Any number of workers in any number of processes share the outbox (claims
 * skip rows others hold). Returns a stop function that resolves once the sends in flight are written and
 * the ready ones put back, so shutdown can close the database after it.
 */
export function startDeliveryWorker(deps: DeliveryDeps, options: DeliveryWorkerOptions): () => Promise<void> {
  const { concurrency } = options;
  const lowWater = Math.ceil(concurrency / 2);
  let stopped = false;
  let wakeFeeder: (() => void) | undefined;
  const ready: Ready[] = [];
  const inFlight = new Set<Promise<void>>();

  /** Sleeps until `ms` pass or a slot asks for more (wakeFeeder is set before this returns). */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wakeFeeder = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Starts sends from the ready ones while slots are free. */
  const dispatch = () => {
    while (!stopped && inFlight.size < concurrency) {
      const next = ready.shift();
      if (!next) return;
      const budget = next.paid ? prepaid(deps.budget, 1) : deps.budget;
      const sending: Promise<void> = deliverOne({ ...deps, budget }, next.claimed)
        .catch((error: unknown) => {
          // The database went away mid-write, or similar: the lease runs out and the row comes back.
          deps.logger.warn("delivery attempt failed", {
            deliveryId: next.claimed.row.id,
            errorClass: error instanceof Error ? error.name : "UnknownError",
          });
        })
        .finally(() => {
          inFlight.delete(sending);
          dispatch();
          if (ready.length < lowWater) wakeFeeder?.();
        });
      inFlight.add(sending);
    }
  };

  const feed = async () => {
    while (!stopped) {
      try {
        // Enough ready to fill every slot once more; no more, so leases are not held idle.
        const room = concurrency - ready.length;
        const claimed = room > 0 ? await claimDue(deps.db, room) : [];
        if (claimed.length > 0) {
          const { granted } = await deps.budget.take(claimed.length);
          await withResidents(deps, claimed);
          for (const [index, one] of claimed.entries()) ready.push({ claimed: one, paid: index < granted });
          dispatch();
        }
        // Nothing due: poll. Plenty ready: sleep until the slots eat into it. Else claim again now.
        if (claimed.length === 0) await pause(options.pollMs);
        else if (ready.length >= lowWater) await pause(options.pollMs);
      } catch (error) {
        deps.logger.warn("delivery worker poll failed", {
          errorClass: error instanceof Error ? error.name : "UnknownError",
        });
        await pause(options.pollMs);
      }
    }
  };
  const feeding = feed();

  return async () => {
    stopped = true;
    wakeFeeder?.();
    await feeding;
    await Promise.allSettled([...inFlight]);
    // Claimed but never started: back to the queue now, not after their lease, and no attempt used.
    await Promise.allSettled(
      ready.splice(0).map(({ claimed }) =>
        settle(deps.db, claimed, {
          status: "queued",
          nextAttemptAt: new Date(),
          attempts: claimed.row.attempts - 1,
        }),
      ),
    );
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
