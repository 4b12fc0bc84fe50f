/**
 * When to try again (house rule OB-5): attempts at 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after
 * the previous one — 8 attempts over about 27.6 hours — each wait with ±10 % jitter, so a fleet that failed
 * together does not retry together. After the 8th attempt the message is a dead letter (OB-8), unless its
 * time-to-live ends first (OB-6).
 */
export const RETRY_WAITS_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

export const MAX_DELIVERY_ATTEMPTS = RETRY_WAITS_MS.length;
export const RETRY_JITTER = 0.1;

/**
 * The time of the next attempt after `attemptsMade` attempts failed with a retryable error, or null when
 * none is left. `random` is in [0, 1) (Math.random by default; a fixed one in tests). A wait Zalo asked
 * for (-133 at night, a -32 pause) is honoured when later: `notBefore`.
 */
export function nextAttemptAt(
  attemptsMade: number,
  now: Date,
  { random = Math.random, notBefore }: { random?: () => number; notBefore?: Date } = {},
): Date | null {
  if (attemptsMade >= MAX_DELIVERY_ATTEMPTS) return null;
  const wait = RETRY_WAITS_MS[Math.max(attemptsMade, 1)] ?? 0;
  const jittered = wait * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random());
  const scheduled = now.getTime() + Math.round(jittered);
  return new Date(Math.max(scheduled, notBefore?.getTime() ?? 0));
}
