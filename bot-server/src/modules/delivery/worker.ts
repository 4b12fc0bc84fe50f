import { type Claimed, claimDue, settle } from "./claim";
import { type DeliveryDeps, deliverOne } from "./deliver";
import { residentsByIds } from "./recipients";
import { prepaid } from "./send-budget";
import { createSentBatch } from "./sent-batch";

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
  // Up to two rounds of the slots ready, refilled when one round is left: the feeder's round trips
  // (claim, then budget and residents together) have a whole round of sends to finish in, and each
  // costs the database a third as much per message as with one round (measured: npm run bench, the
  // throughput row went from 76 % to 84 % of the ideal). The price: after a -32 paused the fleet in
  // another process, this one may still spend what it paid for ahead until its next take tells it.
  const readyMax = concurrency * 2;
  const lowWater = concurrency;
  let stopped = false;
  let wakeFeeder: (() => void) | undefined;
  const ready: Ready[] = [];
  const inFlight = new Set<Promise<void>>();
  // "sent" rows are written in batches behind the slots (sent-batch.ts): a slot is Zalo's latency only.
  const sentSink = createSentBatch(deps.db, deps.logger, concurrency);

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
      // Paid before a pause this process has heard of: pays again, which waits the pause out.
      const paidAhead = next.paid && Date.now() >= deps.budget.knownPauseEnd();
      const budget = paidAhead ? prepaid(deps.budget, 1) : deps.budget;
      const sending: Promise<void> = deliverOne({ ...deps, budget }, next.claimed, sentSink)
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

  /** One round of the feeder: claims what the slots will need next and pays for it at once. */
  const feedOnce = async (): Promise<number> => {
    const room = readyMax - ready.length;
    const claimed = room > 0 ? await claimDue(deps.db, room) : [];
    if (claimed.length === 0) return 0;
    const [{ granted }] = await Promise.all([deps.budget.take(claimed.length), withResidents(deps, claimed)]);
    for (const [index, one] of claimed.entries()) ready.push({ claimed: one, paid: index < granted });
    dispatch();
    return claimed.length;
  };

  const feed = async () => {
    while (!stopped) {
      try {
        const claimed = await feedOnce();
        // Nothing due: poll. Plenty ready: sleep until the slots eat into it. Else claim again now.
        if (claimed === 0 || ready.length >= lowWater) await pause(options.pollMs);
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
    await sentSink.flush();
    // Claimed but never started: back to the queue now, not after their lease, and no attempt used.
    const unsent = ready.splice(0).map((one) => one.claimed);
    await Promise.allSettled(
      unsent.map((claimed) =>
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
  const sentSink = createSentBatch(deps.db, deps.logger, concurrency);
  for (let round = 0; round < rounds; round += 1) {
    const claimed = await claimDue(deps.db, concurrency);
    if (claimed.length === 0) return sent;
    await withResidents(deps, claimed);
    await Promise.all(claimed.map((one) => deliverOne(deps, one, sentSink)));
    await sentSink.flush();
    sent += claimed.length;
  }
  return sent;
}
