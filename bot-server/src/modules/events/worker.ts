import { claimPendingEvents } from "./claim";
import { type EventDeps, processEvents } from "./process";

/** Small batches keep a lease short and spread work across nodes. */
const BATCH_SIZE = 10;
/** Longer than any batch should take; an expired lease means the worker died and the row is retried. */
const LEASE_MS = 60_000;

/**
 * Polls inbound_events and processes them (WH-3: the webhook only stores). Every node may run it:
 * claims skip rows other workers hold. Returns a stop function that resolves once the current batch
 * is finished, so shutdown can close the database after it.
 */
export function startEventWorker(deps: EventDeps, { pollMs }: { pollMs: number }): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      // Drain while there is work, then wait for the next poll.
      for (;;) {
        if (stopped) return;
        const events = await claimPendingEvents(deps.db, { limit: BATCH_SIZE, leaseMs: LEASE_MS });
        await processEvents(deps, events);
        if (events.length < BATCH_SIZE) return;
      }
    } catch (error) {
      // Database away or similar: log the class only and try again at the next poll.
      deps.logger.warn("event worker poll failed", {
        errorClass: error instanceof Error ? error.name : "UnknownError",
      });
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, pollMs);
    timer.unref();
  };
  schedule();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
