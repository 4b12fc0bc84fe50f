/**
 * The database's readiness as /healthz reports it, without a query per request. Checks that arrive
 * while a ping is in flight share its answer, and a good answer stands for OK_FOR_MS after its ping
 * began: on the embedded database a ping runs on the server's own thread, so requests cannot pile
 * up behind one, and only the time limit keeps /healthz from costing a query each. A failure is never
 * reused: the next check pings again, so recovery shows on the first check after the database is
 * back. The price, documented: "ok" for up to OK_FOR_MS after the database went away (a load
 * balancer checks every few seconds).
 */
export const OK_FOR_MS = 100;

export interface Readiness {
  /** Resolves when the database answered (now, or a ping begun under OK_FOR_MS ago); else rejects. */
  check(): Promise<void>;
}

export function createReadiness(
  ping: () => Promise<void>,
  options: { okForMs?: number; now?: () => number } = {},
): Readiness {
  const okForMs = options.okForMs ?? OK_FOR_MS;
  const now = options.now ?? (() => performance.now());
  let okSince: number | undefined;
  let inFlight: Promise<void> | undefined;
  return {
    check() {
      if (okSince !== undefined && now() - okSince < okForMs) return Promise.resolve();
      if (inFlight) return inFlight;
      const started = now();
      const current = ping().then(
        () => {
          okSince = started;
        },
        (error: unknown) => {
          okSince = undefined;
          throw error;
        },
      );
      inFlight = current;
      const clear = () => {
        if (inFlight === current) inFlight = undefined;
      };
      current.then(clear, clear);
      return current;
    },
  };
}
