/**
 * How long an event stays acceptable, and how long its dedupe key is kept (Stripe's and Svix's webhook
 * rule: refuse what is older than you can recognise as a replay). Zalo resends an unanswered event for
 * about 12 hours (zalo-oa.md §1 "Timing/retries" [U]); three days is far past that, so a real retry is
 * never refused. A dedupe key is kept far longer than the window (events/retention.ts deletes a row only
 * once its event time is older than KEEP_DEDUPE_KEYS_MS), so a signed event replayed later is either
 * still recognised or too old to be accepted: never stored twice.
 */
export const MAX_EVENT_AGE_MS = 3 * 24 * 3600 * 1000;
/** Zalo's clock and ours may differ a little; an event from further in the future is refused too. */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;
/** Dedupe keys (rows without their content) are kept this long after the event's own time. */
export const KEEP_DEDUPE_KEYS_MS = 90 * 24 * 3600 * 1000;

if (KEEP_DEDUPE_KEYS_MS <= MAX_EVENT_AGE_MS + MAX_CLOCK_SKEW_MS) {
  throw new Error("dedupe keys must outlive the window in which events are accepted");
}

/** "1699003881354" (epoch ms as a string [C]) → a time; undefined when it is no such number. */
export function eventTimeOf(timestamp: string): Date | undefined {
  if (!/^\d{1,15}$/.test(timestamp)) return undefined;
  return new Date(Number(timestamp));
}

/** Whether an event of time `at` is inside the window at `now`. */
export function withinReplayWindow(at: Date, now: Date): boolean {
  const age = now.getTime() - at.getTime();
  return age <= MAX_EVENT_AGE_MS && age >= -MAX_CLOCK_SKEW_MS;
}
