import type { Logger } from "../../lib/logger";
import { type FanoutDeps, fanoutStep, finishSentNotices, noticesEnqueuing, startDueNotices } from "./fanout";
import { createTagSync, type TagSync, type TagSyncDeps } from "./tag-sync";

/**
 * The notice dispatcher (issue 13 §6): starts due notices, enqueues their rows batch by batch, marks
 * the finished ones `sent`, and keeps the followers' OA tags in line. Any number of dispatchers in any
 * number of processes may run: notices are claimed and locked row by row (fanout.ts).
 */

export interface DispatcherDeps extends FanoutDeps {
  logger: Logger;
  /** The tag sync's way to Zalo and its share of the send budget; absent → no tag sync (tests of fan-out). */
  tags?: Omit<TagSyncDeps, "db" | "logger">;
}

export interface DispatchRound {
  started: string[];
  /** Follower batches (and group steps) committed this round. */
  steps: number;
  finished: string[];
  tagged: number;
}

/**
 * Does what is due now and returns (the worker's round; tests and the bench drain with it). At most
 * `maxSteps` fan-out steps — a test stops a fan-out midway with it, as a crash would, and a later call
 * resumes from the stored cursor.
 */
export async function runDueNotices(
  deps: DispatcherDeps,
  now: Date = new Date(),
  {
    maxSteps = Number.POSITIVE_INFINITY,
    tagSync,
    shouldStop = () => false,
  }: { maxSteps?: number; tagSync?: TagSync; shouldStop?: () => boolean } = {},
): Promise<DispatchRound> {
  const started = await startDueNotices(deps.db, now);
  let steps = 0;
  for (const noticeId of await noticesEnqueuing(deps.db)) {
    for (;;) {
      if (steps >= maxSteps || shouldStop()) return { started, steps, finished: [], tagged: 0 };
      const result = await stepOrSkip(deps, noticeId, now);
      if (result !== "busy") steps += 1;
      if (result !== "more") break;
    }
  }
  const finished = await finishSentNotices(deps.db, now);
  const tagged = tagSync ? await tagSync.round(now) : 0;
  return { started, steps, finished, tagged };
}

/** One step; a failure (an image upload Zalo refused for now, the database away) waits for the next round. */
async function stepOrSkip(deps: DispatcherDeps, noticeId: string, now: Date) {
  try {
    return await fanoutStep(deps, noticeId, now);
  } catch (error) {
    deps.logger.warn("notice fan-out step failed", {
      noticeId,
      errorClass: error instanceof Error ? error.name : "UnknownError",
    });
    return "busy" as const;
  }
}

/** Starts the dispatcher loop (server.ts); the stop function resolves once the round in hand is over. */
export function startNoticeDispatcher(
  deps: DispatcherDeps,
  { pollMs }: { pollMs: number },
): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | undefined;
  const tagSync = deps.tags ? createTagSync({ db: deps.db, logger: deps.logger, ...deps.tags }) : undefined;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = async () => {
    while (!stopped) {
      try {
        await runDueNotices(deps, new Date(), { shouldStop: () => stopped, ...(tagSync ? { tagSync } : {}) });
      } catch (error) {
        deps.logger.warn("notice dispatcher round failed", {
          errorClass: error instanceof Error ? error.name : "UnknownError",
        });
      }
      if (!stopped) await pause();
    }
  };
  const running = loop();
  return async () => {
    stopped = true;
    wake?.();
    await running;
  };
}
